package fr.anct.opencollectivites.webapp;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/** Jetty 12 serving the platform's JAX-RS application, with compressed responses. */
final class WebServer {
    /**
     * Jersey warns, through java.util.logging, that resource instances "do not implement any provider
     * interfaces" when they are registered as objects, which is how the composition root wires them.
     * Held here so the level is not lost when the logger is garbage-collected.
     */
    private static final java.util.logging.Logger JERSEY_PROVIDERS =
            java.util.logging.Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

    static {
        JERSEY_PROVIDERS.setLevel(java.util.logging.Level.SEVERE);
    }

    private final Server server;
    private final ServerConnector connector;
    private ServerConnector metricsConnector;

    WebServer(String host, int port, ResourceConfig application) {
        this(host, port, 0, application);
    }

    /** @param metricsPort a second port for {@code /metrics} only ({@link MetricsResource}); 0: none */
    WebServer(String host, int port, int metricsPort, ResourceConfig application) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("http");
        server = new Server(threads);
        connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        if (metricsPort > 0) {
            metricsConnector = new ServerConnector(server);
            metricsConnector.setHost(host);
            metricsConnector.setPort(metricsPort);
            server.addConnector(metricsConnector);
        }

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder("jersey", new ServletContainer(application)), "/*");

        GzipHandler gzip = new GzipHandler();
        gzip.setMinGzipSize(1024);
        gzip.setHandler(context);
        server.setHandler(gzip);
        server.setStopTimeout(5_000);
    }

    void start() throws Exception {
        server.start();
    }

    /** The bound port (useful when configured with 0 for a free port). */
    int port() {
        return connector.getLocalPort();
    }

    void stop() throws Exception {
        server.stop();
    }
}
