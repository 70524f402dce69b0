package fr.anct.opencollectivites.authoring.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.glassfish.jersey.media.multipart.FormDataMultiPart;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.publishing.DraftException;
import fr.anct.opencollectivites.publishing.Drafts;
import fr.anct.opencollectivites.publishing.ItemPath;

/**
 * The components of a page in the page editor, {@code /auteur/pages/<place>/<page>/composants/…}: a new
 * component's form, an existing one's form (generated from the {@code properties} of its
 * {@code templates/components/minisite-*.yaml}), moving it within its area and removing it. In the author's
 * repository session, like {@link PageEditorResource}.
 */
@AuthorPage
@Path("auteur/pages/{place: editoriales|sites/[a-z0-9][a-z0-9-]{1,49}}/" + PageEditorResource.PAGE + "/composants")
public final class ComponentEditorResource {
    private static final String COMPONENT = "{area: [a-z0-9][a-z0-9-]{0,63}}/{component: [a-z0-9][a-z0-9-]{0,63}}";

    private final PageEditorView view;
    private final Drafts drafts;
    private final FormPosts posts;
    private final Messages messages;
    @Context
    private UriInfo uri;
    @Context
    private SecurityContext security;

    ComponentEditorResource(PageEditorView view, Drafts drafts, FormPosts posts) {
        this.view = view;
        this.drafts = drafts;
        this.posts = posts;
        this.messages = view.messages();
    }

    @GET
    @Path("nouveau")
    public Response newComponent(@PathParam("place") String placeKey, @PathParam("page") String pageName,
                                 @QueryParam("type") String type, @QueryParam("zone") String area) {
        return componentPage(placeKey, pageName, area, null, type, null, Map.of(), PageEditorView.FormView.NONE, null);
    }

    @POST
    @Path("nouveau")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addComponent(@PathParam("place") String placeKey, @PathParam("page") String pageName,
                                 MultivaluedMap<String, String> body) {
        return submitComponent(placeKey, pageName, body.getFirst("zone"), null, body, Map.of());
    }

    /** The same form sent as multipart/form-data (it has an asset picker's file input). */
    @POST
    @Path("nouveau")
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
        return componentPage(placeKey, pageName, area, component, null, null, Map.of(), PageEditorView.FormView.NONE, null);
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
        Optional<PagePlace> place = PagePlace.parse(placeKey);
        Optional<ContentTypeDefinition> type = componentType(typeName);
        String action = Optional.ofNullable(body.getFirst("action")).orElse("save");
        Optional<Matcher> formAction = FormPosts.formAction(action);
        if (place.isEmpty() || type.isEmpty() || area == null || !area.matches(PagePlace.PAGE_NAME)
                || !"save".equals(action) && formAction.isEmpty()) {
            return view.notFound(uri);
        }
        Author author = Author.of(security);
        Map<String, String> values = FormPosts.submitted(body);
        ItemPath page = place.get().page(pageName);
        Map<String, String> searches = FormPosts.searches(body);
        FormPosts.Stored stored = posts.store(author.userId(), type.get(),
                FormPosts.assetFolder(page.workspace(), page.relativePath()), files, values);
        if (!stored.errors().isEmpty()) {
            return componentPage(placeKey, pageName, area, component, typeName, values, stored.errors(),
                    new PageEditorView.FormView(searches, null), "authoring.ui.asset.notStored");
        }
        if (formAction.isPresent()) {
            return componentPage(placeKey, pageName, area, component, typeName,
                    FormPosts.rerendered(formAction.get(), values), Map.of(),
                    new PageEditorView.FormView(searches, stored.notice()), null);
        }
        PageEditorView.Reshow reshow = errors -> componentPage(placeKey, pageName, area, component, typeName, values,
                errors.errors(), new PageEditorView.FormView(searches, null), errors.key(), errors.args());
        Response failure;
        if (component == null) {
            failure = view.run(uri, author, s -> view.editor().addComponent(s, page, area, type.get().name(),
                    view.form().json(type.get(), values)), reshow);
        } else {
            ItemPath item = componentPath(page, area, component);
            failure = view.run(uri, author, s -> {
                if (!type.get().name().equals(drafts.read(s, item).type().name())) {
                    throw new DraftException(DraftException.Reason.INVALID, "authoring.error.properties");
                }
                view.editor().updateComponent(s, page, item, view.form().json(type.get(), values));
            }, reshow);
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
        return structural(placeKey, pageName, "componentMoved",
                (s, page) -> view.editor().move(s, page, componentPath(page, area, component), up));
    }

