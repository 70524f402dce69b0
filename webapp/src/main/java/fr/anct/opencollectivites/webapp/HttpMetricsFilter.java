package fr.anct.opencollectivites.webapp;

import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;

import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times every HTTP request: {@code http_server_requests_seconds{method,uri,status}}, where {@code uri} is
 * the matched route template (a bounded set), never the requested path.
 */
@PreMatching
final class HttpMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String STARTED = HttpMetricsFilter.class.getName() + ".started";
    private final MeterRegistry registry;

    HttpMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        if (!(started instanceof Long start)) {
            return;
        }
        Timer.builder("http.server.requests")
                .publishPercentileHistogram(false)
                .tag("method", request.getMethod())
                .tag("uri", route(request))
                .tag("status", Integer.toString(response.getStatus()))
                .register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    private static String route(ContainerRequestContext request) {
        if (!(request.getUriInfo() instanceof ExtendedUriInfo info)) {
            return "UNKNOWN";
        }
        List<UriTemplate> templates = info.getMatchedTemplates();
        if (templates.isEmpty()) {
            return "NOT_FOUND";
        }
        StringBuilder route = new StringBuilder();
        for (int i = templates.size() - 1; i >= 0; i--) {
            String template = templates.get(i).getTemplate();
            if (!template.equals("/")) {
                route.append(template.startsWith("/") ? "" : "/").append(template);
            }
        }
        return route.length() == 0 ? "/" : route.toString();
    }
}
