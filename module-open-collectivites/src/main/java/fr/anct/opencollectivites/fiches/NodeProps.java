package fr.anct.opencollectivites.fiches;

import java.util.ArrayList;
import java.util.List;

import javax.jcr.Node;
import javax.jcr.Property;
import javax.jcr.RepositoryException;
import javax.jcr.Value;

/** Null-tolerant reads of single- and multi-valued properties. */
final class NodeProps {
    private NodeProps() {
    }

    static String string(Node node, String name) throws RepositoryException {
        if (node == null || !node.hasProperty(name)) {
            return null;
        }
        Property property = node.getProperty(name);
        return property.isMultiple() ? null : property.getString();
    }

    static Long number(Node node, String name) throws RepositoryException {
        if (node == null || !node.hasProperty(name)) {
            return null;
        }
        Property property = node.getProperty(name);
        return property.isMultiple() ? null : property.getLong();
    }

    static List<String> strings(Node node, String name) throws RepositoryException {
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
}
