package fr.anct.opencollectivites.content;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Value;

/**
 * A content node's own properties, read generically as Magnolia's {@code content} map gives them to
 * templates: every property whose name has no namespace prefix (not the repository's {@code jcr:}, not
 * {@code mgnl:} or the workflow's {@code oc:}), typed (text, long, double, decimal, boolean, dates as UTC
 * {@link OffsetDateTime}), multiple ones as lists, and child content nodes (sub-models) as maps, or lists of
 * maps for a container of items. A property added to a content type's YAML is in this map with no Java:
 * templates read {@code item.content.<name>}, the JSON answers write the map.
 */
public final class ContentMap {
    private ContentMap() {
    }

    public static Map<String, Object> of(Node node) throws RepositoryException {
        Map<String, Object> content = new LinkedHashMap<>();
        for (PropertyIterator it = node.getProperties(); it.hasNext(); ) {
            Property property = it.nextProperty();
            if (property.getName().indexOf(':') >= 0) {
                continue;
            }
            if (property.isMultiple()) {
                List<Object> values = new ArrayList<>();
                for (Value value : property.getValues()) {
                    values.add(value(value));
                }
                content.put(property.getName(), Collections.unmodifiableList(values));
            } else {
                content.put(property.getName(), value(property.getValue()));
            }
        }
        for (NodeIterator it = node.getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            if (child.getName().indexOf(':') < 0 && child.isNodeType("mgnl:contentNode")) {
                content.put(child.getName(), isList(child) ? list(child) : of(child));
            }
        }
        return Collections.unmodifiableMap(content);
    }

    /** A container of items (a multiple sub-model): child content nodes and no property of its own. */
    private static boolean isList(Node node) throws RepositoryException {
        for (PropertyIterator it = node.getProperties(); it.hasNext(); ) {
            if (it.nextProperty().getName().indexOf(':') < 0) {
                return false;
            }
        }
        NodeIterator children = node.getNodes();
        if (!children.hasNext()) {
            return false;
        }
        while (children.hasNext()) {
            if (!children.nextNode().isNodeType("mgnl:contentNode")) {
                return false;
            }
        }
        return true;
    }

    private static List<Map<String, Object>> list(Node container) throws RepositoryException {
        List<Map<String, Object>> items = new ArrayList<>();
        for (NodeIterator it = container.getNodes(); it.hasNext(); ) {
            items.add(of(it.nextNode()));
        }
        return Collections.unmodifiableList(items);
    }

    private static Object value(Value value) throws RepositoryException {
        return switch (value.getType()) {
            case PropertyType.LONG -> value.getLong();
            case PropertyType.DOUBLE -> value.getDouble();
            case PropertyType.DECIMAL -> value.getDecimal();
            case PropertyType.BOOLEAN -> value.getBoolean();
            case PropertyType.DATE -> OffsetDateTime.ofInstant(value.getDate().toInstant(), ZoneOffset.UTC);
            default -> value.getString();
        };
    }
}
