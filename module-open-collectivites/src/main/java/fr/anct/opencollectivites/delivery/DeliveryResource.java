package fr.anct.opencollectivites.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.repository.SessionProvider;
import fr.anct.opencollectivites.web.Hashes;
import fr.anct.opencollectivites.web.Json;
import fr.anct.opencollectivites.repository.StoreOutage;

/**
 * Magnolia-style delivery endpoints over HTTP: {@code GET /.rest/delivery/<endpoint>/<path>} (one node),
 * {@code …/<path>@nodes} (its children), {@code GET /.rest/delivery/<endpoint>?…} (a query). Thin: it
 * opens the request's session, calls {@link DeliveryService}, and renders JSON with HTTP caching
 * (strong {@code ETag} of the body, {@code Last-Modified}, 304s, {@code Cache-Control}).
 */
@Path("/.rest/delivery")
public final class DeliveryResource {
    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(60);
    static final String CHILDREN_SUFFIX = "@nodes";
    private static final String JSON_UTF8 = "application/json; charset=UTF-8";
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryResource.class);
    private static final ObjectMapper MAPPER = Json.MAPPER;

    private final DeliveryService service;
    private final SessionProvider sessions;
    private final Messages messages;
    private final String cacheControl;

    public DeliveryResource(DeliveryService service, SessionProvider sessions, Messages messages) {
        this(service, sessions, messages, DEFAULT_MAX_AGE);
    }

    public DeliveryResource(DeliveryService service, SessionProvider sessions, Messages messages, Duration maxAge) {
        this.service = service;
        this.sessions = sessions;
        this.messages = messages;
        this.cacheControl = "public, max-age=" + maxAge.toSeconds();
    }

    @GET
    @Path("{endpoint}")
    public Response query(@PathParam("endpoint") String endpoint, @Context UriInfo uri, @Context Request request,
                          @Context SecurityContext security) {
        if (endpoint.endsWith(CHILDREN_SUFFIX)) {
            String name = endpoint.substring(0, endpoint.length() - CHILDREN_SUFFIX.length());
            return answer(request, security, session -> service.children(session, name, "/"));
        }
        return answer(request, security, session -> service.query(session, endpoint, uri.getQueryParameters()));
    }

    @GET
    @Path("{endpoint}/{path: .*}")
    public Response node(@PathParam("endpoint") String endpoint, @PathParam("path") String path,
                         @Context UriInfo uri, @Context Request request, @Context SecurityContext security) {
        if (path.isEmpty()) {
            return query(endpoint, uri, request, security);
        }
        if (path.endsWith(CHILDREN_SUFFIX)) {
            String parent = path.substring(0, path.length() - CHILDREN_SUFFIX.length());
            return answer(request, security, session -> service.children(session, endpoint, parent));
        }
        return answer(request, security, session -> service.node(session, endpoint, path));
    }

    @FunctionalInterface
    private interface Work {
        DeliveryResult run(Session session) throws RepositoryException;
    }

    private Response answer(Request request, SecurityContext security, Work work) {
        Session session = null;
        try {
            session = sessions.open(security);
            return render(request, work.run(session));
        } catch (DeliveryException e) {
            return error(e.error(), messages.get(e.messageKey(), e.arguments()));
        } catch (RepositoryException | JsonProcessingException | RuntimeException e) {
            if (StoreOutage.causedBy(e)) {
                LOG.warn("Delivery request failed: the repository's store is away ({})", e.toString());
                return Response.fromResponse(error(DeliveryError.UNAVAILABLE, messages.get("delivery.error.unavailable")))
                        .header(HttpHeaders.RETRY_AFTER, StoreOutage.RETRY_AFTER_SECONDS).build();
            }
            LOG.error("Delivery request failed", e);
            return error(DeliveryError.UNKNOWN, messages.get("delivery.error.unknown"));
        } finally {
            if (session != null) {
                sessions.release(session);
            }
        }
    }

    private Response render(Request request, DeliveryResult result) throws JsonProcessingException {
        byte[] body = MAPPER.writeValueAsBytes(result.body());
        EntityTag etag = Hashes.etag(body);
        Date lastModified = result.lastModified()
                .map(instant -> Date.from(instant.truncatedTo(ChronoUnit.SECONDS))).orElse(null);
        Response.ResponseBuilder notModified = lastModified == null ? request.evaluatePreconditions(etag)
                : request.evaluatePreconditions(lastModified, etag);
        Response.ResponseBuilder response = notModified != null ? notModified : Response.ok(body, JSON_UTF8);
        return response.tag(etag).lastModified(lastModified).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }

    private static Response error(DeliveryError error, String message) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode detail = body.putObject("error");
        detail.put("code", error.code());
        detail.put("message", message);
        return Response.status(error.status()).type(JSON_UTF8).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(body.toString().getBytes(StandardCharsets.UTF_8)).build();
    }
}
