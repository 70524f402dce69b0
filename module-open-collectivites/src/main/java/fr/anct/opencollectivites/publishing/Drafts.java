package fr.anct.opencollectivites.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;
import javax.jcr.query.QueryManager;

import org.apache.jackrabbit.commons.JcrUtils;

import com.fasterxml.jackson.databind.JsonNode;

import fr.anct.opencollectivites.collectivites.Territories;
import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ContentValidationException;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.content.PropertyDefinition;
import fr.anct.opencollectivites.content.PropertyType;
import fr.anct.opencollectivites.content.TerritoryKey;
import fr.anct.opencollectivites.content.Violation;
import fr.anct.opencollectivites.content.WriteOutcome;
import fr.anct.opencollectivites.repository.Workspaces;

/**
 * Drafts of any content type under {@code /oc:authoring/<workspace>/…}: create, read, update, delete,
 * list. Every method works in the session it is given — the user's — so the repository refuses what the
 * user's role may not do; nothing here checks roles. Writes go through {@link ContentWriter} (validated
 * against the content type, compare-before-set); rich text is sanitised; references must name a live
 * item. Each write saves, so each call is atomic.
 */
public final class Drafts {
    private final ItemTypes types;
    private final ContentTypeRegistry registry;
    private final Territories territories;
    private final ContentWriter writer = new ContentWriter();
    private final JsonValues jsonValues;
    private final List<DraftRules> rules;

    public Drafts(ItemTypes types, ContentTypeRegistry registry, RichTextSanitizer sanitizer) {
        this(types, registry, sanitizer, List.of());
    }

    /** @param rules the features' rules beyond the content types' YAML, checked on every create and update */
    public Drafts(ItemTypes types, ContentTypeRegistry registry, RichTextSanitizer sanitizer, List<DraftRules> rules) {
        this.types = types;
        this.registry = registry;
        this.territories = new Territories(registry);
        this.jsonValues = new JsonValues(sanitizer);
        this.rules = List.copyOf(rules);
    }

    /** A draft as shown to authors. */
    public record Draft(ItemPath path, ContentTypeDefinition type, Node node) {
    }

    public Draft read(Session session, ItemPath path) throws RepositoryException {
        if (!session.nodeExists(path.draftPath())) {
            throw new DraftException(DraftException.Reason.NOT_FOUND, "authoring.error.notFound", path.toString());
        }
        Node node = session.getNode(path.draftPath());
        ContentTypeDefinition type = types.of(node).orElseThrow(() ->
                new DraftException(DraftException.Reason.NOT_FOUND, "authoring.error.notFound", path.toString()));
        return new Draft(path, type, node);
    }

    public WriteOutcome create(Session session, ItemPath path, String typeName, JsonNode properties)
            throws RepositoryException {
        ContentTypeDefinition type = types.byName(typeName).orElseThrow(() ->
                new DraftException(DraftException.Reason.INVALID, "authoring.error.unknownType", typeName));
        if (!type.datasource().workspace().equals(path.workspace())) {
            throw new DraftException(DraftException.Reason.INVALID, "authoring.error.wrongWorkspace", typeName,
                    type.datasource().workspace());
        }
        if (session.nodeExists(path.draftPath())) {
            throw new DraftException(DraftException.Reason.CONFLICT, "authoring.error.exists", path.toString());
        }
        Map<String, Object> values = values(session, path, type, Optional.empty(), properties);
        write(() -> writer.upsert(session, path.draftPath(), type, values));
        Node node = session.getNode(path.draftPath());
        types.initialise(node, typeName);
        markStatus(node, WorkflowStatus.DRAFT, session.getUserID(), null);
        session.save();
        return WriteOutcome.CREATED;
    }

    /** Partial update: only the given properties change; an edit sends a submitted or published draft back to draft. */
    public WriteOutcome update(Session session, ItemPath path, JsonNode properties) throws RepositoryException {
        Draft draft = read(session, path);
        Map<String, Object> values = values(session, path, draft.type(), Optional.of(draft.node()), properties);
        WriteOutcome outcome = write(() -> writer.update(draft.node(), draft.type(), values));
        if (outcome != WriteOutcome.UNCHANGED) {
            markStatus(draft.node(), WorkflowStatus.DRAFT, session.getUserID(), null);
            session.save();
        }
        return outcome;
    }

