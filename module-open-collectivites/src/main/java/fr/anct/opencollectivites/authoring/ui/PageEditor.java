package fr.anct.opencollectivites.authoring.ui;

import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.anct.opencollectivites.web.Json;
import fr.anct.opencollectivites.pages.ComponentTemplates;
import fr.anct.opencollectivites.pages.PageItemTypes;
import fr.anct.opencollectivites.publishing.DraftException;
import fr.anct.opencollectivites.publishing.Drafts;
import fr.anct.opencollectivites.publishing.ItemPath;
import fr.anct.opencollectivites.publishing.WorkflowStatus;

/**
 * Pages, areas and components of a place, read and changed in the author's own repository session
 * through {@code Drafts} (so the access control decides): the page list, the areas of a page with their
 * components, adding a component (its area is created on first use), moving and removing one; deleting
 * and renaming a page. A change to
 * an area or a component sends the page back to {@code draft}: the page is what is submitted and published.
 */
public final class PageEditor {
    private final Drafts drafts;

    PageEditor(Drafts drafts) {
        this.drafts = drafts;
    }

    /** A page of the list, with what the author may do to it as a whole. */
    public record PageRow(String name, String title, String status, String editUrl, String previewUrl, PageActions actions) {
    }

    /**
     * Deleting and renaming a whole page, as the repository answers for the author's session: delete =
     * remove on the page's draft; rename = that and add_node in the place's draft root, never for a
     * mini-site's {@code home} (the name decides the template). Neither while the page is live: it is
     * unpublished first (the routes refuse it too).
     */
    public record PageActions(boolean live, boolean canDelete, boolean canRename) {
        static PageActions of(Session session, PagePlace place, String pageName) throws RepositoryException {
            ItemPath item = place.page(pageName);
            boolean canRemove = session.hasPermission(item.draftPath(), Session.ACTION_REMOVE);
            return new PageActions(session.nodeExists(item.livePath()), canRemove,
                    canRemove && !(place.isMiniSite() && PagePlace.HOME.equals(pageName))
                            && session.hasPermission(place.draftRoot() + "/nouvelle-page", Session.ACTION_ADD_NODE));
        }
    }

    /** A component of an area, in order. */
    record ComponentRow(String name, String typeName, String title, boolean first, boolean last) {
    }

    /** An area of the page (declared by its template, or present in the draft) and its components. */
    record AreaView(String name, List<ComponentRow> components) {
    }

    /** The draft pages of the place the session can read, in their authored order. */
    List<PageRow> pages(Session session, PagePlace place) throws RepositoryException {
        List<PageRow> rows = new ArrayList<>();
        if (!session.nodeExists(place.draftRoot())) {
            return rows;
        }
        for (NodeIterator it = session.getNode(place.draftRoot()).getNodes(); it.hasNext(); ) {
            Node page = it.nextNode();
            if (!page.isNodeType("mgnl:page")) {
                continue;
            }
            rows.add(new PageRow(page.getName(), title(page), Drafts.statusOf(page).value(),
                    place.editorUrl(page.getName()), place.previewUrl(page.getName()), PageActions.of(session, place, page.getName())));
        }
        return rows;
    }

    /** The page's areas: those its template declares first, then any other area of the draft. */
    List<AreaView> areas(Node page, List<String> declared) throws RepositoryException {
        Set<String> names = new LinkedHashSet<>(declared);
        for (NodeIterator it = page.getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            if (child.isNodeType("mgnl:area")) {
                names.add(child.getName());
            }
        }
        List<AreaView> areas = new ArrayList<>();
        for (String name : names) {
            List<ComponentRow> components = new ArrayList<>();
            if (page.hasNode(name)) {
                List<Node> nodes = new ArrayList<>();
                for (NodeIterator it = page.getNode(name).getNodes(); it.hasNext(); ) {
                    Node child = it.nextNode();
                    if (child.isNodeType("mgnl:component")) {
                        nodes.add(child);
                    }
                }
                for (int i = 0; i < nodes.size(); i++) {
                    Node component = nodes.get(i);
                    components.add(new ComponentRow(component.getName(), typeName(component),
                            component.hasProperty("title") ? component.getProperty("title").getString() : "",
                            i == 0, i == nodes.size() - 1));
                }
            }
            areas.add(new AreaView(name, components));
        }
        return areas;
    }

