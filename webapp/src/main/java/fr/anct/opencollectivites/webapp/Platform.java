package fr.anct.opencollectivites.webapp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.operations.PlatformMetrics;
import fr.anct.opencollectivites.repository.ConfiguredRepository;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.module.RepositoryBootstrap;

/**
 * The composition root: the one place that builds every part of the platform with its constructor
 * and owns their lifecycle (start in dependency order, stop in reverse).
 */
public final class Platform implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final OakRepository repository;
    private final WebServer webServer;
    private volatile boolean closed;

    private Platform(PlatformConfig config) throws Exception {
        long started = System.nanoTime();
        Path lightModule = LightModuleLocator.locate(config.lightModuleDir());
        ContentTypeRegistry contentTypes = ContentTypeRegistry.load(lightModule);
        Messages messages = Messages.load(lightModule);

        ConfiguredRepository configured = ConfiguredRepository.open(config.repository(), config.dataDir());
        toClose.add(configured);
        repository = configured.repository();
        WebServer server = null;
        try {
            PlatformMetrics metrics = new PlatformMetrics();
            toClose.add(metrics);
            Operations operations = new Operations(metrics, configured.database());
            HealthResource health = new HealthResource(repository, configured.database());
            metrics.upGauge("oc.repository.up", "1 when the repository (and its database) answers",
                    () -> health.ready().getStatus() == 200);

            new RepositoryBootstrap(contentTypes).install(repository);
            Features features = Features.create(config, lightModule, contentTypes, messages, repository, operations);
            toClose.add(features);
            // the next instance of a cluster may start now: the repository is installed and seeded
            configured.startupDone();

            ResourceConfig application = new ResourceConfig()
                    .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                    // a redirect's Location stays as written (relative): never built from the request's Host
                    .property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true)
                    .register(JacksonFeature.class)
                    .register(new JsonErrorMapper(messages))
                    .register(new HttpMetricsFilter(metrics.registry()))
                    .register(health)
                    .register(new MetricsResource(metrics, config.security().metricsPort(), config.security().metricsToken()));
            features.resources().forEach(application::register);

            server = new WebServer(config.host(), config.port(), config.security().metricsPort(), application);
            server.start();
            toClose.add(server::stop);
        } catch (Exception e) {
            failStart(e);
        }
        webServer = server;
        LOG.info("Platform started in {} ms on port {} (repository: {})", (System.nanoTime() - started) / 1_000_000,
                webServer.port(), config.repository());
    }

    /** Starts everything; fails fast (with file and line for a broken light-module definition). */
    public static Platform start(PlatformConfig config) throws Exception {
        return new Platform(config);
    }

    /** Releases what a failed start had opened (the repository lock above all), then fails. */
    private void failStart(Exception cause) throws Exception {
        close();
        throw cause;
    }

    public int port() {
        return webServer.port();
    }

    public OakRepository repository() {
        return repository;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                LOG.warn("Error while stopping: {}", e.getMessage(), e);
            }
        }
        LOG.info("Platform stopped");
    }
}
