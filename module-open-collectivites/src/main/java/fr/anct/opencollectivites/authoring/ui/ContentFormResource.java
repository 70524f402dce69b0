package fr.anct.opencollectivites.authoring.ui;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.jcr.AccessDeniedException;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import fr.anct.opencollectivites.authoring.AuthoringFeature;
import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.Violation;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.publishing.DraftException;
import fr.anct.opencollectivites.publishing.Drafts;
import fr.anct.opencollectivites.publishing.ItemPath;
import fr.anct.opencollectivites.publishing.WorkflowStatus;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.security.Account;
import fr.anct.opencollectivites.security.Role;
import fr.anct.opencollectivites.security.WebSessions;

/**
 * {@code /auteur/contenus/{type}/nouveau} and {@code /auteur/contenus/{type}/{path}}: the generated form
 * of a content type, saved through {@code Drafts} and moved through {@code Workflow} in the author's own
 * repository session. Buttons mirror the roles; the repository's access control still decides.
 */
@Path("auteur/contenus/{type}")
public final class ContentFormResource {
    private static final Set<String> ACTIONS = Set.of("save", "submit", "publish", "reject", "unpublish");

    private final UiPages pages;
    private final UiSessions sessions;
    private final AuthoringFeature authoring;
    private final OakRepository repository;
    private final ContentForm form;
    private final Messages messages;
    @Context
    private UriInfo uri;
    @Context
    private HttpHeaders headers;

    ContentFormResource(UiPages pages, UiSessions sessions, AuthoringFeature authoring, OakRepository repository,
                        ContentForm form) {
        this.pages = pages;
        this.sessions = sessions;
        this.authoring = authoring;
        this.repository = repository;
        this.form = form;
        this.messages = pages.renderer().messages();
    }

    @GET
    @Path("nouveau")
    public Response newItem(@PathParam("type") String typeName) {
        return page(typeName, null, null, Map.of(), null, null);
    }

    @GET
    @Path("{path: .+}")
    public Response edit(@PathParam("type") String typeName, @PathParam("path") String path) {
        return page(typeName, path, null, Map.of(), null, null);
    }