    /**
     * Starts the draft of an item that exists only live (an auto-published harvest, an import, a taxonomy
     * entry): a copy of the live item with its areas, components and sub-models (not its sub-items), in
     * status {@code published} since it equals what is live. In the caller's session, one save: who may
     * not add the draft is refused by the repository.
     */
    public Draft editLive(Session session, ItemPath path) throws RepositoryException {
        if (session.nodeExists(path.draftPath())) {
            throw new DraftException(DraftException.Reason.CONFLICT, "authoring.error.exists", path.toString());
        }
        if (!session.nodeExists(path.livePath())) {
            throw new DraftException(DraftException.Reason.NOT_FOUND, "authoring.error.notFound", path.toString());
        }
        Node live = session.getNode(path.livePath());
        String draftPath = path.draftPath();
        Node parent = JcrUtils.getOrCreateByPath(draftPath.substring(0, draftPath.lastIndexOf('/')),
                ContentWriter.FOLDER_TYPE, session);
        Node draft = parent.addNode(path.name(), live.getPrimaryNodeType().getName());
        TreeCopy.sync(live, draft, TreeCopy.Mode.SAME_TYPES);
        markStatus(draft, WorkflowStatus.PUBLISHED, session.getUserID(), null);
        session.save();
        return read(session, path);
    }

    public void delete(Session session, ItemPath path) throws RepositoryException {
        Draft draft = read(session, path);
        draft.node().remove();
        session.save();
    }

    /** Drafts of a type in a workspace, newest change first; {@code q} matches any text property. */
    public List<Node> list(Session session, String workspace, String typeName, String q, WorkflowStatus status)
            throws RepositoryException {
        ContentTypeDefinition type = types.byName(typeName).orElseThrow(() ->
                new DraftException(DraftException.Reason.INVALID, "authoring.error.unknownType", typeName));
        QueryManager queries = session.getWorkspace().getQueryManager();
        String statement = "SELECT * FROM [" + type.nodeType() + "] AS n WHERE ISDESCENDANTNODE(n, '"
                + Workspaces.draftRoot(workspace) + "')";
        NodeIterator nodes = queries.createQuery(statement, Query.JCR_SQL2).execute().getNodes();
        String needle = q == null || q.isBlank() ? null : q.toLowerCase(Locale.ROOT);
        List<Node> found = new ArrayList<>();
        while (nodes.hasNext()) {
            Node node = nodes.nextNode();
            if (status != null && !status.value().equals(statusOf(node).value())) {
                continue;
            }
            if (needle != null && !matches(node, type, needle)) {
                continue;
            }
            found.add(node);
        }
        found.sort(Comparator.comparing(Drafts::lastModified).reversed());
        return found;
    }

    public static WorkflowStatus statusOf(Node node) throws RepositoryException {
        return node.hasProperty(WorkflowStatus.PROPERTY)
                ? WorkflowStatus.parse(node.getProperty(WorkflowStatus.PROPERTY).getString()) : WorkflowStatus.DRAFT;
    }

    static void markStatus(Node node, WorkflowStatus status, String who, String comment) throws RepositoryException {
        node.setProperty(WorkflowStatus.PROPERTY, status.value());
        node.setProperty(WorkflowStatus.CHANGED_BY, who);
        node.setProperty(WorkflowStatus.CHANGED_AT, Calendar.getInstance());
        node.setProperty(WorkflowStatus.COMMENT, comment);
    }

    private Map<String, Object> values(Session session, ItemPath path, ContentTypeDefinition type, Optional<Node> existing,
                                       JsonNode properties) throws RepositoryException {
        if (properties == null || !properties.isObject()) {
            throw new DraftException(DraftException.Reason.INVALID, "authoring.error.properties");
        }
        List<Violation> violations = new ArrayList<>();
        Map<String, Object> values = new java.util.LinkedHashMap<>(jsonValues.convert(type, properties, "", violations));
        checkReferences(session, type, values, violations);
        for (DraftRules rule : rules) {
            rule.check(session, path, type, existing, values, violations);
        }
        if (!violations.isEmpty()) {
            throw new DraftException(DraftException.Reason.INVALID, "authoring.error.invalid", violations, type.name());
        }
        return values;
    }

