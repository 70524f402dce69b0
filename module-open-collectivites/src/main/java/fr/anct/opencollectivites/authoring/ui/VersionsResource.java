package fr.anct.opencollectivites.authoring.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.jcr.Node;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.publishing.DraftException;
import fr.anct.opencollectivites.publishing.ItemPath;
import fr.anct.opencollectivites.publishing.ItemTypes;
import fr.anct.opencollectivites.publishing.Workflow;
import fr.anct.opencollectivites.security.Role;
import fr.anct.opencollectivites.security.UserSessions;
import fr.anct.opencollectivites.security.WebSessions;

/**
 * {@code /auteur/versions/{type}/{path}}: the published versions of an item (number, who, when), the
 * property-by-property diff between two versions or a version and the draft ({@code ?de=&a=}, 0 = the
 * draft), and "restore" for publishers and administrators — all in the author's own repository session.
 */
@AuthorPage
@RefusalMessage("authoring.ui.versions.denied")
@Path("auteur/versions/{type}")
public final class VersionsResource {
    private final AdminPages admin;
    private final UserSessions userSessions;
    private final ItemTypes itemTypes;
    private final Workflow workflow;
    @Context
    private UriInfo uri;
    @Context
    private SecurityContext security;

    VersionsResource(AdminPages admin, UserSessions userSessions, ItemTypes itemTypes, Workflow workflow) {
        this.admin = admin;
        this.userSessions = userSessions;
        this.itemTypes = itemTypes;
        this.workflow = workflow;
    }

    /** A published version as listed. */
    public record VersionRow(int number, String by, String at, String iso) {
    }

    /** A changed property: before and after ("" when absent). */
    public record ChangeRow(String property, String before, String after) {
    }

    /** The item read in the author's session; null when they cannot see it. */
    private record Item(ItemPath path, String title, List<VersionRow> versions) {
    }

    @GET
    @Path("{path: .+}")
    public Response versions(@PathParam("type") String typeName, @PathParam("path") String path,
                             @QueryParam("de") Integer from, @QueryParam("a") Integer to) {
        return page(Author.of(security).session(), typeName, path, from, to, null, 200);
    }

    @POST
    @Path("{path: .+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response restore(@PathParam("type") String typeName, @PathParam("path") String path,
                            @FormParam("version") int version) {
        WebSessions.WebSession session = Author.of(security).session();
        Optional<ItemPath> item = itemPath(typeName, path);
        if (item.isEmpty()) {
            return notFound();
        }
        int published;
        try {
            published = userSessions.as(session.userId(), s -> workflow.restore(s, item.get(), version));
        } catch (DraftException e) {
            return page(session, typeName, path, null, null, admin.messages().get(e.key(), e.args()), 400);
        }
        return UiPages.seeOther("/auteur/versions/" + typeName + "/" + path + "?restauree=" + version
                + "&publiee=" + published);
    }

    private Response page(WebSessions.WebSession session, String typeName, String path, Integer from, Integer to,
                          String error, int status) {
        Optional<ContentTypeDefinition> type = itemTypes.byName(typeName);
        Optional<ItemPath> itemPath = itemPath(typeName, path);
        if (type.isEmpty() || itemPath.isEmpty()) {
            return notFound();
        }
        Map<String, Object> model = new HashMap<>();
        Item item = userSessions.as(session.userId(), s -> {
            if (!s.nodeExists(itemPath.get().draftPath())) {
                return null;
            }
            Node draft = s.getNode(itemPath.get().draftPath());
            if (!type.get().nodeType().equals(draft.getPrimaryNodeType().getName())) {
                return null;
            }
            List<VersionRow> rows = new ArrayList<>();
            for (Workflow.VersionInfo v : workflow.versions(s, itemPath.get())) {
                rows.add(new VersionRow(v.number(), v.publishedBy(), UiDates.format(v.publishedAt()),
                        UiDates.iso(v.publishedAt())));
            }
            if (from != null) {
                int target = to == null ? 0 : to;
                try {
                    List<ChangeRow> changes = new ArrayList<>();
                    for (Workflow.Change c : workflow.diff(s, itemPath.get(), from, target)) {
                        changes.add(new ChangeRow(c.path(), c.before() == null ? "" : c.before(),
                                c.after() == null ? "" : c.after()));
                    }
                    model.put("changes", changes);
                    model.put("from", from);
                    model.put("to", target);
                } catch (DraftException e) {
                    model.put("diffError", admin.messages().get(e.key(), e.args()));
                }
            }
            String title = draft.hasProperty("title") ? draft.getProperty("title").getString() : draft.getName();
            return new Item(itemPath.get(), title, rows);
        });
        if (item == null) {
            return notFound();
        }
        Set<Role> roles = admin.roles(session.userId());
        model.put("user", session.userId());
        model.put("csrf", session.csrfToken());
        model.put("itemTitle", item.title());
        model.put("versions", item.versions());
        model.put("action", "/auteur/versions/" + typeName + "/" + path);
        model.put("editUrl", "/auteur/contenus/" + typeName + "/" + path);
        model.put("canRestore", roles.contains(Role.PUBLISHER) || roles.contains(Role.ADMINISTRATOR));
        model.putIfAbsent("from", item.versions().isEmpty() ? 0 : item.versions().get(item.versions().size() - 1).number());
        model.putIfAbsent("to", 0);
        model.put("title", admin.messages().get("authoring.ui.versions.heading", item.title()));
        if (error != null) {
            model.put("error", error);
        }
        String restored = uri.getQueryParameters().getFirst("restauree");
        String published = uri.getQueryParameters().getFirst("publiee");
        if (error == null && restored != null && restored.matches("\\d{1,9}") && published != null
                && published.matches("\\d{1,9}")) {
            model.put("success", admin.messages().get("authoring.ui.versions.restored", restored, published));
        }
        return admin.pages().render(status, "authoring-versions", uri, model);
    }

    private Optional<ItemPath> itemPath(String typeName, String path) {
        Optional<ContentTypeDefinition> type = itemTypes.byName(typeName);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        try {
            ItemPath item = ItemPath.of(type.get().datasource().workspace(), "/" + path);
            String root = type.get().datasource().rootPath().replaceAll("/+$", "") + "/";
            return item.relativePath().startsWith(root) ? Optional.of(item) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Response notFound() {
        return admin.pages().render(404, "404", uri, Map.of());
    }
}
