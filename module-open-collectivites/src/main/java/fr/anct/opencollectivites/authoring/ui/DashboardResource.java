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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import fr.anct.opencollectivites.security.AuditLog;
import fr.anct.opencollectivites.security.UserSessions;
import fr.anct.opencollectivites.web.Caller;
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
@AuthorPage
@Path("auteur")
public final class DashboardResource {
    private static final int MAX_PER_TYPE = 50;

    private final UiPages pages;
    private final UserSessions userSessions;
    private final Drafts drafts;
    private final WebSessions webSessions;
    private final AuditLog audit;
    private final PagePlaces places;
    private final ContentTypeRegistry contentTypes;
    private final boolean secureCookies;
    /** Whether the publication tools (tag preview, sources) are served, to link them. */
    private volatile boolean publicationTools;
    @Context
    private UriInfo uri;
    @Context
    private SecurityContext security;

    DashboardResource(UiPages pages, UserSessions userSessions, Drafts drafts, WebSessions webSessions, AuditLog audit,
                      PagePlaces places,
                      ContentTypeRegistry contentTypes, boolean secureCookies) {
        this.pages = pages;
        this.userSessions = userSessions;
        this.drafts = drafts;
        this.webSessions = webSessions;
        this.audit = audit;
        this.places = places;
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
        Author author = Author.of(security);
        WorkflowStatus status = parseStatus(statusFilter);
        String query = q == null ? "" : q.strip();
        List<TypeSection> sections = userSessions.as(author.userId(),
                s -> sections(s, query, status));
        List<PagePlaces.PlaceSection> writablePlaces = userSessions.as(author.userId(), places::writable);
        Map<String, Object> model = new HashMap<>();
        model.put("user", author.userId());
        model.put("csrf", author.csrfToken());
        model.put("q", query);
        model.put("statut", status == null ? "" : status.value());
        model.put("statuses", statusLabels());
        model.put("sections", sections);
        model.put("admin", userSessions.as(author.userId(), AdminPages::mayManageUsers));
        model.put("places", writablePlaces);
        // the tag preview and the sources are the publications' tools: linked for those who may write publications
        // (the communication team), not for a mini-site's team
        model.put("publicationTools", publicationTools
                && sections.stream().anyMatch(section -> section.name().startsWith("publication")));
        return pages.render(200, "authoring-dashboard", uri, model);
    }

    @POST
    @Path("deconnexion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@Context ContainerRequestContext request) {
        Author author = Author.of(security);
        webSessions.delete(author.session().id());
        audit.record(author.userId(), "logout", author.userId(), Caller.clientAddress(request));
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
                for (Node node : drafts.list(session, workspace, type.name(), q, status)) {
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