    /**
     * A reference must name a live item of its type: by path under the type's root, else by code; a
     * territory key, a collectivité of the référentiel (a typing error would otherwise show nowhere).
     */
    private void checkReferences(Session session, ContentTypeDefinition type, Map<String, Object> values,
                                 List<Violation> violations) throws RepositoryException {
        for (PropertyDefinition property : type.properties()) {
            PropertyType.Kind kind = property.type().kind();
            if (kind != PropertyType.Kind.REFERENCE && kind != PropertyType.Kind.TERRITORY
                    || values.get(property.name()) == null) {
                continue;
            }
            Object value = values.get(property.name());
            Collection<?> items = value instanceof Collection<?> c ? c : List.of(value);
            if (kind == PropertyType.Kind.TERRITORY) {
                checkTerritories(session, property, items, violations);
                continue;
            }
            ContentTypeDefinition target = registry.require(property.type().target());
            for (Object item : items) {
                if (item instanceof String code && !liveItemExists(session, target, code)) {
                    violations.add(new Violation(property.name(), "authoring.validation.unknownReference", code,
                            target.name()));
                }
            }
        }
    }

    private void checkTerritories(Session session, PropertyDefinition property, Collection<?> keys,
                                  List<Violation> violations) throws RepositoryException {
        for (Object item : keys) {
            Optional<TerritoryKey> key = item instanceof String text ? TerritoryKey.parse(text) : Optional.empty();
            if (key.isPresent() && territories.node(session, key.get()).isEmpty()) {
                violations.add(new Violation(property.name(), "authoring.validation.unknownTerritory", item));
            }
        }
    }

    private static boolean liveItemExists(Session session, ContentTypeDefinition target, String code)
            throws RepositoryException {
        String root = Workspaces.livePath(target.datasource().workspace(), target.datasource().rootPath());
        if (code.matches("[A-Za-z0-9_-]+") && session.nodeExists(root + "/" + code)) {
            return true;
        }
        if (target.property("code").isEmpty()) {
            return false;
        }
        Query query = session.getWorkspace().getQueryManager().createQuery("SELECT * FROM [" + target.nodeType()
                + "] AS n WHERE n.[code] = $code AND ISDESCENDANTNODE(n, '" + root + "')", Query.JCR_SQL2);
        query.bindValue("code", session.getValueFactory().createValue(code));
        query.setLimit(1);
        return query.execute().getNodes().hasNext();
    }

    private static boolean matches(Node node, ContentTypeDefinition type, String needle) throws RepositoryException {
        if (node.getName().toLowerCase(Locale.ROOT).contains(needle)) {
            return true;
        }
        for (PropertyDefinition property : type.properties()) {
            var kind = property.type().kind();
            if ((kind == PropertyType.Kind.STRING || kind == PropertyType.Kind.RICH_TEXT)
                    && node.hasProperty(property.name()) && !node.getProperty(property.name()).isMultiple()
                    && node.getProperty(property.name()).getString().toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    private static Instant lastModified(Node node) {
        try {
            return node.hasProperty(ContentWriter.LAST_MODIFIED)
                    ? node.getProperty(ContentWriter.LAST_MODIFIED).getDate().toInstant() : Instant.EPOCH;
        } catch (RepositoryException e) {
            return Instant.EPOCH;
        }
    }

    @FunctionalInterface
    private interface Write {
        WriteOutcome run() throws RepositoryException;
    }

    private static WriteOutcome write(Write write) throws RepositoryException {
        try {
            return write.run();
        } catch (ContentValidationException e) {
            throw new DraftException(DraftException.Reason.INVALID, "authoring.error.invalid", e.violations(),
                    e.getMessage());
        }
    }

    static Optional<Node> node(Session session, String path) throws RepositoryException {
        return session.nodeExists(path) ? Optional.of(session.getNode(path)) : Optional.empty();
    }
}
