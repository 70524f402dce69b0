package fr.anct.opencollectivites.authoring.ui;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

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

import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.publishing.DraftException;
import fr.anct.opencollectivites.publishing.Drafts;
import fr.anct.opencollectivites.publishing.ItemPath;
import fr.anct.opencollectivites.publishing.Workflow;
import fr.anct.opencollectivites.security.AuditLog;

/**
 * The page editor's pages, {@code /auteur/pages/{editoriales | sites/<slug>}}: the pages of the place and a
 * form to create one; {@code …/{page}}: its properties (the generated form of the {@code page} type), the
 * workflow and its schedule; {@code …/{page}/supprimer} and {@code …/renommer}: deleting the page's draft or
 * moving it to a new name, both refused while the page is live (it is unpublished first). Its components
 * are {@link ComponentEditorResource}'s. Everything is done in the author's repository session (the access
 * control decides); buttons are shown after {@code Session.hasPermission}.
 */
@AuthorPage
@Path("auteur/pages/{place: editoriales|sites/[a-z0-9][a-z0-9-]{1,49}}")
public final class PageEditorResource {
    static final String PAGE = "{page: [a-z0-9][a-z0-9-]{0,63}}";
    static final String NEW_NAME = "nouveauNom";
    private static final Set<String> PAGE_ACTIONS = Set.of("save", "submit", "publish", "reject", "unpublish");

    private final PageEditorView view;
    private final Drafts drafts;
    private final Workflow workflow;
    private final AuditLog audit;
    private final FormPosts posts;
    private final Messages messages;
    @Context
    private UriInfo uri;
    @Context
    private SecurityContext security;

    PageEditorResource(PageEditorView view, Drafts drafts, Workflow workflow, AuditLog audit, FormPosts posts) {
        this.view = view;
        this.drafts = drafts;
        this.workflow = workflow;
        this.audit = audit;
        this.posts = posts;
        this.messages = view.messages();
    }

    // ---- the pages of a place

