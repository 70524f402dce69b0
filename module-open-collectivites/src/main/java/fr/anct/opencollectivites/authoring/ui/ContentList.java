package fr.anct.opencollectivites.authoring.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.content.PropertyDefinition;
import fr.anct.opencollectivites.content.PropertyType;
import fr.anct.opencollectivites.publishing.Drafts;
import fr.anct.opencollectivites.publishing.ItemPath;
import fr.anct.opencollectivites.publishing.WorkflowStatus;
import fr.anct.opencollectivites.repository.Workspaces;

/**
 * The items of a content type as the author's repository session sees them, for the list page: its drafts
 * (those the session can read) and the items that exist only live (an auto-published harvest, an import, a
 * taxonomy entry) whose draft the session could start. Each with its list state, last modification and the
 * values of the properties a list may filter on. Everything is read in the author's session, so the access
 * control decides what is listed.
 */
final class ContentList {
    /** Where an item stands, as the list shows and filters it (URL values in French). */
    enum State {
        DRAFT("brouillon"), SUBMITTED("soumis"), REJECTED("refuse"), PUBLISHED("publie"), CHANGED("modifie");

        final String param;

        State(String param) {
            this.param = param;
        }

        static State parse(String value) {
            for (State state : values()) {
                if (state.param.equals(value)) {
                    return state;
                }
            }
            return null;
        }
    }

    /** A line of the list; {@code values} holds the filterable properties' values. */
    record Row(String relativePath, String title, String code, State state, Instant lastModified,
               Map<String, String> values) {
    }

    private static final Set<String> NAMING = Set.of("title", "name", "nom", "code");

    private ContentList() {
    }

    /**
     * Whether the session may write items of the type: add or change a draft at the type's root, or change
     * one of the drafts it can read (a program team's own mini-site).
     */
    static boolean writable(Session s, ContentTypeDefinition type) throws RepositoryException {
        String probe = draftRoot(type) + "/nouveau";
        if (s.hasPermission(probe, Session.ACTION_ADD_NODE) || s.hasPermission(probe, Session.ACTION_SET_PROPERTY)) {
            return true;
        }
        for (NodeIterator it = query(s, type, draftRoot(type)); it.hasNext(); ) {
            if (s.hasPermission(it.nextNode().getPath(), Session.ACTION_SET_PROPERTY)) {
                return true;
            }
        }
        return false;
    }

    /** The properties a list can offer a select for: single text, boolean or reference values, not the naming ones. */
    static List<PropertyDefinition> filterable(ContentTypeDefinition type) {
        List<PropertyDefinition> properties = new ArrayList<>();
        for (PropertyDefinition property : type.properties()) {
            PropertyType.Kind kind = property.type().kind();
            if (!property.multiple() && !NAMING.contains(property.name()) && (kind == PropertyType.Kind.STRING
                    || kind == PropertyType.Kind.BOOLEAN || kind == PropertyType.Kind.REFERENCE)) {
                properties.add(property);
            }
        }
        return properties;
    }

    /** Every item of the type the session may see here, in no particular order. */
    static List<Row> rows(Session s, ContentTypeDefinition type) throws RepositoryException {
        List<PropertyDefinition> filterable = filterable(type);
        String workspace = type.datasource().workspace();
        List<Row> rows = new ArrayList<>();
        Set<String> drafted = new HashSet<>();
        String draftWorkspaceRoot = Workspaces.draftRoot(workspace);
        for (NodeIterator it = query(s, type, draftRoot(type)); it.hasNext(); ) {
            Node draft = it.nextNode();
            String relative = draft.getPath().substring(draftWorkspaceRoot.length());
            drafted.add(relative);
            boolean live = s.nodeExists(Workspaces.livePath(workspace, relative));
            rows.add(row(draft, relative, state(Drafts.statusOf(draft), live), filterable));
        }
        String liveWorkspaceRoot = Workspaces.liveRoot(workspace);
        for (NodeIterator it = query(s, type, Workspaces.livePath(workspace, ContentFormResource.rootOf(type))); it.hasNext(); ) {
            Node live = it.nextNode();
            String relative = live.getPath().substring(liveWorkspaceRoot.length());
            ItemPath item = ItemPath.of(workspace, relative);
            // Only live items whose draft this session could start (not another team's, not the référentiel for an editor).
            if (!drafted.contains(relative) && !s.nodeExists(item.draftPath())
                    && s.hasPermission(item.draftPath(), Session.ACTION_ADD_NODE + "," + Session.ACTION_SET_PROPERTY)) {
                rows.add(row(live, relative, State.PUBLISHED, filterable));
            }
        }
        return rows;
    }

    private static State state(WorkflowStatus status, boolean live) {
        return switch (status) {
            case SUBMITTED -> State.SUBMITTED;
            case REJECTED -> State.REJECTED;
            case PUBLISHED -> State.PUBLISHED;
            case DRAFT -> live ? State.CHANGED : State.DRAFT;
        };
    }

    private static Row row(Node node, String relative, State state, List<PropertyDefinition> filterable)
            throws RepositoryException {
        Map<String, String> values = new HashMap<>();
        for (PropertyDefinition property : filterable) {
            if (node.hasProperty(property.name()) && !node.getProperty(property.name()).isMultiple()) {
                values.put(property.name(), node.getProperty(property.name()).getString());
            }
        }
        String title = text(node, "title", text(node, "name", text(node, "nom", node.getName())));
        Instant modified = node.hasProperty(ContentWriter.LAST_MODIFIED)
                ? node.getProperty(ContentWriter.LAST_MODIFIED).getDate().toInstant() : Instant.EPOCH;
        return new Row(relative, title, text(node, "code", ""), state, modified, values);
    }

    private static String text(Node node, String name, String otherwise) throws RepositoryException {
        return node.hasProperty(name) && !node.getProperty(name).isMultiple() ? node.getProperty(name).getString() : otherwise;
    }

    static String draftRoot(ContentTypeDefinition type) {
        return Workspaces.draftRoot(type.datasource().workspace()) + ContentFormResource.rootOf(type);
    }

    /** The type's nodes under a root, by the node-type index (never a traversal). */
    private static NodeIterator query(Session s, ContentTypeDefinition type, String root) throws RepositoryException {
        String statement = "SELECT * FROM [" + type.nodeType() + "] AS n WHERE ISDESCENDANTNODE(n, '"
                + root.replace("'", "''") + "')";
        return s.getWorkspace().getQueryManager().createQuery(statement, Query.JCR_SQL2).execute().getNodes();
    }

    /** Whether the row matches the search: its title, code or name contains the folded words. */
    static boolean matches(Row row, String foldedQuery) {
        if (foldedQuery.isEmpty()) {
            return true;
        }
        String haystack = ContentForm.fold(row.title() + " " + row.code() + " "
                + row.relativePath().substring(row.relativePath().lastIndexOf('/') + 1));
        for (String word : foldedQuery.split(" ")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    static String fold(String text) {
        return text == null ? "" : ContentForm.fold(text.toLowerCase(Locale.ROOT));
    }
}
