package fr.anct.opencollectivites.authoring.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import fr.anct.opencollectivites.authoring.AuthoringFeature;
import fr.anct.opencollectivites.authoring.Caller;
import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.publishing.Drafts;
import fr.anct.opencollectivites.publishing.WorkflowStatus;
import fr.anct.opencollectivites.repository.Workspaces;
import fr.anct.opencollectivites.security.Logins;
import fr.anct.opencollectivites.security.WebSessions;

/**
 * {@code GET /auteur/}: for every content type of the registry the author may write, its drafts (search
 * and status filter) and a link to its full list ({@link ContentListResource}), read in the author's own repository session so the access control decides what
 * is listed. {@code POST /auteur/deconnexion} signs out.
 */
@Path("auteur")
public final class DashboardResource {
    private static final int MAX_PER_TYPE = 50;

    private final UiPages pages;
    private final UiSessions sessions;
    private final AuthoringFeature authoring;
    private final ContentTypeRegistry contentTypes;
    private final boolean secureCookies;
    /** Whether the publication tools (tag preview, sources) are served, to link them. */
    private volatile boolean publicationTools;
    @Context
    private UriInfo uri;
    @Context
    private HttpHeaders headers;

    DashboardResource(UiPages pages, UiSessions sessions, AuthoringFeature authoring,
                      ContentTypeRegistry contentTypes, boolean secureCookies) {
        this.pages = pages;
        this.sessions = sessions;
        this.authoring = authoring;
        this.contentTypes = contentTypes;
        this.secureCookies = secureCookies;
    }

    void linkPublicationTools() {
        publicationTools = true;
    }

    /** A line of the dashboard. */
    public record DraftRow(String title, String path, String status, String editUrl) {
    }

    /** A content type the author may write, with its drafts and, when the author may write it, its list. */
    public record TypeSection(String name, String label, String newUrl, String listUrl, List<DraftRow> drafts) {
    }

    @GET
    public Response dashboard(@QueryParam("q") String q, @QueryParam("statut") String statusFilter) {
        Optional<WebSessions.WebSession> session = sessions.of(headers);
        if (session.isEmpty()) {
            return UiPages.seeOther(UiPages.LOGIN);
        }
        WorkflowStatus status = parseStatus(statusFilter);
        String query = q == null ? "" : q.strip();
        List<TypeSection> sections = authoring.userSessions.as(session.get().userId(),
                s -> sections(s, query, status));
        List<PagePlaces.PlaceSection> places = authoring.userSessions.as(session.get().userId(),
                s -> new PagePlaces(authoring, pages.renderer().messages()).writable(s));
        Map<String, Object> model = new HashMap<>();
        model.put("user", session.get().userId());
        model.put("csrf", session.get().csrfToken());
        model.put("q", query);
        model.put("statut", status == null ? "" : status.value());
        model.put("statuses", statusLabels());
        model.put("sections", sections);
        model.put("admin", authoring.userSessions.as(session.get().userId(), AdminPages::mayManageUsers));
        model.put("places", places);
        model.put("publicationTools", publicationTools);
        return pages.render(200, "authoring-dashboard", uri, model);
    }

    @POST
    @Path("deconnexion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@FormParam("csrf") String csrf,
                           @Context ContainerRequestContext request) {
        Optional<WebSessions.WebSession> session = sessions.of(headers);
        if (session.isPresent() && !UiSessions.csrfMatches(session.get(), csrf)) {
            return UiPages.seeOther("/auteur/");
        }
        session.ifPresent(s -> {
            authoring.webSessions.delete(s.id());
            authoring.audit.record(s.userId(), "logout", s.userId(), Caller.clientAddress(request));
        });
        return Response.fromResponse(UiPages.seeOther(UiPages.LOGIN))
                .cookie(Logins.sessionCookie("", 0, secureCookies)).build();
    }

    private List<TypeSection> sections(Session session, String q, WorkflowStatus status) throws RepositoryException {
        List<TypeSection> sections = new ArrayList<>();
        for (ContentTypeDefinition type : contentTypes.all()) {
            String workspace = type.datasource().workspace();
            String rootPath = type.datasource().rootPath().replaceAll("/+$", "");
            String root = Workspaces.draftRoot(workspace) + rootPath;
            // Writers see the types they may add to; publishers and reviewers those whose drafts they may read.
            boolean readable = session.nodeExists(root);
            boolean listed = ContentList.writable(session, type);
            boolean addable = session.hasPermission(root + "/nouveau", Session.ACTION_ADD_NODE);
            if (!readable && !listed && !addable) {
                continue;
            }
            List<DraftRow> rows = new ArrayList<>();
            if (readable) {
                for (Node node : authoring.drafts.list(session, workspace, type.name(), q, status)) {
                    if (rows.size() == MAX_PER_TYPE) {
                        break;
                    }
                    String relative = node.getPath().substring(Workspaces.draftRoot(workspace).length());
                    String title = node.hasProperty("title") ? node.getProperty("title").getString() : node.getName();
                    rows.add(new DraftRow(title, relative, Drafts.statusOf(node).value(),
                            "/auteur/contenus/" + type.name() + relative));
                }
            }
            sections.add(new TypeSection(type.name(), pages.typeLabel(type.name()),
                    addable ? "/auteur/contenus/" + type.name() + "/nouveau" : "", listed ? "/auteur/contenus/" + type.name() : "", rows));
        }
        return sections;
    }

    private Map<String, String> statusLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (WorkflowStatus status : WorkflowStatus.values()) {
            labels.put(status.value(), pages.renderer().messages().get("authoring.ui.status." + status.value()));
        }
        return labels;
    }

    private static WorkflowStatus parseStatus(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return WorkflowStatus.parse(value.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