    @GET
    public Response list(@PathParam("place") String placeKey) {
        return listPage(placeKey, null, Map.of(), null, "", null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("place") String placeKey, MultivaluedMap<String, String> body) {
        Optional<PagePlace> place = PagePlace.parse(placeKey);
        if (place.isEmpty()) {
            return view.notFound(uri);
        }
        Map<String, String> values = FormPosts.submitted(body);
        String template = Optional.ofNullable(body.getFirst("gabarit")).orElse("").strip();
        String name = "minisite-home".equals(template) ? PagePlace.HOME
                : Optional.ofNullable(body.getFirst("nom")).orElse("").strip();
        if (!name.matches(PagePlace.PAGE_NAME)) {
            return listPage(placeKey, values, Map.of("nom", messages.get("authoring.ui.form.badName")),
                    "authoring.ui.form.invalid", name, template);
        }
        if (!place.get().templates().contains(template) || !place.get().templateFor(name).equals(template)) {
            return listPage(placeKey, values, Map.of("gabarit", messages.get("authoring.ui.pages.badTemplate")),
                    "authoring.ui.form.invalid", name, template);
        }
        ItemPath page = place.get().page(name);
        Response failure = view.run(uri, author(),
                s -> drafts.create(s, page, view.pageType().name(), view.form().json(view.pageType(), values)),
                errors -> listPage(placeKey, values, errors.errors(), errors.key(), name, template, errors.args()));
        return failure != null ? failure : UiPages.seeOther(place.get().editorUrl(name) + "?fait=create");
    }

    private Response listPage(String placeKey, Map<String, String> submitted, Map<String, String> errors,
                              String messageKey, String name, String chosenTemplate, Object... args) {
        Optional<PagePlace> place = PagePlace.parse(placeKey);
        if (place.isEmpty()) {
            return view.notFound(uri);
        }
        Author author = author();
        Map<String, Object> model = new HashMap<>();
        boolean visible = view.sessions().as(author.userId(), s -> {
            boolean readable = s.nodeExists(place.get().draftRoot());
            boolean canCreate = s.hasPermission(place.get().draftRoot() + "/nouvelle-page", Session.ACTION_ADD_NODE);
            if (!readable && !canCreate) {
                return false;
            }
            model.put("canCreate", canCreate);
            model.put("rows", view.editor().pages(s, place.get()));
            model.put("fields", view.form().fields(s, view.pageType(), null, submitted, errors));
            model.put("placeLabel", view.placeLabel(s, place.get()));
            return true;
        });
        if (!visible) {
            return view.notFound(uri);
        }
        view.common(model, uri, author, messageKey, args);
        model.put("place", place.get().key());
        model.put("action", place.get().listUrl());
        model.put("name", name == null ? "" : name);
        model.put("nameError", errors.getOrDefault("nom", ""));
        model.put("templateError", errors.getOrDefault("gabarit", ""));
        Map<String, String> templates = new LinkedHashMap<>();
        for (String template : place.get().templates()) {
            templates.put(template, messages.get(view.pages().renderer().page(template).titleKey()));
        }
        model.put("templates", templates);
        List<String> allowed = place.get().templates();
        model.put("template", chosenTemplate != null && allowed.contains(chosenTemplate) ? chosenTemplate : allowed.get(allowed.size() - 1));
        model.put("statuses", view.statusLabels());
        model.put("title", messages.get("authoring.ui.pages.title", model.get("placeLabel")));
        return view.pages().render(messageKey == null ? 200 : 400, "authoring-pages", uri, model);
    }

    // ---- a page: properties, workflow, schedule

    @GET
    @Path(PAGE)
    public Response page(@PathParam("place") String placeKey, @PathParam("page") String pageName) {
        return view.page(uri, author(), placeKey, pageName, null, Map.of(), null);
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
        Optional<PagePlace> place = PagePlace.parse(placeKey);
        if (place.isEmpty()) {
            return view.notFound(uri);
        }
        Author author = author();
        Map<String, String> values = FormPosts.submitted(body);
        String action = Optional.ofNullable(body.getFirst("action")).orElse("save");
        ItemPath page = place.get().page(pageName);
        if (ScheduleForm.ACTIONS.contains(action)) {
            Map<String, String> schedule = ScheduleForm.values(body);
            Map<String, String> scheduleErrors = new LinkedHashMap<>();
            Response failure = view.run(uri, author, s -> scheduleErrors.putAll(view.scheduleForm().apply(s, page, action, schedule)),
                    errors -> view.page(uri, author, placeKey, pageName, null, Map.of(), errors.key(), errors.args()));
            if (failure != null) {
                return failure;
            }
            if (!scheduleErrors.isEmpty()) {
                return view.page(uri, author, placeKey, pageName, null, Map.of(), new ScheduleForm.Shown(schedule, scheduleErrors),
                        PageEditorView.FormView.NONE, "authoring.ui.schedule.invalid");
            }
            return UiPages.seeOther(place.get().editorUrl(pageName) + "?fait=" + action);
        }
        Optional<Matcher> formAction = FormPosts.formAction(action);
        if (!PAGE_ACTIONS.contains(action) && formAction.isEmpty()) {
            return view.notFound(uri);
        }
        Map<String, String> searches = FormPosts.searches(body);
        FormPosts.Stored stored = posts.store(author.userId(), view.pageType(),
                FormPosts.assetFolder(page.workspace(), page.relativePath()), files, values);
        if (!stored.errors().isEmpty()) {
            return view.page(uri, author, placeKey, pageName, values, stored.errors(), ScheduleForm.Shown.NONE,
                    new PageEditorView.FormView(searches, null), "authoring.ui.asset.notStored");
        }
        if (formAction.isPresent()) {
            return view.page(uri, author, placeKey, pageName, FormPosts.rerendered(formAction.get(), values), Map.of(),
                    ScheduleForm.Shown.NONE, new PageEditorView.FormView(searches, stored.notice()), null);
        }
        String comment = Optional.ofNullable(body.getFirst("commentaire")).orElse("").strip();
        Response failure = view.run(uri, author, s -> {
            if ("save".equals(action)) {
                drafts.update(s, page, view.form().json(view.pageType(), values));
            }
            switch (action) {
                case "submit" -> workflow.submit(s, page);
                case "publish" -> workflow.publish(s, page);
                case "reject" -> workflow.reject(s, page, comment);
                case "unpublish" -> workflow.unpublish(s, page);
                default -> { }
            }
        }, errors -> view.page(uri, author, placeKey, pageName, values, errors.errors(), errors.key(), errors.args()));
        return failure != null ? failure : UiPages.seeOther(place.get().editorUrl(pageName) + "?fait=" + action);
    }

    // ---- deleting and renaming a page (in the author's session; a live page must be unpublished first)

    @POST
    @Path(PAGE + "/supprimer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deletePage(@PathParam("place") String placeKey, @PathParam("page") String pageName,
                               MultivaluedMap<String, String> body) {
        Optional<PagePlace> place = PagePlace.parse(placeKey);
        if (place.isEmpty()) {
            return view.notFound(uri);
        }
        Author author = author();
        ItemPath page = place.get().page(pageName);
        Response failure = view.run(uri, author, s -> {
            refuseWhenLive(s, page, "authoring.ui.page.deleteLive");
            view.editor().deletePage(s, page);
        }, errors -> view.page(uri, author, placeKey, pageName, null, Map.of(), errors.key(), errors.args()));
        if (failure != null) {
            return failure;
        }
        audit.record(author.userId(), "delete", page.toString(), null);
        return UiPages.seeOther(place.get().listUrl() + "?fait=deleted");
    }

    @POST
    @Path(PAGE + "/renommer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response renamePage(@PathParam("place") String placeKey, @PathParam("page") String pageName,
                               MultivaluedMap<String, String> body) {
        Optional<PagePlace> place = PagePlace.parse(placeKey);
        if (place.isEmpty()) {
            return view.notFound(uri);
        }
        Author author = author();
        String newName = Optional.ofNullable(body.getFirst(NEW_NAME)).orElse("").strip();
        PageEditorView.FormView shown = new PageEditorView.FormView(Map.of(), null, newName);
        String nameError = !newName.matches(PagePlace.PAGE_NAME) ? "authoring.ui.form.badName"
                : newName.equals(pageName) ? "authoring.ui.page.renameSame"
                : !place.get().templateFor(newName).equals(place.get().templateFor(pageName)) ? "authoring.ui.page.renameHome"
                : null;
        if (nameError != null) {
            return view.page(uri, author, placeKey, pageName, null, Map.of(NEW_NAME, messages.get(nameError)),
                    ScheduleForm.Shown.NONE, shown, "authoring.ui.page.renameInvalid");
        }
        ItemPath page = place.get().page(pageName);
        ItemPath renamed = place.get().page(newName);
        Response failure = view.run(uri, author, s -> {
            refuseWhenLive(s, page, "authoring.ui.page.renameLive");
            view.editor().renamePage(s, page, renamed);
        }, errors -> view.page(uri, author, placeKey, pageName, null,
                "authoring.ui.page.renameExists".equals(errors.key()) ? Map.of(NEW_NAME, messages.get(errors.key())) : Map.of(),
                ScheduleForm.Shown.NONE, shown, errors.key(), errors.args()));
        if (failure != null) {
            return failure;
        }
        audit.record(author.userId(), "rename", page.toString(), renamed.toString());
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

    private Author author() {
        return Author.of(security);
    }
}
