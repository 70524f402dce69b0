package fr.anct.opencollectivites.content;

import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import javax.jcr.ValueFactory;

import org.apache.jackrabbit.oak.api.Tree;
import org.apache.jackrabbit.oak.plugins.memory.PropertyStates;
import org.apache.jackrabbit.oak.plugins.tree.TreeUtil;
import org.apache.jackrabbit.oak.spi.nodetype.NodeTypeConstants;

import fr.anct.opencollectivites.repository.OakSessionTrees;

/**
 * Creates a new content node directly on Oak's tree under the session, as {@link ContentWriter} would
 * through the JCR API: same node type, auto-created items ({@code jcr:uuid}), typed values and
 * {@code mgnl:created}/{@code mgnl:lastModified}. Only for plain paths and values without sub-models;
 * {@link #create} says when it could not, and the caller then uses the JCR API.
 */
final class BulkNodeWriter {
    private BulkNodeWriter() {
    }

    /** @return false, writing nothing, when this node must go through the JCR API instead */
    static boolean create(Session session, String parentPath, String name, ContentTypeDefinition type,
            Map<String, ?> values, Calendar now) throws RepositoryException {
        if (!plain(parentPath) || !plain(name) || hasSubModel(type, values) || !OakSessionTrees.available(session)) {
            return false;
        }
        ValueFactory factory = session.getValueFactory();
        String userId = session.getUserID();
        return OakSessionTrees.write(session, root -> {
            Tree parent = root.getTree(parentPath);
            Tree node = TreeUtil.addChild(parent, name, type.nodeType(),
                    root.getTree(NodeTypeConstants.NODE_TYPES_PATH), userId);
            for (Map.Entry<String, ?> entry : values.entrySet()) {
                PropertyDefinition property = type.property(entry.getKey()).orElseThrow();
                Object value = entry.getValue();
                if (value == null || value instanceof Collection<?> c && c.isEmpty() && !property.multiple()) {
                    continue;
                }
                node.setProperty(property.multiple()
                        ? PropertyStates.createProperty(property.name(), values(factory, property, value))
                        : PropertyStates.createProperty(property.name(), JcrValues.toJcr(factory, property.type(), value)));
            }
            node.setProperty(PropertyStates.createProperty(ContentWriter.CREATED, factory.createValue(now)));
            node.setProperty(PropertyStates.createProperty(ContentWriter.LAST_MODIFIED, factory.createValue(now)));
        });
    }

    private static List<Value> values(ValueFactory factory, PropertyDefinition property, Object value)
            throws RepositoryException {
        Collection<?> items = value instanceof Collection<?> c ? c : List.of(value);
        List<Value> result = new ArrayList<>(items.size());
        for (Object item : items) {
            result.add(JcrValues.toJcr(factory, property.type(), item));
        }
        return result;
    }

    private static boolean hasSubModel(ContentTypeDefinition type, Map<String, ?> values) {
        return values.keySet().stream().anyMatch(name ->
                type.property(name).map(p -> p.type().kind() == PropertyType.Kind.SUB_MODEL).orElse(false));
    }

    /** Names that map to themselves in Oak (no namespace prefix, no index): the JCR path is the Oak path. */
    private static boolean plain(String path) {
        return path.indexOf(':') < 0 && path.indexOf('[') < 0 && path.indexOf('{') < 0;
    }
}