    @POST
    @Path("nouveau")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("type") String typeName, MultivaluedMap<String, String> body) {
        return submit(typeName, null, body);
    }

    @POST
    @Path("{path: .+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("type") String typeName, @PathParam("path") String path,
                           MultivaluedMap<String, String> body) {
        return submit(typeName, path, body);
    }

    private Response submit(String typeName, String path, MultivaluedMap<String, String> body) {
        Optional<WebSessions.WebSession> session = sessions.of(headers);
        if (session.isEmpty()) {
            return UiPages.seeOther(UiPages.LOGIN);
        }
        if (!UiSessions.csrfMatches(session.get(), body.getFirst("csrf"))) {
            return page(typeName, path, submitted(body), Map.of(), "authoring.ui.form.expired", null);
        }
        Optional<ContentTypeDefinition> type = authoring.itemTypes.byName(typeName);
        String action = Optional.ofNullable(body.getFirst("action")).orElse("save");
        if (type.isEmpty() || !ACTIONS.contains(action)) {
            return notFound();
        }
        Map<String, String> values = submitted(body);
        ItemPath item;
        try {
            String relative = path != null ? "/" + path
                    : type.get().datasource().rootPath().replaceAll("/+$", "") + "/" + Optional.ofNullable(body.getFirst("nom")).orElse("").strip();
            item = ItemPath.of(type.get().datasource().workspace(), relative);
        } catch (RuntimeException e) {
            return page(typeName, null, values, Map.of("nom", messages.get("authoring.ui.form.badName")),
                    "authoring.ui.form.invalid", body.getFirst("nom"));
        }
        if (path != null && !item.relativePath().startsWith(type.get().datasource().rootPath().replaceAll("/+$", "") + "/")) {
            return notFound();
        }
        try {
            authoring.userSessions.as(session.get().userId(), s -> {
                act(s, type.get(), item, path == null, action, values, body.getFirst("commentaire"));
                return null;
            });
        } catch (DraftException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (Violation violation : e.violations()) {
                errors.put(violation.field(), messages.get(violation.key(), violation.args().toArray()));
            }
            return page(typeName, path, values, errors, e.violations().isEmpty() ? e.key() : "authoring.ui.form.invalid",
                    body.getFirst("nom"), e.args());
        } catch (RuntimeException e) {
            if (deniedByRepository(e)) {
                return page(typeName, path, values, Map.of(), "authoring.ui.form.denied", body.getFirst("nom"));
            }
            throw e;
        }
        String target = "/auteur/contenus/" + typeName + item.relativePath() + "?fait=" + action;
        return UiPages.seeOther(target);
    }

    private void act(Session s, ContentTypeDefinition type, ItemPath item, boolean creating, String action,
                     Map<String, String> values, String comment) throws RepositoryException {
        if (creating) {
            authoring.drafts.create(s, item, type.name(), form.json(type, values));
        } else if ("save".equals(action) || "submit".equals(action)) {
            authoring.drafts.update(s, item, form.json(type, values));
        }
        switch (action) {
            case "submit" -> authoring.workflow.submit(s, item);
            case "publish" -> authoring.workflow.publish(s, item);
            case "reject" -> authoring.workflow.reject(s, item, comment == null ? "" : comment.strip());
            case "unpublish" -> authoring.workflow.unpublish(s, item);
            default -> { }
        }
    }

    private static boolean deniedByRepository(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException) {
                return true;
            }
        }
        return false;
    }

    private Response page(String typeName, String path, Map<String, String> submitted, Map<String, String> errors,
                          String messageKey, String name, Object... args) {
        Optional<WebSessions.WebSession> session = sessions.of(headers);
        if (session.isEmpty()) {
            return UiPages.seeOther(UiPages.LOGIN);
        }
        Optional<ContentTypeDefinition> type = authoring.itemTypes.byName(typeName);
        if (type.isEmpty()) {
            return notFound();
        }
        String userId = session.get().userId();
        Set<Role> roles = repository.withSystemSession(s -> authoring.accounts.find(s, userId))
                .map(Account::roles).orElse(Set.of());
        Map<String, Object> model = new HashMap<>();
        boolean found = authoring.userSessions.as(userId, s -> {
            Node node = null;
            String status = null;
            if (path != null) {
                ItemPath item;
                try {
                    item = ItemPath.of(type.get().datasource().workspace(), "/" + path);
                } catch (RuntimeException e) {
                    return false;
                }
                if (!s.nodeExists(item.draftPath())) {
                    return false;
                }
                node = s.getNode(item.draftPath());
                if (!type.get().nodeType().equals(node.getPrimaryNodeType().getName())) {
                    return false;
                }
                status = Drafts.statusOf(node).value();
                model.put("status", messages.get("authoring.ui.status." + status));
                if (node.hasProperty(WorkflowStatus.COMMENT)) {
                    model.put("comment", node.getProperty(WorkflowStatus.COMMENT).getString());
                }
                boolean live = s.nodeExists(item.livePath());
                model.put("live", live);
                if (live) {
                    publicPage(s.getNode(item.livePath()), item).ifPresent(url -> model.put("preview", url));
                }
            }
            model.put("fields", form.fields(s, type.get(), node, submitted, errors));
            return true;
        });
        if (!found) {
            return notFound();
        }
        boolean publisher = roles.contains(Role.PUBLISHER) || roles.contains(Role.ADMINISTRATOR);
        model.put("user", userId);
        model.put("csrf", session.get().csrfToken());
        model.put("typeName", typeName);
        String typeKey = "authoring.ui.type." + typeName;
        String typeLabel = messages.get(typeKey);
        model.put("typeLabel", typeLabel.equals(typeKey) ? typeName : typeLabel);
        model.put("creating", path == null);
        model.put("name", name == null ? "" : name);
        model.put("nameError", errors.getOrDefault("nom", ""));
        model.put("action", path == null ? "/auteur/contenus/" + typeName + "/nouveau" : "/auteur/contenus/" + typeName + "/" + path);
        model.put("canPublish", publisher);
        model.put("canReject", publisher || roles.contains(Role.REVIEWER));
        model.putIfAbsent("live", false);
        if (messageKey != null) {
            model.put("error", messages.get(messageKey, args));
        }
        String done = uri.getQueryParameters().getFirst("fait");
        if (messageKey == null && done != null && ACTIONS.contains(done)) {
            model.put("success", messages.get("authoring.ui.form.done." + done));
        }
        model.put("title", messages.get(path == null ? "authoring.ui.form.newTitle" : "authoring.ui.form.editTitle",
                model.get("typeLabel")));
        return pages.render(messageKey == null ? 200 : 400, "authoring-form", uri, model);
    }

    private static final java.util.regex.Pattern TERRITORY =
            java.util.regex.Pattern.compile("(commune|epci|departement|region):([0-9A-Za-z]{1,9})");
    private static final Map<String, String> FICHE_ROOTS = Map.of("commune", "/communes/", "epci", "/epci/",
            "departement", "/departements/", "region", "/regions/");

    /** Where the published item shows: an editorial page at /pages/…, a callout on its collectivité's fiche. */
    private static Optional<String> publicPage(Node live, ItemPath item) throws RepositoryException {
        if (item.relativePath().matches("/pages/[a-z0-9][a-z0-9-]*")) {
            return Optional.of(item.relativePath());
        }
        if (live.hasProperty("collectivite")) {
            java.util.regex.Matcher key = TERRITORY.matcher(live.getProperty("collectivite").getString());
            if (key.matches()) {
                return Optional.of(FICHE_ROOTS.get(key.group(1)) + key.group(2));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> submitted(MultivaluedMap<String, String> body) {
        Map<String, String> values = new HashMap<>();
        body.forEach((key, list) -> {
            if (key.startsWith(ContentForm.PREFIX) && !list.isEmpty()) {
                values.put(key.substring(ContentForm.PREFIX.length()), list.get(0));
            }
        });
        return values;
    }

    private Response notFound() {
        return pages.render(404, "404", uri, Map.of());
    }
}
