package fr.anct.opencollectivites.authoring.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.Violation;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.pages.ComponentTemplates;
import fr.anct.opencollectivites.publishing.DraftException;
import fr.anct.opencollectivites.publishing.Drafts;
import fr.anct.opencollectivites.publishing.ItemPath;
import fr.anct.opencollectivites.publishing.WorkflowStatus;
import fr.anct.opencollectivites.repository.Workspaces;
import fr.anct.opencollectivites.security.UserSessions;

/**
 * What the page editor's resources share ({@link PageEditorResource} for pages, {@link ComponentEditorResource}
 * for their components): the page's view (properties form, workflow, areas and their components), the model
 * every editor page carries, labels, and running a change in the author's session with the service's
 * refusals shown on the form.
 */
final class PageEditorView {
    /** What a re-rendered form shows beyond values: searches typed in reference pickers, a notice, a new name. */
    record FormView(Map<String, String> searches, String notice, String newName) {
        static final FormView NONE = new FormView(Map.of(), null);

        FormView(Map<String, String> searches, String notice) {
            this(searches, notice, null);
        }
    }

    /** What a failed change shows: the field errors, the message key and its arguments. */
    record Failure(Map<String, String> errors, String key, Object[] args) {
    }

    interface Change {
        void apply(Session session) throws RepositoryException;
    }

    interface Reshow {
        Response page(Failure failure);
    }

    private final UiPages pages;
    private final UserSessions sessions;
    private final ContentTypeDefinition pageType;
    private final ComponentTemplates components;
    private final ContentForm form;
    private final PageEditor editor;
    private final ScheduleForm scheduleForm;
    private final Messages messages;
    private final long maxUploadBytes;

    PageEditorView(UiPages pages, UserSessions sessions, ContentTypeDefinition pageType, ComponentTemplates components,
                   ContentForm form, PageEditor editor, ScheduleForm scheduleForm, long maxUploadBytes) {
        this.pages = pages;
        this.sessions = sessions;
        this.pageType = pageType;
        this.components = components;
        this.form = form;
        this.editor = editor;
        this.scheduleForm = scheduleForm;
        this.messages = pages.renderer().messages();
        this.maxUploadBytes = maxUploadBytes;
    }

    ContentTypeDefinition pageType() {
        return pageType;
    }

    ContentForm form() {
        return form;
    }

    PageEditor editor() {
        return editor;
    }

    ScheduleForm scheduleForm() {
        return scheduleForm;
    }

    Messages messages() {
        return messages;
    }

    UiPages pages() {
        return pages;
    }

    UserSessions sessions() {
        return sessions;
    }

    ComponentTemplates components() {
        return components;
    }

    Response page(UriInfo uri, Author author, String placeKey, String pageName, Map<String, String> submitted,
                  Map<String, String> errors, String messageKey, Object... args) {
        return page(uri, author, placeKey, pageName, submitted, errors, ScheduleForm.Shown.NONE, FormView.NONE, messageKey,
                args);
    }

    /** The editor of a page: its properties, workflow, schedule and areas; 404 when the author cannot read it. */
    Response page(UriInfo uri, Author author, String placeKey, String pageName, Map<String, String> submitted,
                  Map<String, String> errors, ScheduleForm.Shown schedule, FormView view, String messageKey,
                  Object... args) {
        Optional<PagePlace> place = PagePlace.parse(placeKey);
        if (place.isEmpty()) {
            return notFound(uri);
        }
        ItemPath item = place.get().page(pageName);
        Map<String, Object> model = new HashMap<>();
        boolean found = sessions.as(author.userId(), s -> {
            if (!s.nodeExists(item.draftPath()) || !s.getNode(item.draftPath()).isNodeType("mgnl:page")) {
                return false;
            }
            Node page = s.getNode(item.draftPath());
            WorkflowStatus status = Drafts.statusOf(page);
            String template = PageEditor.template(page).orElse(place.get().templateFor(pageName));
            WorkflowActions allowed = WorkflowActions.of(s, item);
            model.put("pageTitle", PageEditor.title(page));
            model.put("status", messages.get("authoring.ui.status." + status.value()));
            if (page.hasProperty(WorkflowStatus.COMMENT)) {
                model.put("comment", page.getProperty(WorkflowStatus.COMMENT).getString());
            }
            model.put("templateLabel", messages.get(pages.renderer().page(template).titleKey()));
            Map<String, String> searches = new HashMap<>(FormPosts.searches(uri.getQueryParameters()));
            searches.putAll(view.searches());
            model.put("fields", form.fields(s, pageType, page, submitted, errors,
                    new ContentForm.Context(FormPosts.assetFolder(item.workspace(), item.relativePath()), searches)));
            model.put("live", allowed.live());
            model.put("canEdit", allowed.edit());
            model.put("canSubmit", allowed.edit() && (status == WorkflowStatus.DRAFT || status == WorkflowStatus.REJECTED));
            model.put("canPublish", allowed.publish());
            model.put("canUnpublish", allowed.unpublish());
            PageEditor.PageActions actions = PageEditor.PageActions.of(s, place.get(), pageName);
            model.put("canDelete", actions.canDelete());
            model.put("canRename", actions.canRename());
            scheduleForm.model(s, item, schedule).ifPresent(shown -> model.put("schedule", shown));
            model.put("canReject", status == WorkflowStatus.SUBMITTED && allowed.reject());
            List<Map<String, Object>> areas = new ArrayList<>();
            for (PageEditor.AreaView area : editor.areas(page, pages.renderer().page(template).areas())) {
                areas.add(areaModel(s, place.get(), item, pageName, area));
            }
            model.put("areas", areas);
            model.put("placeLabel", placeLabel(s, place.get()));
            return true;
        });
        if (!found) {
            return notFound(uri);
        }
        commonWithForm(model, uri, author, view, messageKey, args);
        model.put("newName", view.newName() == null ? pageName : view.newName());
        model.put("newNameError", errors.getOrDefault(PageEditorResource.NEW_NAME, ""));
        model.put("action", place.get().editorUrl(pageName));
        model.put("listUrl", place.get().listUrl());
        model.put("previewUrl", place.get().previewUrl(pageName));
        model.put("publicUrl", place.get().publicUrl(pageName));
        List<Map<String, String>> types = new ArrayList<>();
        for (String type : components.names()) {
            types.add(Map.of("name", type.substring("component:".length()), "label", componentLabel(type)));
        }
        model.put("componentTypes", types);
        model.put("newComponentUrl", place.get().editorUrl(pageName) + "/composants/nouveau");
        model.put("title", messages.get("authoring.ui.page.title", model.get("pageTitle")));
        return pages.render(messageKey == null ? 200 : 400, "authoring-page", uri, model);
    }

