package fr.anct.opencollectivites;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

import com.sun.net.httpserver.HttpServer;

/**
 * Real HTTP for the module's resource tests: the given JAX-RS resources served by Jersey on the JDK's
 * HTTP server on a free loopback port. The platform itself runs on Jetty (webapp); this keeps the
 * module free of a server while its resources are still tested over the wire.
 */
public final class TestHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TestHttpServer(Object... resources) {
        this(freePort(), resources);
    }

    /** On a port chosen beforehand, for resources that must know their own address (links in mails). */
    public static TestHttpServer onPort(int port, Object... resources) {
        return new TestHttpServer(port, resources);
    }

    private TestHttpServer(int port, Object[] resources) {
        base = URI.create("http://127.0.0.1:" + port + "/");
        ResourceConfig config = new ResourceConfig().register(JacksonFeature.class);
        for (Object resource : resources) {
            config.register(resource);
        }
        server = JdkHttpServerFactory.createHttpServer(base, config);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery.startsWith("/") ? pathAndQuery.substring(1) : pathAndQuery);
    }

    public HttpResponse<String> get(String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(client, request.build());
    }

    /** Sends {@code request} with {@code client}, its body as text; a failure to send fails the test. */
    public static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
