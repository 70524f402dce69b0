package fr.anct.opencollectivites.webapp;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import fr.anct.opencollectivites.operations.PlatformMetrics;

/**
 * {@code /metrics}: every meter in Prometheus text format, for a Prometheus server to scrape. Not for
 * the public: the reverse proxy of a public instance does not forward it (docs/operations.md).
 */
@Path("/metrics")
public class MetricsResource {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private final PlatformMetrics metrics;

    public MetricsResource(PlatformMetrics metrics) {
        this.metrics = metrics;
    }

    @GET
    @Produces(PROMETHEUS_TEXT)
    public Response scrape() {
        return Response.ok(metrics.scrape(), PROMETHEUS_TEXT).header("Cache-Control", "no-store").build();
    }
}