    private Map<String, Object> areaModel(Session s, PagePlace place, ItemPath page, String pageName,
                                          PageEditor.AreaView area) throws RepositoryException {
        String areaDraft = page.draftPath() + "/" + area.name();
        Map<String, Object> model = new HashMap<>();
        model.put("name", area.name());
        model.put("label", label("authoring.ui.page.area." + area.name(), area.name()));
        model.put("canAdd", s.hasPermission(areaDraft + "/nouveau", Session.ACTION_ADD_NODE));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PageEditor.ComponentRow row : area.components()) {
            String url = place.editorUrl(pageName) + "/composants/" + area.name() + "/" + row.name();
            String path = areaDraft + "/" + row.name();
            Map<String, Object> component = new HashMap<>();
            component.put("name", row.name());
            component.put("label", componentLabel(row.typeName()));
            component.put("title", row.title());
            component.put("editUrl", url);
            component.put("first", row.first());
            component.put("last", row.last());
            component.put("canEdit", s.hasPermission(path, Session.ACTION_SET_PROPERTY));
            component.put("canMove", s.hasPermission(areaDraft + "/nouveau", Session.ACTION_ADD_NODE));
            component.put("canRemove", s.hasPermission(path, Session.ACTION_REMOVE));
            rows.add(component);
        }
        model.put("components", rows);
        return model;
    }

    /**
     * Runs the change in the author's session; null on success, else the form shown again with the
     * service's errors (400), or 404 for a draft that is not there. A refusal of the repository goes on to
     * {@link AccessRefusedPage}.
     */
    Response run(UriInfo uri, Author author, Change change, Reshow reshow) {
        try {
            sessions.as(author.userId(), s -> {
                change.apply(s);
                return null;
            });
            return null;
        } catch (DraftException e) {
            if (e.reason() == DraftException.Reason.NOT_FOUND) {
                return notFound(uri);
            }
            Map<String, String> errors = new LinkedHashMap<>();
            for (Violation violation : e.violations()) {
                errors.put(violation.field(), messages.get(violation.key(), violation.args().toArray()));
            }
            String key = e.violations().isEmpty() ? e.key() : "authoring.ui.form.invalid";
            return reshow.page(new Failure(errors, key, e.args()));
        }
    }

    /** {@link #common} for the pages holding a generated form: its upload/re-rendering buttons and notice. */
    void commonWithForm(Map<String, Object> model, UriInfo uri, Author author, FormView view, String messageKey,
                        Object... args) {
        common(model, uri, author, messageKey, args);
        if (view.notice() != null) {
            model.put("success", view.notice());
        }
        model.put("formActions", true);
        model.put("maxUploadMb", maxUploadBytes / (1024 * 1024));
    }

    void common(Map<String, Object> model, UriInfo uri, Author author, String messageKey, Object... args) {
        model.put("user", author.userId());
        model.put("csrf", author.csrfToken());
        if (messageKey != null) {
            model.put("error", messages.get(messageKey, args));
        }
        String done = uri.getQueryParameters().getFirst("fait");
        if (messageKey == null && done != null && done.matches("[A-Za-z]{1,20}")) {
            String key = "authoring.ui.page.done." + done;
            String text = messages.get(key);
            if (!text.equals(key)) {
                model.put("success", text);
            }
        }
    }

    String placeLabel(Session s, PagePlace place) throws RepositoryException {
        if (!place.isMiniSite()) {
            return messages.get("authoring.ui.pages.editorial");
        }
        String live = Workspaces.livePath(Workspaces.WEBSITE, place.relativeRoot());
        String name = s.nodeExists(live) && s.getNode(live).hasProperty("name")
                ? s.getNode(live).getProperty("name").getString() : place.slug();
        return messages.get("authoring.ui.pages.miniSite", name);
    }

    String componentLabel(String typeName) {
        String shortName = typeName.replaceFirst("^component:", "").replaceFirst("^" + ComponentTemplates.PREFIX, "");
        return label("authoring.component." + shortName, shortName);
    }

    String label(String key, String fallback) {
        String text = messages.get(key);
        return text.equals(key) ? fallback : text;
    }

    Map<String, String> statusLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (WorkflowStatus status : WorkflowStatus.values()) {
            labels.put(status.value(), messages.get("authoring.ui.status." + status.value()));
        }
        return labels;
    }

    Response notFound(UriInfo uri) {
        return pages.render(404, "404", uri, Map.of());
    }
}