    /** Adds a component at the end of the area (created if missing); returns the component's item path. */
    ItemPath addComponent(Session session, ItemPath page, String area, String typeName, ObjectNode properties)
            throws RepositoryException {
        ItemPath areaPath = ItemPath.of(page.workspace(), page.relativePath() + "/" + area);
        if (!session.nodeExists(areaPath.draftPath())) {
            drafts.create(session, areaPath, PageItemTypes.AREA, Json.object());
        }
        String base = typeName.substring("component:".length()).replaceFirst("^" + ComponentTemplates.PREFIX, "");
        String name = base;
        for (int n = 2; session.nodeExists(areaPath.draftPath() + "/" + name); n++) {
            name = base + "-" + n;
        }
        ItemPath component = ItemPath.of(page.workspace(), areaPath.relativePath() + "/" + name);
        drafts.create(session, component, typeName, properties);
        backToDraft(session, page);
        return component;
    }

    void updateComponent(Session session, ItemPath page, ItemPath component, ObjectNode properties)
            throws RepositoryException {
        drafts.update(session, component, properties);
        backToDraft(session, page);
    }

    void removeComponent(Session session, ItemPath page, ItemPath component) throws RepositoryException {
        drafts.delete(session, component);
        backToDraft(session, page);
    }

    /** Deletes the page's draft with its areas and components. */
    void deletePage(Session session, ItemPath page) throws RepositoryException {
        drafts.delete(session, page);
    }

    /** Moves the page's draft to its new name, beside it; refused when that name is taken (draft or live). */
    void renamePage(Session session, ItemPath page, ItemPath renamed) throws RepositoryException {
        drafts.read(session, page);
        if (session.nodeExists(renamed.draftPath()) || session.nodeExists(renamed.livePath())) {
            throw new DraftException(DraftException.Reason.CONFLICT, "authoring.ui.page.renameExists");
        }
        session.move(page.draftPath(), renamed.draftPath());
        session.save();
    }

    /** Swaps the component with its previous (up) or next sibling component in the area. */
    void move(Session session, ItemPath page, ItemPath component, boolean up) throws RepositoryException {
        Node node = drafts.read(session, component).node();
        Node area = node.getParent();
        List<String> order = new ArrayList<>();
        for (NodeIterator it = area.getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            if (child.isNodeType("mgnl:component")) {
                order.add(child.getName());
            }
        }
        int index = order.indexOf(node.getName());
        if (up && index > 0) {
            area.orderBefore(node.getName(), order.get(index - 1));
        } else if (!up && index >= 0 && index < order.size() - 1) {
            area.orderBefore(order.get(index + 1), node.getName());
        } else {
            return;
        }
        session.save();
        backToDraft(session, page);
    }

    /** The page is what gets submitted and published: a change inside it makes it a draft again. */
    private static void backToDraft(Session session, ItemPath page) throws RepositoryException {
        Node node = session.getNode(page.draftPath());
        if (Drafts.statusOf(node) == WorkflowStatus.DRAFT) {
            return;
        }
        node.setProperty(WorkflowStatus.PROPERTY, WorkflowStatus.DRAFT.value());
        node.setProperty(WorkflowStatus.CHANGED_BY, session.getUserID());
        node.setProperty(WorkflowStatus.CHANGED_AT, Calendar.getInstance());
        node.setProperty(WorkflowStatus.COMMENT, (String) null);
        session.save();
    }

    static Optional<String> template(Node page) throws RepositoryException {
        if (!page.hasProperty("mgnl:template")) {
            return Optional.empty();
        }
        String template = page.getProperty("mgnl:template").getString();
        return Optional.of(template.substring(template.lastIndexOf('/') + 1));
    }

    static String title(Node node) throws RepositoryException {
        return node.hasProperty("title") ? node.getProperty("title").getString() : node.getName();
    }

    private static String typeName(Node component) throws RepositoryException {
        String template = component.hasProperty("mgnl:template") ? component.getProperty("mgnl:template").getString() : "";
        return template.startsWith(ComponentTemplates.TEMPLATE_PREFIX)
                ? "component:" + template.substring(ComponentTemplates.TEMPLATE_PREFIX.length()) : "";
    }

}
