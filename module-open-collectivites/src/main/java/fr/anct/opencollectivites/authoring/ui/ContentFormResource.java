package fr.anct.opencollectivites.authoring.ui;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.glassfish.jersey.media.multipart.FormDataMultiPart;

import fr.anct.opencollectivites.assets.AssetStore;
import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.TerritoryKey;
import fr.anct.opencollectivites.content.Violation;
import fr.anct.opencollectivites.fiches.FicheType;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.pages.EditorialContent;
import fr.anct.opencollectivites.publishing.DraftException;
import fr.anct.opencollectivites.publishing.Drafts;
import fr.anct.opencollectivites.publishing.ItemPath;
import fr.anct.opencollectivites.publishing.ItemTypes;
import fr.anct.opencollectivites.publishing.Workflow;
import fr.anct.opencollectivites.publishing.WorkflowStatus;
import fr.anct.opencollectivites.security.UserSessions;

/**
 * {@code /auteur/contenus/{type}/nouveau} and {@code /auteur/contenus/{type}/{path}}: the generated form
 * of a content type, saved through {@code Drafts} and moved through {@code Workflow} in the author's own
 * repository session. An item that exists only live opens on its live copy and its first save starts its draft
 * ({@code Drafts.editLive}). Buttons follow {@code Session.hasPermission} ({@link WorkflowActions}); the
 * repository's access control still decides.
 */
@AuthorPage
@Path("auteur/contenus/{type}")
public final class ContentFormResource {
    private static final Set<String> ACTIONS = Set.of("save", "submit", "publish", "reject", "unpublish");

    /** What a re-rendered form shows beyond values: searches typed in reference pickers, a notice. */
    private record View(Map<String, String> searches, String notice, ScheduleForm.Shown schedule, int status) {
        static final View NONE = new View(Map.of(), null);

        View(Map<String, String> searches, String notice) {
            this(searches, notice, ScheduleForm.Shown.NONE, 0);
        }
    }

    private final UiPages pages;
    private final UserSessions sessions;
    private final ItemTypes itemTypes;
    private final Drafts drafts;
    private final Workflow workflow;
    private final ContentForm form;
    private final Messages messages;
    private final ScheduleForm scheduleForm;
    private final FormPosts posts;
    @Context
    private UriInfo uri;
    @Context
    private SecurityContext security;

