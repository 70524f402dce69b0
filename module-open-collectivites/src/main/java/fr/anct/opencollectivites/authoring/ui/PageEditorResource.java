package fr.anct.opencollectivites.authoring.ui;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.glassfish.jersey.media.multipart.FormDataMultiPart;

import fr.anct.opencollectivites.authoring.AuthoringFeature;
import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.Violation;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.pages.ComponentTemplates;
import fr.anct.opencollectivites.publishing.DraftException;
import fr.anct.opencollectivites.publishing.Drafts;
import fr.anct.opencollectivites.publishing.ItemPath;
import fr.anct.opencollectivites.publishing.WorkflowStatus;
import fr.anct.opencollectivites.repository.Workspaces;
import fr.anct.opencollectivites.security.WebSessions;

/**
 * The page editor, {@code /auteur/pages/{editoriales | sites/<slug>}}: the pages of the place and a form
 * to create one; {@code …/{page}}: its properties (the generated form of the {@code page} type), the
 * workflow, and its areas with their components; {@code …/{page}/composants/…}: a component's form,
 * generated from the {@code properties} of its {@code templates/components/minisite-*.yaml}, moving and
 * removing it; {@code …/{page}/supprimer} and {@code …/renommer}: deleting the page's draft or moving it to a new
 * name, both refused while the page is live (it is unpublished first). Everything is done in the author's repository session (the access control decides, a
 * refusal answers 403); buttons are shown after {@code Session.hasPermission}.
 */
@Path("auteur/pages/{place: editoriales|sites/[a-z0-9][a-z0-9-]{1,49}}")
public final class PageEditorResource {
    private static final String PAGE = "{page: [a-z0-9][a-z0-9-]{0,63}}";
    private static final String COMPONENT = PAGE + "/composants/{area: [a-z0-9][a-z0-9-]{0,63}}/{component: [a-z0-9][a-z0-9-]{0,63}}";
    private static final String NEW_NAME = "nouveauNom";
    private static final Set<String> PAGE_ACTIONS = Set.of("save", "submit", "publish", "reject", "unpublish");

    private final UiPages pages;
    private final UiSessions sessions;
    private final AuthoringFeature authoring;
    private final ContentTypeDefinition pageType;
    private final ComponentTemplates components;
    private final ContentForm form;
    private final PageEditor editor;
    private final Messages messages;
    private final ScheduleForm scheduleForm;
    private final FormPosts posts;
    @Context
    private UriInfo uri;
    @Context
    private HttpHeaders headers;

    PageEditorResource(UiPages pages, UiSessions sessions, AuthoringFeature authoring, ContentTypeRegistry contentTypes,
                       ComponentTemplates components, ContentForm form) {
        this.pages = pages;
        this.sessions = sessions;
        this.authoring = authoring;
        this.pageType = contentTypes.require("page");
        this.components = components;
        this.form = form;
        this.editor = new PageEditor(authoring.drafts);
        this.messages = pages.renderer().messages();
        this.scheduleForm = new ScheduleForm(authoring.workflow, messages, Clock.systemUTC());
        this.posts = new FormPosts(authoring, messages);
    }

    // ---- the pages of a place

