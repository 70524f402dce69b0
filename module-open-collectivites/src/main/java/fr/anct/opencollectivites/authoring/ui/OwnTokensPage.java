package fr.anct.opencollectivites.authoring.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import fr.anct.opencollectivites.security.ApiTokens;
import fr.anct.opencollectivites.security.AuditLog;
import fr.anct.opencollectivites.security.WebSessions;

/**
 * A page of the signed-in user's own API tokens — list, create, revoke — under the address of its
 * subclass: the administrators' ({@link TokenAdminResource}) and everyone's ({@link AccountTokenResource})
 * differ only by who may open them and how they are framed. {@code ApiTokens} keys tokens by owner, so a
 * user only ever sees and revokes their own; a token acts with its owner's current rights. The secret of a
 * new token is in the answer to the creating POST only (201, never cached): it is stored hashed, so a
 * redirect could not show it again. Every POST carries the session's CSRF token ({@link AuthorPageFilter}).
 */
// Public: Jersey does not find the resource methods a public subclass inherits from a package-private class.
public abstract class OwnTokensPage {
    /** A token as listed (never its secret). */
    public record TokenRow(String id, String name, String created, String iso) {
    }

    private final AdminPages admin;
    private final ApiTokens tokens;
    private final AuditLog audit;
    private final String address;
    private final BiFunction<SecurityContext, UriInfo, AdminPages.Gate> gate;
    private final String template;
    private final String section;
    @Context
    private UriInfo uri;
    @Context
    private SecurityContext security;

    /**
     * @param gate     who may open the page: the signed-in author, or the answer to give instead
     * @param template the page template framing {@code templates/authoring/tokens.ftl}
     * @param section  the current entry of the page's menu, if it has one
     */
    OwnTokensPage(AdminPages admin, ApiTokens tokens, AuditLog audit, String address,
                  BiFunction<SecurityContext, UriInfo, AdminPages.Gate> gate, String template, String section) {
        this.admin = admin;
        this.tokens = tokens;
        this.audit = audit;
        this.address = address;
        this.gate = gate;
        this.template = template;
        this.section = section;
    }

    @GET
    public Response list() {
        AdminPages.Gate gate = this.gate.apply(security, uri);
        if (gate.refused()) {
            return gate.refusal();
        }
        String done = uri.getQueryParameters().getFirst("fait");
        return page(gate.session(), null, "revoque".equals(done) ? "authoring.ui.tokens.revoked" : null, 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("nom") String name) {
        AdminPages.Gate gate = this.gate.apply(security, uri);
        if (gate.refused()) {
            return gate.refusal();
        }
        String who = gate.session().userId();
        ApiTokens.NewToken token = tokens.create(who, name == null ? null : name.strip());
        audit.record(who, "token.create", token.info().id(), token.info().name());
        return page(gate.session(), token, null, 201);
    }

    @POST
    @Path("{id}/revoquer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") String id) {
        AdminPages.Gate gate = this.gate.apply(security, uri);
        if (gate.refused()) {
            return gate.refusal();
        }
        String who = gate.session().userId();
        if (!tokens.revoke(who, id)) {
            return admin.pages().render(404, "404", uri, Map.of());
        }
        audit.record(who, "token.revoke", id, null);
        return UiPages.seeOther(address + "?fait=revoque");
    }

    private Response page(WebSessions.WebSession session, ApiTokens.NewToken created, String successKey, int status) {
        List<TokenRow> rows = new ArrayList<>();
        for (ApiTokens.TokenInfo token : tokens.list(session.userId())) {
            rows.add(new TokenRow(token.id(), token.name(), UiDates.format(token.created()), UiDates.iso(token.created())));
        }
        rows.sort((a, b) -> b.iso().compareTo(a.iso()));
        Map<String, Object> model = new HashMap<>();
        model.put("tokens", rows);
        model.put("tokensUrl", address);
        if (created != null) {
            model.put("secret", created.secret());
            model.put("secretName", created.info().name());
        }
        if (successKey != null) {
            model.put("success", admin.messages().get(successKey));
        }
        model.put("title", admin.messages().get("authoring.ui.tokens.title"));
        return admin.render(status, template, section, uri, session, model);
    }
}
