package fr.anct.opencollectivites.webapp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import fr.anct.opencollectivites.operations.PlatformMetrics;

/**
 * {@code /metrics}: every meter in Prometheus text format, for a Prometheus server to scrape; never for
 * the public. Who may read it ({@code metrics.*} settings):
 * <ul>
 * <li>{@code metrics.port} set: answered on that port only (a 404 on the public one);</li>
 * <li>{@code metrics.token} set: only with {@code Authorization: Bearer <token>} (401 otherwise);</li>
 * <li>neither: only to a client on this machine connecting directly (a loopback peer, no
 * {@code X-Forwarded-For}/{@code Forwarded}: not through a reverse proxy), a 404 for anyone else.</li>
 * </ul>
 */
@Path("/metrics")
public class MetricsResource {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private final PlatformMetrics metrics;
    private final int metricsPort;
    private final Optional<String> token;

    public MetricsResource(PlatformMetrics metrics) {
        this(metrics, 0, Optional.empty());
    }

    public MetricsResource(PlatformMetrics metrics, int metricsPort, Optional<String> token) {
        this.metrics = metrics;
        this.metricsPort = metricsPort;
        this.token = token;
    }

    @GET
    @Produces(PROMETHEUS_TEXT)
    public Response scrape(@Context HttpServletRequest request, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @Context HttpHeaders headers) {
        if (metricsPort > 0 && request.getLocalPort() != metricsPort) {
            return Response.status(404).header("Cache-Control", "no-store").build();
        }
        if (token.isPresent()) {
            String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? authorization.substring(7).strip() : "";
            if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token.get().getBytes(StandardCharsets.UTF_8))) {
                return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"metrics\"")
                        .header("Cache-Control", "no-store").build();
            }
        } else if (metricsPort == 0 && !(loopback(request.getRemoteAddr())
                && headers.getHeaderString("X-Forwarded-For") == null && headers.getHeaderString("Forwarded") == null)) {
            return Response.status(404).header("Cache-Control", "no-store").build();
        }
        return Response.ok(metrics.scrape(), PROMETHEUS_TEXT).header("Cache-Control", "no-store").build();
    }

    private static boolean loopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