    @POST
    @Path(COMPONENT + "/supprimer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("place") String placeKey, @PathParam("page") String pageName,
                           @PathParam("area") String area, @PathParam("component") String component,
                           MultivaluedMap<String, String> body) {
        return structural(placeKey, pageName, "componentRemoved",
                (s, page) -> view.editor().removeComponent(s, page, componentPath(page, area, component)));
    }

    private interface PageChange {
        void apply(Session session, ItemPath page) throws RepositoryException;
    }

    private Response structural(String placeKey, String pageName, String done, PageChange change) {
        Optional<PagePlace> place = PagePlace.parse(placeKey);
        if (place.isEmpty()) {
            return view.notFound(uri);
        }
        Author author = Author.of(security);
        ItemPath page = place.get().page(pageName);
        Response failure = view.run(uri, author, s -> change.apply(s, page),
                errors -> view.page(uri, author, placeKey, pageName, null, Map.of(), errors.key(), errors.args()));
        return failure != null ? failure : UiPages.seeOther(place.get().editorUrl(pageName) + "?fait=" + done);
    }

    private Response componentPage(String placeKey, String pageName, String area, String componentName, String typeParam,
                                   Map<String, String> submitted, Map<String, String> errors,
                                   PageEditorView.FormView shown, String messageKey, Object... args) {
        Optional<PagePlace> place = PagePlace.parse(placeKey);
        if (place.isEmpty() || area == null || !area.matches(PagePlace.PAGE_NAME)) {
            return view.notFound(uri);
        }
        Author author = Author.of(security);
        ItemPath page = place.get().page(pageName);
        Map<String, Object> model = new HashMap<>();
        boolean found = view.sessions().as(author.userId(), s -> {
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
                Drafts.Draft draft = drafts.read(s, item);
                type = draft.type();
                node = draft.node();
            }
            model.put("type", type.name().substring("component:".length()));
            model.put("typeLabel", view.componentLabel(type.name()));
            Map<String, String> searches = new HashMap<>(FormPosts.searches(uri.getQueryParameters()));
            searches.putAll(shown.searches());
            model.put("fields", view.form().fields(s, type, node, submitted, errors,
                    new ContentForm.Context(FormPosts.assetFolder(page.workspace(), page.relativePath()), searches)));
            model.put("pageTitle", PageEditor.title(s.getNode(page.draftPath())));
            model.put("canEdit", node == null
                    ? s.hasPermission(page.draftPath() + "/" + area + "/nouveau", Session.ACTION_ADD_NODE)
                    : s.hasPermission(node.getPath(), Session.ACTION_SET_PROPERTY));
            return true;
        });
        if (!found) {
            return view.notFound(uri);
        }
        view.commonWithForm(model, uri, author, shown, messageKey, args);
        model.put("creating", componentName == null);
        model.put("area", area);
        model.put("areaLabel", view.label("authoring.ui.page.area." + area, area));
        model.put("pageUrl", place.get().editorUrl(pageName));
        model.put("action", componentName == null ? place.get().editorUrl(pageName) + "/composants/nouveau"
                : place.get().editorUrl(pageName) + "/composants/" + area + "/" + componentName);
        model.put("title", messages.get(componentName == null ? "authoring.ui.component.newTitle"
                : "authoring.ui.component.editTitle", model.get("typeLabel")));
        return view.pages().render(messageKey == null ? 200 : 400, "authoring-component", uri, model);
    }

    private Optional<ContentTypeDefinition> componentType(String shortName) {
        return shortName == null ? Optional.empty() : view.components().byName("component:" + shortName);
    }

    private static ItemPath componentPath(ItemPath page, String area, String component) {
        return ItemPath.of(page.workspace(), page.relativePath() + "/" + area + "/" + component);
    }
}