    ContentFormResource(UiPages pages, UserSessions sessions, ItemTypes itemTypes, Drafts drafts, Workflow workflow,
                        ContentForm form, ScheduleForm scheduleForm, FormPosts posts) {
        this.pages = pages;
        this.sessions = sessions;
        this.itemTypes = itemTypes;
        this.drafts = drafts;
        this.workflow = workflow;
        this.form = form;
        this.messages = pages.renderer().messages();
        this.scheduleForm = scheduleForm;
        this.posts = posts;
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

    /** The same form sent as multipart/form-data (it has an asset picker's file input). */
    @POST
    @Path("nouveau")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response createWithFiles(@PathParam("type") String typeName, FormDataMultiPart body) {
        return submitMultipart(typeName, null, body);
    }

    @POST
    @Path("{path: .+}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response updateWithFiles(@PathParam("type") String typeName, @PathParam("path") String path,
                                    FormDataMultiPart body) {
        return submitMultipart(typeName, path, body);
    }

    private Response submitMultipart(String typeName, String path, FormDataMultiPart multipart) {
        return FormPosts.multipart(multipart, (body, files) -> submit(typeName, path, body, files));
    }

    private Response submit(String typeName, String path, MultivaluedMap<String, String> body) {
        return submit(typeName, path, body, Map.of());
    }

    private Response submit(String typeName, String path, MultivaluedMap<String, String> body,
                            Map<String, FormPosts.Upload> files) {
        Author author = Author.of(security);
        Optional<ContentTypeDefinition> type = itemTypes.byName(typeName);
        String action = Optional.ofNullable(body.getFirst("action")).orElse("save");
        Optional<Matcher> formAction = FormPosts.formAction(action);
        if (type.isPresent() && ScheduleForm.ACTIONS.contains(action)) {
            return schedule(author, type.get(), path, action, body);
        }
        if (type.isEmpty() || !ACTIONS.contains(action) && formAction.isEmpty()) {
            return notFound();
        }
        Map<String, String> values = submitted(body);
        Map<String, String> searches = FormPosts.searches(body);
        FormPosts.Stored stored = posts.store(author.userId(), type.get(), assetFolder(type.get(), path), files, values);
        if (!stored.errors().isEmpty()) {
            return page(typeName, path, values, stored.errors(), "authoring.ui.asset.notStored", body.getFirst("nom"),
                    new View(searches, null));
        }
        if (formAction.isPresent()) {
            return page(typeName, path, FormPosts.rerendered(formAction.get(), values), Map.of(), null, body.getFirst("nom"),
                    new View(searches, stored.notice()));
        }
        ItemPath item;
        try {
            String relative = path != null ? "/" + path
                    : rootOf(type.get()) + "/" + Optional.ofNullable(body.getFirst("nom")).orElse("").strip();
            item = ItemPath.of(type.get().datasource().workspace(), relative);
        } catch (RuntimeException e) {
            return page(typeName, null, values, Map.of("nom", messages.get("authoring.ui.form.badName")),
                    "authoring.ui.form.invalid", body.getFirst("nom"));
        }
        if (path != null && !item.relativePath().startsWith(rootOf(type.get()) + "/")) {
            return notFound();
        }
        try {
            sessions.as(author.userId(), s -> {
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
        }
        String target = "/auteur/contenus/" + typeName + item.relativePath() + "?fait=" + action;
        return UiPages.seeOther(target);
    }

    /** The item a URL path names under the type's root; empty for a malformed path or one outside it. */
    static Optional<ItemPath> itemOf(ContentTypeDefinition type, String path) {
        ItemPath item;
        try {
            item = ItemPath.of(type.datasource().workspace(), "/" + path);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return item.relativePath().startsWith(rootOf(type) + "/")
                ? Optional.of(item) : Optional.empty();
    }

    /** The "Programmer" fieldset's post: the schedule written in the author's session (the repository decides). */
    private Response schedule(Author author, ContentTypeDefinition type, String path, String action,
                              MultivaluedMap<String, String> body) {
        if (path == null) {
            return notFound();
        }
        Optional<ItemPath> found = itemOf(type, path);
        if (found.isEmpty()) {
            return notFound();
        }
        ItemPath item = found.get();
        Map<String, String> values = ScheduleForm.values(body);
        Map<String, String> errors;
        try {
            errors = sessions.as(author.userId(), s -> scheduleForm.apply(s, item, action, values));
        } catch (DraftException e) {
            return notFound();
        }
        if (!errors.isEmpty()) {
            return page(type.name(), path, null, Map.of(), "authoring.ui.schedule.invalid", null,
                    new View(Map.of(), null, new ScheduleForm.Shown(values, errors), 400));
        }
        return UiPages.seeOther("/auteur/contenus/" + type.name() + item.relativePath() + "?fait=" + action);
    }

    private void act(Session s, ContentTypeDefinition type, ItemPath item, boolean creating, String action,
                     Map<String, String> values, String comment) throws RepositoryException {
        if (creating) {
            drafts.create(s, item, type.name(), form.json(type, values));
        } else {
            if (!s.nodeExists(item.draftPath()) && s.nodeExists(item.livePath())) {
                drafts.editLive(s, item);
            }
            if ("save".equals(action) || "submit".equals(action)) {
                drafts.update(s, item, form.json(type, values));
            }
        }
        switch (action) {
            case "submit" -> workflow.submit(s, item);
            case "publish" -> workflow.publish(s, item);
            case "reject" -> workflow.reject(s, item, comment == null ? "" : comment.strip());
            case "unpublish" -> workflow.unpublish(s, item);
            default -> { }
        }
    }

    private Response page(String typeName, String path, Map<String, String> submitted, Map<String, String> errors,
                          String messageKey, String name, Object... args) {
        return page(typeName, path, submitted, errors, messageKey, name, View.NONE, args);
    }

    private Response page(String typeName, String path, Map<String, String> submitted, Map<String, String> errors,
                          String messageKey, String name, View view, Object... args) {
        Author author = Author.of(security);
        Optional<ContentTypeDefinition> type = itemTypes.byName(typeName);
        if (type.isEmpty()) {
            return notFound();
        }
        String userId = author.userId();
        Map<String, Object> model = new HashMap<>();
        boolean found = sessions.as(userId, s -> {
            Node node = null;
            ItemPath item;
            WorkflowStatus status = WorkflowStatus.DRAFT;
            if (path != null) {
                Optional<ItemPath> named = itemOf(type.get(), path);
                if (named.isEmpty()) {
                    return false;
                }
                item = named.get();
                boolean draft = s.nodeExists(item.draftPath());
                // An item that exists only live opens on its live copy: the first save starts its draft.
                if (!draft && !s.nodeExists(item.livePath())) {
                    return false;
                }
                node = s.getNode(draft ? item.draftPath() : item.livePath());
                if (!type.get().nodeType().equals(node.getPrimaryNodeType().getName())) {
                    return false;
                }
                status = draft ? Drafts.statusOf(node) : WorkflowStatus.PUBLISHED;
                model.put("status", messages.get("authoring.ui.status." + status.value()));
                model.put("liveOnly", !draft);
                if (node.hasProperty(WorkflowStatus.COMMENT)) {
                    model.put("comment", node.getProperty(WorkflowStatus.COMMENT).getString());
                }
                if (draft) {
                    fichePreview(node, item, typeName, path).ifPresent(preview -> model.put("fichePreview", preview));
                    scheduleForm.model(s, item, view.schedule()).ifPresent(schedule -> model.put("schedule", schedule));
                }
                Optional<String> publicationPreview = PublicationPreviewResource.url(typeName, path);
                if (publicationPreview.isPresent() && PublicationPreviewResource.previewed(s, item).isPresent()) {
                    model.put("publicationPreview", publicationPreview.get());
                }
                if (s.nodeExists(item.livePath())) {
                    publicPage(s.getNode(item.livePath()), item).ifPresent(url -> model.put("preview", url));
                }
            } else {
                item = ItemPath.of(type.get().datasource().workspace(), rootOf(type.get()) + "/nouveau");
            }
            buttons(s, item, path == null, status, assetFolder(type.get(), path), model);
            Map<String, String> searches = new HashMap<>(FormPosts.searches(uri.getQueryParameters()));
            searches.putAll(view.searches());
            model.put("fields", form.fields(s, type.get(), node, submitted, errors,
                    new ContentForm.Context(assetFolder(type.get(), path), searches)));
            return true;
        });
        if (!found) {
            return notFound();
        }
        model.put("user", userId);
        model.put("csrf", author.csrfToken());
        model.put("typeName", typeName);
        model.put("typeLabel", pages.typeLabel(typeName));
        model.put("creating", path == null);
        model.put("name", name == null ? "" : name);
        model.put("nameError", errors.getOrDefault("nom", ""));
        model.put("action", path == null ? "/auteur/contenus/" + typeName + "/nouveau" : "/auteur/contenus/" + typeName + "/" + path);
        if (messageKey != null) {
            model.put("error", messages.get(messageKey, args));
        }
        if (view.notice() != null) {
            model.put("success", view.notice());
        }
        model.put("maxUploadMb", AssetStore.DEFAULT_MAX_BYTES / (1024 * 1024));
        String done = uri.getQueryParameters().getFirst("fait");
        if (messageKey == null && done != null && (ACTIONS.contains(done) || ScheduleForm.ACTIONS.contains(done))) {
            model.put("success", messages.get("authoring.ui.form.done." + done));
        }
        model.put("title", messages.get(path == null ? "authoring.ui.form.newTitle" : "authoring.ui.form.editTitle",
                model.get("typeLabel")));
        return pages.render(view.status() != 0 ? view.status() : messageKey == null ? 200 : 400, "authoring-form", uri, model);
    }

    /**
     * The workflow buttons the author's session would see succeed ({@link WorkflowActions}, the page editor's
     * checks): save and the form's re-rendering buttons where the draft may be written (and, for the upload,
     * a file added to the item's asset folder), submit for a draft or a rejected one, publish, unpublish when
     * live, reject a submitted draft. A new item may only be saved or submitted.
     */
    private static void buttons(Session s, ItemPath item, boolean creating, WorkflowStatus status, String assetFolder,
                                Map<String, Object> model) throws RepositoryException {
        WorkflowActions allowed = WorkflowActions.of(s, item);
        model.put("live", allowed.live());
        model.put("canEdit", allowed.edit());
        model.put("canSubmit", allowed.edit() && (status == WorkflowStatus.DRAFT || status == WorkflowStatus.REJECTED));
        model.put("canPublish", !creating && allowed.publish());
        model.put("canUnpublish", !creating && allowed.unpublish());
        model.put("canReject", !creating && status == WorkflowStatus.SUBMITTED && allowed.reject());
        model.put("formActions", allowed.edit()
                && s.hasPermission(AssetStore.ROOT + "/" + assetFolder + "/nouveau", Session.ACTION_ADD_NODE));
    }

    /** Where the published item shows: an editorial page at /pages/…, a callout on its collectivité's fiche. */
    private static Optional<String> publicPage(Node live, ItemPath item) throws RepositoryException {
        if (item.relativePath().matches("/pages/[a-z0-9][a-z0-9-]*")) {
            return Optional.of(item.relativePath());
        }
        if (!live.hasProperty("collectivite")) {
            return Optional.empty();
        }
        Optional<TerritoryKey> key = TerritoryKey.parse(live.getProperty("collectivite").getString());
        return key.flatMap(FicheType::of).map(type -> "/" + type.section() + "/" + key.get().code());
    }

    /**
     * The "Aperçu" of a draft shown on fiches: a callout or alert on its territory's fiche (a link), a
     * démarche on the fiche of a commune the author names (a small GET form).
     */
    private static Optional<Map<String, Object>> fichePreview(Node draft, ItemPath item, String typeName, String path)
            throws RepositoryException {
        Optional<String> url = FichePreviewResource.url(typeName, path);
        Optional<EditorialContent.Draft> shown = url.isEmpty() ? Optional.empty()
                : EditorialContent.draft(draft, item.livePath(), java.time.Instant.now());
        if (shown.isEmpty() || (shown.get().demarche() == null && shown.get().territory().isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(Map.of("url", url.get(), "askCommune", shown.get().demarche() != null));
    }

    /** The type's root path without a final slash ({@code /callouts}; empty for a root of {@code /}). */
    static String rootOf(ContentTypeDefinition type) {
        return type.datasource().rootPath().replaceAll("/+$", "");
    }

    /** Uploads of a mini-site's items go to the site's folder (its team may write there), others to editorial. */
    private static String assetFolder(ContentTypeDefinition type, String path) {
        return FormPosts.assetFolder(type.datasource().workspace(), path != null ? "/" + path : type.datasource().rootPath());
    }

    private static Map<String, String> submitted(MultivaluedMap<String, String> body) {
        return FormPosts.submitted(body);
    }

    private Response notFound() {
        return pages.render(404, "404", uri, Map.of());
    }
}
