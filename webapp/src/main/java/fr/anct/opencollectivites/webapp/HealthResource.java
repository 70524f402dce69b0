package fr.anct.opencollectivites.webapp;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import fr.anct.opencollectivites.repository.ClusterDatabase;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * {@code /health}: liveness (the process answers) and readiness (the repository answers a read, its
 * store is sound, and on PostgreSQL the database answers). 200 when ready, 503 otherwise, so that a
 * load balancer takes the instance out; liveness stays 200 while the process can answer at all, so that
 * an orchestrator does not restart an instance only because the database is away.
 */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HealthResource.class);
    private final OakRepository repository;
    private final Optional<ClusterDatabase> database;

    public HealthResource(OakRepository repository) {
        this(repository, Optional.empty());
    }

    public HealthResource(OakRepository repository, Optional<ClusterDatabase> database) {
        this.repository = repository;
        this.database = database;
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
        // the database first, with a short timeout: a read of the repository would wait for it much longer
        boolean databaseUp = database.map(ClusterDatabase::reachable).orElse(true);
        boolean repositoryUp = false;
        if (databaseUp) {
            try {
                repositoryUp = repository.withAnonymousSession(session -> session.nodeExists("/collectivites"))
                        && repository.storeFailure().isEmpty();
            } catch (RuntimeException e) {
                // the cause goes to the log, never to a public answer
                LOG.error("Health check: the repository does not answer", e);
            }
        }
        boolean up = repositoryUp && databaseUp;
        body.put("status", up ? "UP" : "DOWN");
        body.put("repository", repositoryUp ? "UP" : "DOWN");
        body.put("mode", repository.mode().name().toLowerCase(Locale.ROOT));
        if (database.isPresent()) {
            body.put("database", databaseUp ? "UP" : "DOWN");
            body.put("clusterId", repository.clusterId());
        }
        return noCache(Response.status(up ? 200 : 503).entity(body));
    }

    private static Response noCache(Response.ResponseBuilder builder) {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setNoStore(true);
        return builder.cacheControl(cacheControl).build();
    }
}
