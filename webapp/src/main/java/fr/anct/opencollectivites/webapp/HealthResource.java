package fr.anct.opencollectivites.webapp;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import fr.anct.opencollectivites.repository.OakRepository;

/**
 * {@code /health}: liveness (the process answers) and readiness (the repository answers a read).
 * 200 when ready, 503 otherwise, so that a load balancer takes the instance out.
 */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HealthResource.class);
    private final OakRepository repository;

    public HealthResource(OakRepository repository) {
        this.repository = repository;
    }

    @GET
    public Response health() {
        return ready();
    }

    @GET
    @Path("live")
    public Response live() {
        return noCache(Response.ok(Map.of("status", "UP")));
    }

    @GET
    @Path("ready")
    public Response ready() {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean repositoryUp;
        try {
            repositoryUp = repository.withAnonymousSession(session -> session.nodeExists("/collectivites"))
                    && repository.storeFailure().isEmpty();
        } catch (RuntimeException e) {
            // the cause goes to the log, never to a public answer
            LOG.error("Health check: the repository does not answer", e);
            repositoryUp = false;
        }
        body.put("status", repositoryUp ? "UP" : "DOWN");
        body.put("repository", repositoryUp ? "UP" : "DOWN");
        return noCache(Response.status(repositoryUp ? 200 : 503).entity(body));
    }

    private static Response noCache(Response.ResponseBuilder builder) {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setNoStore(true);
        return builder.cacheControl(cacheControl).build();
    }
}
