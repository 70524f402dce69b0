package fr.anct.opencollectivites.delivery;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import javax.jcr.ValueFormatException;
import javax.jcr.query.RowIterator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.PropertyDefinition;
import fr.anct.opencollectivites.content.PropertyType;
import fr.anct.opencollectivites.repository.RepositoryFailure;
import fr.anct.opencollectivites.repository.Workspaces;

/**
 * Renders nodes as Magnolia's v2 delivery JSON ({@code @name}, {@code @path}, {@code @id},
 * {@code @nodeType}, properties, nested children up to the endpoint's depth, {@code @nodes}), with
 * values typed after the content type. One instance per request: it caches resolved references and
 * remembers the latest {@code mgnl:lastModified} it rendered.
 */
final class NodeJsonRenderer {
    static final DateTimeFormatter ISO_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String LAST_MODIFIED = "mgnl:lastModified";

    private final DeliveryEndpointDefinition endpoint;
    private final ContentTypeRegistry contentTypes;
    private final Session session;
    private final Map<String, Optional<ObjectNode>> resolvedReferences = new HashMap<>();
    private Instant lastModified;

    NodeJsonRenderer(DeliveryEndpointDefinition endpoint, ContentTypeRegistry contentTypes, Session session) {
        this.endpoint = endpoint;
        this.contentTypes = contentTypes;
        this.session = session;
    }

    Optional<Instant> lastModified() {
        return Optional.ofNullable(lastModified);
    }

    /**
     * Who created, changed or published an item ({@code mgnl:createdBy}, {@code mgnl:lastActivatedBy}…) names
     * a member of staff: never delivered, whatever the endpoint's {@code includeSystemProperties} (its dates are).
     */
    static boolean isStaffLogin(String propertyName) {
        return propertyName.startsWith("mgnl:") && propertyName.endsWith("By");
    }

    ObjectNode render(Node node) throws RepositoryException {
        return render(node, endpoint.workspace(), endpoint.depth(), true);
    }

    private ObjectNode render(Node node, String workspace, int depth, boolean resolveReferences)
            throws RepositoryException {
        ObjectNode json = JSON.objectNode();
        json.put("@name", node.getName());
        json.put("@path", workspacePath(workspace, node.getPath()));
        json.put("@id", node.getIdentifier());
        json.put("@nodeType", node.getPrimaryNodeType().getName());
        Optional<ContentTypeDefinition> type = contentTypes.byNodeType(node.getPrimaryNodeType().getName());
        for (Property property : inStableOrder(node, type)) {
            String name = property.getName();
            if (name.equals(LAST_MODIFIED)) {
                noteLastModified(property.getDate());
            }
            if (name.startsWith("jcr:") || name.startsWith("rep:")
                    || name.startsWith("mgnl:") && (!endpoint.includeSystemProperties() || isStaffLogin(name))) {
                continue;
            }
            Optional<PropertyDefinition> definition = type.flatMap(t -> t.property(name));
            Optional<DeliveryEndpointDefinition.Reference> reference = resolveReferences
                    ? endpoint.references().stream().filter(r -> r.propertyName().equals(name)).findFirst()
                    : Optional.empty();
            json.set(name, reference.isPresent() && definition.isPresent()
                    ? resolved(property, definition.get(), reference.get())
                    : value(property, definition));
        }
        ArrayNode childNames = JSON.arrayNode();
        if (depth > 0) {
            for (Node child : children(node)) {
                json.set(child.getName(), render(child, workspace, depth - 1, resolveReferences));
                childNames.add(child.getName());
            }
        }
        json.set("@nodes", childNames);
        return json;
    }

    /**
     * The node's properties in the content type's declared order, then the others by name. The order a
     * store lists properties in is its own (it differed between two instances of a cluster on one
     * document store): an answer, and so its ETag, must not depend on it.
     */
    private static List<Property> inStableOrder(Node node, Optional<ContentTypeDefinition> type) throws RepositoryException {
        Map<String, Property> byName = new java.util.TreeMap<>();
        for (PropertyIterator it = node.getProperties(); it.hasNext(); ) {
            Property property = it.nextProperty();
            byName.put(property.getName(), property);
        }
        List<Property> ordered = new ArrayList<>(byName.size());
        if (type.isPresent()) {
            for (PropertyDefinition definition : type.get().properties()) {
                Property declared = byName.remove(definition.name());
                if (declared != null) {
                    ordered.add(declared);
                }
            }
        }
        ordered.addAll(byName.values());
        return ordered;
    }

    /**
     * The children the endpoint delivers, in the repository's order when the parent's type orders its
     * children (pages, areas), else by name: a folder's order is otherwise arbitrary, and answers (and
     * their ETags) must be stable.
     */
    List<Node> children(Node node) throws RepositoryException {
        List<Node> children = new ArrayList<>();
        for (NodeIterator it = node.getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            if (endpoint.childNodeTypes().isEmpty()
                    || endpoint.childNodeTypes().contains(child.getPrimaryNodeType().getName())) {
                children.add(child);
            }
        }
        if (!node.getPrimaryNodeType().hasOrderableChildNodes()) {
            children.sort(Comparator.comparing(NodeJsonRenderer::name));
        }
        return children;
    }

    private static String name(Node node) {
        try {
            return node.getName();
        } catch (RepositoryException e) {
            throw new RepositoryFailure(e.getMessage(), e);
        }
    }

