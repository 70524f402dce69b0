package fr.anct.opencollectivites.authoring.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import fr.anct.opencollectivites.pages.MiniSites;
import fr.anct.opencollectivites.publishing.DraftException;
import fr.anct.opencollectivites.security.AuditLog;
import fr.anct.opencollectivites.security.UserSessions;
import fr.anct.opencollectivites.security.WebSessions;

/**
 * {@code /auteur/admin/mini-sites}: the mini-sites with their team group, and the creation of one
 * (name, slug; the team group {@code oc-team-<slug>} and its access control come with it), in the
 * administrator's own repository session.
 */
@AuthorPage
@RefusalMessage("authoring.ui.admin.forbidden")
@Path("auteur/admin/mini-sites")
public final class MiniSiteAdminResource {
    private static final String SECTION = "mini-sites";
    private final AdminPages admin;
    private final UserSessions userSessions;
    private final MiniSites miniSites;
    private final AuditLog audit;
    @Context
    private UriInfo uri;
    @Context
    private SecurityContext security;

    MiniSiteAdminResource(AdminPages admin, UserSessions userSessions, MiniSites miniSites, AuditLog audit) {
        this.admin = admin;
        this.userSessions = userSessions;
        this.miniSites = miniSites;
        this.audit = audit;
    }

    @GET
    public Response list() {
        AdminPages.Gate gate = admin.administrator(security, uri);
        if (gate.refused()) {
            return gate.refusal();
        }
        String created = uri.getQueryParameters().getFirst("cree");
        String success = created != null && created.matches(MiniSites.SLUG_PATTERN)
                ? admin.messages().get("authoring.ui.admin.minisites.created", created) : null;
        return page(gate.session(), "", "", null, Map.of(), success, 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("nom") String name, @FormParam("slug") String slug) {
        AdminPages.Gate gate = admin.administrator(security, uri);
        if (gate.refused()) {
            return gate.refusal();
        }
        String who = gate.session().userId();
        String cleanName = name == null ? "" : name.strip();
        String cleanSlug = slug == null ? "" : slug.strip();
        if (cleanName.isEmpty()) {
            return page(gate.session(), cleanName, cleanSlug, "authoring.ui.admin.minisites.notCreated",
                    Map.of("nom", admin.messages().get("authoring.ui.admin.minisites.nameMissing")), null, 400);
        }
        try {
            userSessions.as(who, s -> miniSites.create(s, cleanSlug, cleanName));
        } catch (DraftException e) {
            return page(gate.session(), cleanName, cleanSlug, "authoring.ui.admin.minisites.notCreated",
                    Map.of("slug", admin.messages().get(e.key(), e.args())), null, 400);
        }
        audit.record(who, "minisite.create", cleanSlug, cleanName);
        return UiPages.seeOther("/auteur/admin/mini-sites?cree=" + cleanSlug);
    }

    private Response page(WebSessions.WebSession session, String name, String slug, String errorKey,
                          Map<String, String> errors, String success, int status) {
        List<MiniSites.MiniSite> sites = userSessions.as(session.userId(),
                s -> miniSites.list(s));
        Map<String, Object> model = new HashMap<>();
        model.put("sites", sites);
        model.put("name", name);
        model.put("slug", slug);
        model.put("errors", errors);
        if (errorKey != null) {
            model.put("error", admin.messages().get(errorKey));
        }
        if (success != null) {
            model.put("success", success);
        }
        model.put("title", admin.messages().get("authoring.ui.admin.minisites.title"));
        return admin.render(status, "authoring-admin-minisites", SECTION, uri, session, model);
    }
}
