package fr.anct.opencollectivites.repository;

import java.util.ArrayList;
import java.util.List;

import javax.jcr.Node;
import javax.jcr.Property;
import javax.jcr.RepositoryException;
import javax.jcr.Value;

/**
 * Null-tolerant reads of a node's properties: a missing node or property reads as absent, and so does a
 * multi-valued property read as one value.
 */
public final class NodeProperties {
    private NodeProperties() {
    }

    /** A single-valued property as text, or null. */
    public static String string(Node node, String name) throws RepositoryException {
        Property property = single(node, name);
        return property == null ? null : property.getString();
    }

    /** A single-valued property as a number, or null. */
    public static Long number(Node node, String name) throws RepositoryException {
        Property property = single(node, name);
        return property == null ? null : property.getLong();
    }

    /** Every value of a property as text (a single-valued one gives one); empty when there is none. */
    public static List<String> strings(Node node, String name) throws RepositoryException {
        List<String> values = new ArrayList<>();
        if (node == null || !node.hasProperty(name)) {
            return values;
        }
        Property property = node.getProperty(name);
        if (property.isMultiple()) {
            for (Value value : property.getValues()) {
                values.add(value.getString());
            }
        } else {
            values.add(property.getString());
        }
        return values;
    }

    private static Property single(Node node, String name) throws RepositoryException {
        if (node == null || !node.hasProperty(name)) {
            return null;
        }
        Property property = node.getProperty(name);
        return property.isMultiple() ? null : property;
    }
}