    @GET
    public Response list(@PathParam("place") String placeKey) {
        return listPage(placeKey, null, Map.of(), null, "", null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("place") String placeKey, MultivaluedMap<String, String> body) {
        Optional<WebSessions.WebSession> session = sessions.of(headers);
        Optional<PagePlace> place = PagePlace.parse(placeKey);
        if (session.isEmpty() || place.isEmpty()) {
            return session.isEmpty() ? UiPages.seeOther(UiPages.LOGIN) : notFound();
        }
        Map<String, String> values = submitted(body);
        String template = Optional.ofNullable(body.getFirst("gabarit")).orElse("").strip();
        String name = "minisite-home".equals(template) ? PagePlace.HOME
                : Optional.ofNullable(body.getFirst("nom")).orElse("").strip();
        if (!UiSessions.csrfMatches(session.get(), body.getFirst("csrf"))) {
            return listPage(placeKey, values, Map.of(), "authoring.ui.form.expired", name, template);
        }
        if (!name.matches(PagePlace.PAGE_NAME)) {
            return listPage(placeKey, values, Map.of("nom", messages.get("authoring.ui.form.badName")),
                    "authoring.ui.form.invalid", name, template);
        }
        if (!place.get().templates().contains(template) || !place.get().templateFor(name).equals(template)) {
            return listPage(placeKey, values, Map.of("gabarit", messages.get("authoring.ui.pages.badTemplate")),
                    "authoring.ui.form.invalid", name, template);
        }
        ItemPath page = place.get().page(name);
        Response failure = run(session.get(), s -> authoring.drafts.create(s, page, pageType.name(), form.json(pageType, values)),
                errors -> listPage(placeKey, values, errors.errors(), errors.key(), name, template, errors.args()));
        return failure != null ? failure : UiPages.seeOther(place.get().editorUrl(name) + "?fait=create");
    }

    private Response listPage(String placeKey, Map<String, String> submitted, Map<String, String> errors,
                              String messageKey, String name, String chosenTemplate, Object... args) {
        Optional<WebSessions.WebSession> session = sessions.of(headers);
        if (session.isEmpty()) {
            return UiPages.seeOther(UiPages.LOGIN);
        }
        Optional<PagePlace> place = PagePlace.parse(placeKey);
        if (place.isEmpty()) {
            return notFound();
        }
        Map<String, Object> model = new HashMap<>();
        boolean visible = authoring.userSessions.as(session.get().userId(), s -> {
            boolean readable = s.nodeExists(place.get().draftRoot());
            boolean canCreate = s.hasPermission(place.get().draftRoot() + "/nouvelle-page", Session.ACTION_ADD_NODE);
            if (!readable && !canCreate) {
                return false;
            }
            model.put("canCreate", canCreate);
            model.put("rows", editor.pages(s, place.get()));
            model.put("fields", form.fields(s, pageType, null, submitted, errors));
            model.put("placeLabel", placeLabel(s, place.get()));
            return true;
        });
        if (!visible) {
            return notFound();
        }
        common(model, session.get(), messageKey, args);
        model.put("place", place.get().key());
        model.put("action", place.get().listUrl());
        model.put("name", name == null ? "" : name);
        model.put("nameError", errors.getOrDefault("nom", ""));
        model.put("templateError", errors.getOrDefault("gabarit", ""));
        Map<String, String> templates = new LinkedHashMap<>();
        for (String template : place.get().templates()) {
            templates.put(template, messages.get(pages.renderer().page(template).titleKey()));
        }
        model.put("templates", templates);
        List<String> allowed = place.get().templates();
        model.put("template", chosenTemplate != null && allowed.contains(chosenTemplate) ? chosenTemplate : allowed.get(allowed.size() - 1));
        model.put("statuses", statusLabels());
        model.put("title", messages.get("authoring.ui.pages.title", model.get("placeLabel")));
        return pages.render(messageKey == null ? 200 : 400, "authoring-pages", uri, model);
    }

    // ---- a page: properties, workflow, areas and components

    @GET
    @Path(PAGE)
    public Response page(@PathParam("place") String placeKey, @PathParam("page") String pageName) {
        return pagePage(placeKey, pageName, null, Map.of(), null);
    }

    @POST
    @Path(PAGE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updatePage(@PathParam("place") String placeKey, @PathParam("page") String pageName,
                               MultivaluedMap<String, String> body) {
        return submitPage(placeKey, pageName, body, Map.of());
    }

    /** The page's properties form sent as multipart/form-data (it has an asset picker's file input). */
    @POST
    @Path(PAGE)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response updatePageWithFiles(@PathParam("place") String placeKey, @PathParam("page") String pageName,
                                        FormDataMultiPart multipart) {
        return FormPosts.multipart(multipart, (body, files) -> submitPage(placeKey, pageName, body, files));
    }

    private Response submitPage(String placeKey, String pageName, MultivaluedMap<String, String> body,
                                Map<String, FormPosts.Upload> files) {
        Optional<WebSessions.WebSession> session = sessions.of(headers);
        Optional<PagePlace> place = PagePlace.parse(placeKey);
        if (session.isEmpty() || place.isEmpty()) {
            return session.isEmpty() ? UiPages.seeOther(UiPages.LOGIN) : notFound();
        }
        Map<String, String> values = submitted(body);
        String action = Optional.ofNullable(body.getFirst("action")).orElse("save");
        if (!UiSessions.csrfMatches(session.get(), body.getFirst("csrf"))) {
            return pagePage(placeKey, pageName, values, Map.of(), "authoring.ui.form.expired");
        }
        ItemPath page = place.get().page(pageName);
        if (ScheduleForm.ACTIONS.contains(action)) {
            Map<String, String> schedule = ScheduleForm.values(body);
            Map<String, String> scheduleErrors = new LinkedHashMap<>();
            Response failure = run(session.get(), s -> scheduleErrors.putAll(scheduleForm.apply(s, page, action, schedule)),
                    errors -> pagePage(placeKey, pageName, null, Map.of(), errors.key(), errors.args()));
            if (failure != null) {
                return failure;
            }
            if (!scheduleErrors.isEmpty()) {
                return pagePage(placeKey, pageName, null, Map.of(), new ScheduleForm.Shown(schedule, scheduleErrors), FormView.NONE,
                        "authoring.ui.schedule.invalid");
            }
            return UiPages.seeOther(place.get().editorUrl(pageName) + "?fait=" + action);
        }
        Optional<Matcher> formAction = FormPosts.formAction(action);
        if (!PAGE_ACTIONS.contains(action) && formAction.isEmpty()) {
            return notFound();
        }
        Map<String, String> searches = FormPosts.searches(body);
        FormPosts.Stored stored = posts.store(session.get().userId(), pageType,
                FormPosts.assetFolder(page.workspace(), page.relativePath()), files, values);
        if (!stored.errors().isEmpty()) {
            return pagePage(placeKey, pageName, values, stored.errors(), ScheduleForm.Shown.NONE, new FormView(searches, null),
                    "authoring.ui.asset.notStored");
        }
        if (formAction.isPresent()) {
            return pagePage(placeKey, pageName, FormPosts.rerendered(formAction.get(), values), Map.of(),
                    ScheduleForm.Shown.NONE, new FormView(searches, stored.notice()), null);
        }
        String comment = Optional.ofNullable(body.getFirst("commentaire")).orElse("").strip();
        Response failure = run(session.get(), s -> {
            if ("save".equals(action)) {
                authoring.drafts.update(s, page, form.json(pageType, values));
            }
            switch (action) {
                case "submit" -> authoring.workflow.submit(s, page);
                case "publish" -> authoring.workflow.publish(s, page);
                case "reject" -> authoring.workflow.reject(s, page, comment);
                case "unpublish" -> authoring.workflow.unpublish(s, page);
                default -> { }
            }
        }, errors -> pagePage(placeKey, pageName, values, errors.errors(), errors.key(), errors.args()));
        return failure != null ? failure : UiPages.seeOther(place.get().editorUrl(pageName) + "?fait=" + action);
    }

    private Response pagePage(String placeKey, String pageName, Map<String, String> submitted,
                              Map<String, String> errors, String messageKey, Object... args) {
        return pagePage(placeKey, pageName, submitted, errors, ScheduleForm.Shown.NONE, FormView.NONE, messageKey, args);
    }

    private Response pagePage(String placeKey, String pageName, Map<String, String> submitted, Map<String, String> errors,
                              ScheduleForm.Shown schedule, FormView view, String messageKey, Object... args) {
        Optional<WebSessions.WebSession> session = sessions.of(headers);
        if (session.isEmpty()) {
            return UiPages.seeOther(UiPages.LOGIN);
        }
        Optional<PagePlace> place = PagePlace.parse(placeKey);
        if (place.isEmpty()) {
            return notFound();
        }
        ItemPath item = place.get().page(pageName);
        Map<String, Object> model = new HashMap<>();
        boolean found = authoring.userSessions.as(session.get().userId(), s -> {
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
            return notFound();
        }
        commonWithForm(model, session.get(), view, messageKey, args);
        model.put("newName", view.newName() == null ? pageName : view.newName());
        model.put("newNameError", errors.getOrDefault(NEW_NAME, ""));
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

    // ---- deleting and renaming a page (in the author's session; a live page must be unpublished first)

    @POST
    @Path(PAGE + "/supprimer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deletePage(@PathParam("place") String placeKey, @PathParam("page") String pageName,
                               MultivaluedMap<String, String> body) {
        Optional<WebSessions.WebSession> session = sessions.of(headers);
        Optional<PagePlace> place = PagePlace.parse(placeKey);
        if (session.isEmpty() || place.isEmpty()) {
            return session.isEmpty() ? UiPages.seeOther(UiPages.LOGIN) : notFound();
        }
        if (!UiSessions.csrfMatches(session.get(), body.getFirst("csrf"))) {
            return pagePage(placeKey, pageName, null, Map.of(), "authoring.ui.form.expired");
        }
        ItemPath page = place.get().page(pageName);
        Response failure = run(session.get(), s -> {
            refuseWhenLive(s, page, "authoring.ui.page.deleteLive");
            editor.deletePage(s, page);
        }, errors -> pagePage(placeKey, pageName, null, Map.of(), errors.key(), errors.args()));
        if (failure != null) {
            return failure;
        }
        authoring.audit.record(session.get().userId(), "delete", page.toString(), null);
        return UiPages.seeOther(place.get().listUrl() + "?fait=deleted");
    }

    @POST
    @Path(PAGE + "/renommer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response renamePage(@PathParam("place") String placeKey, @PathParam("page") String pageName,
                               MultivaluedMap<String, String> body) {
        Optional<WebSessions.WebSession> session = sessions.of(headers);
        Optional<PagePlace> place = PagePlace.parse(placeKey);
        if (session.isEmpty() || place.isEmpty()) {
            return session.isEmpty() ? UiPages.seeOther(UiPages.LOGIN) : notFound();
        }
        String newName = Optional.ofNullable(body.getFirst(NEW_NAME)).orElse("").strip();
        FormView view = new FormView(Map.of(), null, newName);
        if (!UiSessions.csrfMatches(session.get(), body.getFirst("csrf"))) {
            return pagePage(placeKey, pageName, null, Map.of(), ScheduleForm.Shown.NONE, view, "authoring.ui.form.expired");
        }
        String nameError = !newName.matches(PagePlace.PAGE_NAME) ? "authoring.ui.form.badName"
                : newName.equals(pageName) ? "authoring.ui.page.renameSame"
                : !place.get().templateFor(newName).equals(place.get().templateFor(pageName)) ? "authoring.ui.page.renameHome"
                : null;
        if (nameError != null) {
            return pagePage(placeKey, pageName, null, Map.of(NEW_NAME, messages.get(nameError)), ScheduleForm.Shown.NONE,
                    view, "authoring.ui.page.renameInvalid");
        }
        ItemPath page = place.get().page(pageName);
        ItemPath renamed = place.get().page(newName);
        Response failure = run(session.get(), s -> {
            refuseWhenLive(s, page, "authoring.ui.page.renameLive");
            editor.renamePage(s, page, renamed);
        }, errors -> pagePage(placeKey, pageName, null,
                "authoring.ui.page.renameExists".equals(errors.key()) ? Map.of(NEW_NAME, messages.get(errors.key())) : Map.of(),
                ScheduleForm.Shown.NONE, view, errors.key(), errors.args()));
        if (failure != null) {
            return failure;
        }
        authoring.audit.record(session.get().userId(), "rename", page.toString(), renamed.toString());
        // Renamed from the page list (its hidden "retour" field): back to the list, else to the page's new editor.
        String next = "liste".equals(body.getFirst("retour")) ? place.get().listUrl() : place.get().editorUrl(newName);
        return UiPages.seeOther(next + "?fait=renamed");
    }

    /** The public site shows the live copy under the page's name: it is taken down before the draft goes. */
    private static void refuseWhenLive(Session s, ItemPath page, String key) throws RepositoryException {
        if (s.nodeExists(page.draftPath()) && s.nodeExists(page.livePath())) {
            throw new DraftException(DraftException.Reason.CONFLICT, key);
        }
    }

    // ---- components

    @GET
    @Path(PAGE + "/composants/nouveau")
    public Response newComponent(@PathParam("place") String placeKey, @PathParam("page") String pageName,
                                 @QueryParam("type") String type, @QueryParam("zone") String area) {
        return componentPage(placeKey, pageName, area, null, type, null, Map.of(), null);
    }

    @POST
    @Path(PAGE + "/composants/nouveau")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addComponent(@PathParam("place") String placeKey, @PathParam("page") String pageName,
                                 MultivaluedMap<String, String> body) {
        return submitComponent(placeKey, pageName, body.getFirst("zone"), null, body, Map.of());
    }

    /** The same form sent as multipart/form-data (it has an asset picker's file input). */
    @POST
    @Path(PAGE + "/composants/nouveau")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response addComponentWithFiles(@PathParam("place") String placeKey, @PathParam("page") String pageName,
                                          FormDataMultiPart multipart) {
        return FormPosts.multipart(multipart, (body, files) ->
                submitComponent(placeKey, pageName, body.getFirst("zone"), null, body, files));
    }

    @GET
    @Path(COMPONENT)
    public Response component(@PathParam("place") String placeKey, @PathParam("page") String pageName,
                              @PathParam("area") String area, @PathParam("component") String component) {
        return componentPage(placeKey, pageName, area, component, null, null, Map.of(), null);
    }

    @POST
    @Path(COMPONENT)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateComponent(@PathParam("place") String placeKey, @PathParam("page") String pageName,
                                    @PathParam("area") String area, @PathParam("component") String component,
                                    MultivaluedMap<String, String> body) {
        return submitComponent(placeKey, pageName, area, component, body, Map.of());
    }

    @POST
    @Path(COMPONENT)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response updateComponentWithFiles(@PathParam("place") String placeKey, @PathParam("page") String pageName,
                                             @PathParam("area") String area, @PathParam("component") String component,
                                             FormDataMultiPart multipart) {
        return FormPosts.multipart(multipart, (body, files) ->
                submitComponent(placeKey, pageName, area, component, body, files));
    }

    /**
     * A component's form posted: the chosen files stored first, then either the form re-rendered (a row
     * added or removed, a search, an upload; nothing saved) or the component created or saved.
     */
    private Response submitComponent(String placeKey, String pageName, String area, String component,
                                     MultivaluedMap<String, String> body, Map<String, FormPosts.Upload> files) {
        String typeName = body.getFirst("type");
        Optional<WebSessions.WebSession> session = sessions.of(headers);
        Optional<PagePlace> place = PagePlace.parse(placeKey);
        Optional<ContentTypeDefinition> type = componentType(typeName);
        String action = Optional.ofNullable(body.getFirst("action")).orElse("save");
        Optional<Matcher> formAction = FormPosts.formAction(action);
        if (session.isEmpty() || place.isEmpty() || type.isEmpty() || area == null || !area.matches(PagePlace.PAGE_NAME)
                || !"save".equals(action) && formAction.isEmpty()) {
            return session.isEmpty() ? UiPages.seeOther(UiPages.LOGIN) : notFound();
        }
        Map<String, String> values = submitted(body);
        if (!UiSessions.csrfMatches(session.get(), body.getFirst("csrf"))) {
            return componentPage(placeKey, pageName, area, component, typeName, values, Map.of(), "authoring.ui.form.expired");
        }
        ItemPath page = place.get().page(pageName);
        Map<String, String> searches = FormPosts.searches(body);
        FormPosts.Stored stored = posts.store(session.get().userId(), type.get(),
                FormPosts.assetFolder(page.workspace(), page.relativePath()), files, values);
        if (!stored.errors().isEmpty()) {
            return componentPage(placeKey, pageName, area, component, typeName, values, stored.errors(),
                    new FormView(searches, null), "authoring.ui.asset.notStored");
        }
        if (formAction.isPresent()) {
            return componentPage(placeKey, pageName, area, component, typeName,
                    FormPosts.rerendered(formAction.get(), values), Map.of(), new FormView(searches, stored.notice()), null);
        }
        Response failure;
        if (component == null) {
            failure = run(session.get(), s -> editor.addComponent(s, page, area, type.get().name(), form.json(type.get(), values)),
                    errors -> componentPage(placeKey, pageName, area, null, typeName, values, errors.errors(),
                            new FormView(searches, null), errors.key(), errors.args()));
        } else {
            ItemPath item = componentPath(page, area, component);
            failure = run(session.get(), s -> {
                if (!type.get().name().equals(authoring.drafts.read(s, item).type().name())) {
                    throw new DraftException(DraftException.Reason.INVALID, "authoring.error.properties");
                }
                editor.updateComponent(s, page, item, form.json(type.get(), values));
            }, errors -> componentPage(placeKey, pageName, area, component, typeName, values, errors.errors(),
                    new FormView(searches, null), errors.key(), errors.args()));
        }
        return failure != null ? failure : UiPages.seeOther(place.get().editorUrl(pageName) + "?fait="
                + (component == null ? "componentAdded" : "componentSaved"));
    }

    @POST
    @Path(COMPONENT + "/deplacer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("place") String placeKey, @PathParam("page") String pageName,
                         @PathParam("area") String area, @PathParam("component") String component,
                         MultivaluedMap<String, String> body) {
        boolean up = "up".equals(body.getFirst("sens"));
        return structural(placeKey, pageName, body, "componentMoved",
                (s, page) -> editor.move(s, page, componentPath(page, area, component), up));
    }

    @POST
    @Path(COMPONENT + "/supprimer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("place") String placeKey, @PathParam("page") String pageName,
                           @PathParam("area") String area, @PathParam("component") String component,
                           MultivaluedMap<String, String> body) {
        return structural(placeKey, pageName, body, "componentRemoved",
                (s, page) -> editor.removeComponent(s, page, componentPath(page, area, component)));
    }

    private interface PageChange {
        void apply(Session session, ItemPath page) throws RepositoryException;
    }

    private Response structural(String placeKey, String pageName, MultivaluedMap<String, String> body, String done,
                                PageChange change) {
        Optional<WebSessions.WebSession> session = sessions.of(headers);
        Optional<PagePlace> place = PagePlace.parse(placeKey);
        if (session.isEmpty() || place.isEmpty()) {
            return session.isEmpty() ? UiPages.seeOther(UiPages.LOGIN) : notFound();
        }
        if (!UiSessions.csrfMatches(session.get(), body.getFirst("csrf"))) {
            return pagePage(placeKey, pageName, null, Map.of(), "authoring.ui.form.expired");
        }
        ItemPath page = place.get().page(pageName);
        Response failure = run(session.get(), s -> change.apply(s, page),
                errors -> pagePage(placeKey, pageName, null, Map.of(), errors.key(), errors.args()));
        return failure != null ? failure : UiPages.seeOther(place.get().editorUrl(pageName) + "?fait=" + done);
    }

    private Response componentPage(String placeKey, String pageName, String area, String componentName, String typeParam,
                                   Map<String, String> submitted, Map<String, String> errors, String messageKey,
                                   Object... args) {
        return componentPage(placeKey, pageName, area, componentName, typeParam, submitted, errors, FormView.NONE,
                messageKey, args);
    }

    /** What a re-rendered component form shows beyond values: searches typed in reference pickers, a notice. */
    private record FormView(Map<String, String> searches, String notice, String newName) {
        static final FormView NONE = new FormView(Map.of(), null);

        FormView(Map<String, String> searches, String notice) {
            this(searches, notice, null);
        }
    }

    private Response componentPage(String placeKey, String pageName, String area, String componentName, String typeParam,
                                   Map<String, String> submitted, Map<String, String> errors, FormView view,
                                   String messageKey, Object... args) {
        Optional<WebSessions.WebSession> session = sessions.of(headers);
        if (session.isEmpty()) {
            return UiPages.seeOther(UiPages.LOGIN);
        }
        Optional<PagePlace> place = PagePlace.parse(placeKey);
        if (place.isEmpty() || area == null || !area.matches(PagePlace.PAGE_NAME)) {
            return notFound();
        }
        ItemPath page = place.get().page(pageName);
        Map<String, Object> model = new HashMap<>();
        boolean found = authoring.userSessions.as(session.get().userId(), s -> {
            if (!s.nodeExists(page.draftPath()) || !s.getNode(page.draftPath()).isNodeType("mgnl:page")) {
                return false;
            }
            ContentTypeDefinition type;
            Node node = null;
            if (componentName == null) {
                Optional<ContentTypeDefinition> chosen = componentType(typeParam);
                if (chosen.isEmpty()) {
                    return false;
                }
                type = chosen.get();
            } else {
                ItemPath item = componentPath(page, area, componentName);
                if (!s.nodeExists(item.draftPath()) || !s.getNode(item.draftPath()).isNodeType("mgnl:component")) {
                    return false;
                }
                Drafts.Draft draft = authoring.drafts.read(s, item);
                type = draft.type();
                node = draft.node();
            }
            model.put("type", type.name().substring("component:".length()));
            model.put("typeLabel", componentLabel(type.name()));
            Map<String, String> searches = new HashMap<>(FormPosts.searches(uri.getQueryParameters()));
            searches.putAll(view.searches());
            model.put("fields", form.fields(s, type, node, submitted, errors,
                    new ContentForm.Context(FormPosts.assetFolder(page.workspace(), page.relativePath()), searches)));
            model.put("pageTitle", PageEditor.title(s.getNode(page.draftPath())));
            model.put("canEdit", node == null
                    ? s.hasPermission(page.draftPath() + "/" + area + "/nouveau", Session.ACTION_ADD_NODE)
                    : s.hasPermission(node.getPath(), Session.ACTION_SET_PROPERTY));
            return true;
        });
        if (!found) {
            return notFound();
        }
        commonWithForm(model, session.get(), view, messageKey, args);
        model.put("creating", componentName == null);
        model.put("area", area);
        model.put("areaLabel", label("authoring.ui.page.area." + area, area));
        model.put("pageUrl", place.get().editorUrl(pageName));
        model.put("action", componentName == null ? place.get().editorUrl(pageName) + "/composants/nouveau"
                : place.get().editorUrl(pageName) + "/composants/" + area + "/" + componentName);
        model.put("title", messages.get(componentName == null ? "authoring.ui.component.newTitle"
                : "authoring.ui.component.editTitle", model.get("typeLabel")));
        return pages.render(messageKey == null ? 200 : 400, "authoring-component", uri, model);
    }

    // ---- shared

    /** What a failed change shows: the field errors, the message key and its arguments. */
    private record Failure(Map<String, String> errors, String key, Object[] args) {
    }

    private interface Change {
        void apply(Session session) throws RepositoryException;
    }

    private interface Reshow {
        Response page(Failure failure);
    }

    /**
     * Runs the change in the author's session; null on success, else the form shown again with the
     * service's errors (400) or, when the repository refused, a 403 page.
     */
    private Response run(WebSessions.WebSession session, Change change, Reshow reshow) {
        try {
            authoring.userSessions.as(session.userId(), s -> {
                change.apply(s);
                return null;
            });
            return null;
        } catch (DraftException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (Violation violation : e.violations()) {
                errors.put(violation.field(), messages.get(violation.key(), violation.args().toArray()));
            }
            String key = e.violations().isEmpty() ? e.key() : "authoring.ui.form.invalid";
            if (e.reason() == DraftException.Reason.NOT_FOUND) {
                return notFound();
            }
            return reshow.page(new Failure(errors, key, e.args()));
        } catch (RuntimeException e) {
            if (AdminPages.deniedByRepository(e)) {
                return denied();
            }
            throw e;
        }
    }

    /** {@link #common} for the pages holding a generated form: its upload/re-rendering buttons and notice. */
    private void commonWithForm(Map<String, Object> model, WebSessions.WebSession session, FormView view, String messageKey,
                                Object... args) {
        common(model, session, messageKey, args);
        if (view.notice() != null) {
            model.put("success", view.notice());
        }
        model.put("formActions", true);
        model.put("maxUploadMb", authoring.assets.maxBytes() / (1024 * 1024));
    }

    private void common(Map<String, Object> model, WebSessions.WebSession session, String messageKey, Object... args) {
        model.put("user", session.userId());
        model.put("csrf", session.csrfToken());
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

    private String placeLabel(Session s, PagePlace place) throws RepositoryException {
        if (!place.isMiniSite()) {
            return messages.get("authoring.ui.pages.editorial");
        }
        String live = Workspaces.livePath(Workspaces.WEBSITE, place.relativeRoot());
        String name = s.nodeExists(live) && s.getNode(live).hasProperty("name")
                ? s.getNode(live).getProperty("name").getString() : place.slug();
        return messages.get("authoring.ui.pages.miniSite", name);
    }

    private Optional<ContentTypeDefinition> componentType(String shortName) {
        return shortName == null ? Optional.empty() : components.byName("component:" + shortName);
    }

    private static ItemPath componentPath(ItemPath page, String area, String component) {
        return ItemPath.of(page.workspace(), page.relativePath() + "/" + area + "/" + component);
    }

    private String componentLabel(String typeName) {
        String shortName = typeName.replaceFirst("^component:", "").replaceFirst("^" + ComponentTemplates.PREFIX, "");
        return label("authoring.component." + shortName, shortName);
    }

    private String label(String key, String fallback) {
        String text = messages.get(key);
        return text.equals(key) ? fallback : text;
    }

    private Map<String, String> statusLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (WorkflowStatus status : WorkflowStatus.values()) {
            labels.put(status.value(), messages.get("authoring.ui.status." + status.value()));
        }
        return labels;
    }

    private static Map<String, String> submitted(MultivaluedMap<String, String> body) {
        return FormPosts.submitted(body);
    }

    private Response notFound() {
        return pages.render(404, "404", uri, Map.of());
    }

    private Response denied() {
        Optional<WebSessions.WebSession> session = sessions.of(headers);
        Map<String, Object> model = new HashMap<>();
        session.ifPresent(s -> common(model, s, "authoring.ui.form.denied"));
        model.put("title", messages.get("authoring.ui.denied.title"));
        return pages.render(403, "authoring-message", uri, model);
    }
}