    private static String workspacePath(String workspace, String absolutePath) {
        String relative = absolutePath.substring(Workspaces.liveRoot(workspace).length());
        return relative.isEmpty() ? "/" : relative;
    }

    private JsonNode value(Property property, Optional<PropertyDefinition> definition) throws RepositoryException {
        boolean multiple = property.isMultiple() || definition.map(PropertyDefinition::multiple).orElse(false);
        if (!multiple) {
            return scalar(property.getValue(), definition.map(PropertyDefinition::type));
        }
        ArrayNode array = JSON.arrayNode();
        for (Value value : property.isMultiple() ? property.getValues() : new Value[] {property.getValue()}) {
            array.add(scalar(value, definition.map(PropertyDefinition::type)));
        }
        return array;
    }

    /** Declared properties are typed after the content type; others after their JCR type. */
    private static JsonNode scalar(Value value, Optional<PropertyType> declared) throws RepositoryException {
        PropertyType.Kind kind = declared.map(PropertyType::kind).orElseGet(() -> jcrKind(value.getType()));
        try {
            return switch (kind) {
                case LONG -> JSON.numberNode(value.getLong());
                case DOUBLE -> JSON.numberNode(value.getDouble());
                case DECIMAL -> JSON.numberNode(value.getDecimal());
                case BOOLEAN -> JSON.booleanNode(value.getBoolean());
                case DATE -> JSON.textNode(isoDateTime(value.getDate()));
                default -> JSON.textNode(value.getString());
            };
        } catch (ValueFormatException e) {
            return JSON.textNode(value.getString());
        }
    }

    private static PropertyType.Kind jcrKind(int jcrType) {
        return switch (jcrType) {
            case javax.jcr.PropertyType.LONG -> PropertyType.Kind.LONG;
            case javax.jcr.PropertyType.DOUBLE -> PropertyType.Kind.DOUBLE;
            case javax.jcr.PropertyType.DECIMAL -> PropertyType.Kind.DECIMAL;
            case javax.jcr.PropertyType.BOOLEAN -> PropertyType.Kind.BOOLEAN;
            case javax.jcr.PropertyType.DATE -> PropertyType.Kind.DATE;
            default -> PropertyType.Kind.STRING;
        };
    }

    static String isoDateTime(Calendar calendar) {
        return ISO_DATE_TIME.format(calendar.toInstant().atOffset(ZoneOffset.UTC));
    }

    private void noteLastModified(Calendar calendar) {
        Instant instant = calendar.toInstant();
        if (lastModified == null || instant.isAfter(lastModified)) {
            lastModified = instant;
        }
    }

    /** A reference stores the target's {@code code}: shown as the target node, or as the code if it is gone. */
    private JsonNode resolved(Property property, PropertyDefinition definition,
                              DeliveryEndpointDefinition.Reference reference) throws RepositoryException {
        ContentTypeDefinition target = contentTypes.require(definition.type().target());
        if (!property.isMultiple()) {
            return resolve(target, reference, property.getString()).map(JsonNode.class::cast)
                    .orElse(JSON.textNode(property.getString()));
        }
        ArrayNode array = JSON.arrayNode();
        for (Value value : property.getValues()) {
            String code = value.getString();
            array.add(resolve(target, reference, code).map(JsonNode.class::cast).orElseGet(() -> JSON.textNode(code)));
        }
        return array;
    }

    /**
     * Most targets live at {@code <root>/<code>} (régions, départements, EPCI): a path lookup is far
     * cheaper than a query, which stays the fallback for bucketed trees such as communes.
     */
    private Optional<Node> directChild(String root, String code, ContentTypeDefinition target) throws RepositoryException {
        if (!code.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        String path = root + "/" + code;
        if (!session.nodeExists(path)) {
            return Optional.empty();
        }
        Node node = session.getNode(path);
        boolean matches = node.isNodeType(target.nodeType()) && node.hasProperty("code")
                && node.getProperty("code").getString().equals(code);
        return matches ? Optional.of(node) : Optional.empty();
    }

    private Optional<ObjectNode> resolve(ContentTypeDefinition target, DeliveryEndpointDefinition.Reference reference,
                                         String code) throws RepositoryException {
        String key = target.name() + "\u0000" + code;
        Optional<ObjectNode> cached = resolvedReferences.get(key);
        if (cached != null) {
            // its mgnl:lastModified was noted when it was first rendered in this request
            return cached.map(ObjectNode::deepCopy);
        }
        String root = Workspaces.livePath(reference.targetWorkspace(), target.datasource().rootPath());
        Optional<ObjectNode> json = Optional.empty();
        Optional<Node> direct = directChild(root, code, target);
        if (direct.isPresent()) {
            json = Optional.of(render(direct.get(), reference.targetWorkspace(), 0, false));
        } else {
            Sql2Query query = new Sql2Query("SELECT n.[jcr:path] FROM [" + target.nodeType() + "] AS n WHERE "
                    + "ISDESCENDANTNODE(n, '" + root.replace("'", "''") + "') AND n.[code] = $code ORDER BY n.[jcr:path]",
                    Map.of("code", code));
            RowIterator rows = JcrQueries.prepare(session, query).execute().getRows();
            if (rows.hasNext()) {
                json = Optional.of(render(session.getNode(rows.nextRow().getPath()), reference.targetWorkspace(), 0, false));
            }
        }
        resolvedReferences.put(key, json);
        return json;
    }
}
