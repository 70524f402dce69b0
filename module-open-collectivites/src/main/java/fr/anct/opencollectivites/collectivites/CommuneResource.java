package fr.anct.opencollectivites.collectivites;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.repository.Workspaces;

/**
 * {@code GET /.rest/open-collectivites/v1/communes/{code}}: today's commune for any INSEE code. A
 * current code answers 200 with its delivery path; a former code (merged or renamed commune) answers
 * 301 to today's code, so links and bookmarks made with an old code keep working.
 */
@Path("/.rest/open-collectivites/v1/communes")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public final class CommuneResource {
    static final String BASE = "/.rest/open-collectivites/v1/communes/";
    private static final String LIVE_COMMUNES = Workspaces.liveRoot(Workspaces.COLLECTIVITES) + "/communes";

    private final CommuneResolver resolver;
    private final Messages messages;

    public CommuneResource(CommuneResolver resolver, Messages messages) {
        this.resolver = resolver;
        this.messages = messages;
    }

    @GET
    @Path("{code}")
    public Response resolve(@PathParam("code") String code) {
        Optional<CommuneResolver.ResolvedCommune> resolved = resolver.resolve(code);
        if (resolved.isEmpty()) {
            return Response.status(404)
                    .entity(Map.of("error", Map.of("code", "pathNotFound",
                            "message", messages.get("collectivites.error.unknownCommune", code))))
                    .header("Cache-Control", "no-store")
                    .build();
        }
        CommuneResolver.ResolvedCommune commune = resolved.get();
        if (commune.former()) {
            return Response.status(Response.Status.MOVED_PERMANENTLY)
                    .header("Location", BASE + commune.code())
                    .header("Cache-Control", "public, max-age=86400")
                    .build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", commune.code());
        body.put("apiPath", "/.rest/delivery/communes" + commune.path().substring(LIVE_COMMUNES.length()));
        return Response.ok(body).header("Cache-Control", "public, max-age=3600").build();
    }
}
