package fr.anct.opencollectivites.publications.links;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import fr.anct.opencollectivites.i18n.Messages;

/**
 * {@code GET /.rest/open-collectivites/v1/editor/publications/broken-links}: the publications whose link
 * is broken, drafts included, for editors. Lists drafts, so it answers only a request whose user has
 * the {@code editor} or {@code administrator} role (403 otherwise, e.g. until authentication is wired).
 */
@Path("/.rest/open-collectivites/v1/editor/publications/broken-links")
@Produces(MediaType.APPLICATION_JSON)
public final class BrokenLinksResource {
    public static final String EDITOR_ROLE = "editor";
    public static final String ADMINISTRATOR_ROLE = "administrator";
    private final LinkChecker checker;
    private final Messages messages;

    public BrokenLinksResource(LinkChecker checker, Messages messages) {
        this.checker = checker;
        this.messages = messages;
    }

    @GET
    public Response list(@Context SecurityContext security) {
        if (security == null || security.getUserPrincipal() == null
                || !(security.isUserInRole(EDITOR_ROLE) || security.isUserInRole(ADMINISTRATOR_ROLE))) {
            return Response.status(403).type(MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"))
                    .header("Cache-Control", "no-store")
                    .entity(Map.of("error", Map.of("code", "accessDenied",
                            "message", messages.get("publications.links.error.forbidden")))).build();
        }
        return Response.ok(Map.of("results", checker.brokenLinks())).header("Cache-Control", "no-store").build();
    }
}
