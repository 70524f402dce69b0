package fr.anct.opencollectivites.authoring.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import fr.anct.opencollectivites.security.ApiTokens;
import fr.anct.opencollectivites.security.WebSessions;

/**
 * {@code /auteur/admin/jetons}: the administrator's own API tokens — list, create, revoke. The secret
 * of a new token is in the answer to the creating POST only (201, never cached): it is stored hashed,
 * so a redirect could not show it again.
 */
@Path("auteur/admin/jetons")
public final class TokenAdminResource {
    private static final String SECTION = "jetons";
    private final AdminPages admin;
    @Context
    private UriInfo uri;
    @Context
    private HttpHeaders headers;

    TokenAdminResource(AdminPages admin) {
        this.admin = admin;
    }

    /** A token as listed (never its secret). */
    public record TokenRow(String id, String name, String created, String iso) {
    }

    @GET
    public Response list() {
        AdminPages.Gate gate = admin.administrator(headers, uri);
        if (gate.refused()) {
            return gate.refusal();
        }
        String done = uri.getQueryParameters().getFirst("fait");
        return page(gate.session(), null, "revoque".equals(done) ? "authoring.ui.admin.tokens.revoked" : null, 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("nom") String name, @FormParam("csrf") String csrf) {
        AdminPages.Gate gate = admin.administratorPost(headers, uri, csrf);
        if (gate.refused()) {
            return gate.refusal();
        }
        String who = gate.session().userId();
        ApiTokens.NewToken token = admin.authoring().apiTokens.create(who, name == null ? null : name.strip());
        admin.authoring().audit.record(who, "token.create", token.info().id(), token.info().name());
        return page(gate.session(), token, null, 201);
    }

    @POST
    @Path("{id}/revoquer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") String id, @FormParam("csrf") String csrf) {
        AdminPages.Gate gate = admin.administratorPost(headers, uri, csrf);
        if (gate.refused()) {
            return gate.refusal();
        }
        String who = gate.session().userId();
        if (!admin.authoring().apiTokens.revoke(who, id)) {
            return admin.pages().render(404, "404", uri, Map.of());
        }
        admin.authoring().audit.record(who, "token.revoke", id, null);
        return UiPages.seeOther("/auteur/admin/jetons?fait=revoque");
    }

    private Response page(WebSessions.WebSession session, ApiTokens.NewToken created, String successKey, int status) {
        List<TokenRow> rows = new ArrayList<>();
        for (ApiTokens.TokenInfo token : admin.authoring().apiTokens.list(session.userId())) {
            rows.add(new TokenRow(token.id(), token.name(), UiDates.format(token.created()), UiDates.iso(token.created())));
        }
        rows.sort((a, b) -> b.iso().compareTo(a.iso()));
        Map<String, Object> model = new HashMap<>();
        model.put("tokens", rows);
        if (created != null) {
            model.put("secret", created.secret());
            model.put("secretName", created.info().name());
        }
        if (successKey != null) {
            model.put("success", admin.messages().get(successKey));
        }
        model.put("title", admin.messages().get("authoring.ui.admin.tokens.title"));
        return admin.render(status, "authoring-admin-tokens", SECTION, uri, session, model);
    }
}
