package fr.anct.opencollectivites.publishing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Value;

/**
 * Makes a target tree equal to a source tree in the transient space of one session, comparing before
 * setting (an unchanged publish writes nothing and keeps live identifiers). The caller saves, so that a
 * publication is one commit. Children that are items of their own (sub-pages, folders, content items)
 * are neither copied nor removed: they are published on their own.
 *
 * <p>Version copies are stored as {@code nt:unstructured} with the original type in
 * {@code oc:primaryType}, so that no query by content type ever finds an old version.
 */
final class TreeCopy {
    static final String ORIGINAL_TYPE = "oc:primaryType";
    /** Workflow metadata on drafts, never copied to live or into versions. */
    static final String WORKFLOW_PREFIX = "oc:";
    private static final Set<String> ITEM_TYPES_EXCLUDED = Set.of("mgnl:area", "mgnl:component", "mgnl:contentNode",
            "nt:unstructured");

    enum Mode {
        /** draft to live, or version content back to a draft */
        SAME_TYPES,
        TO_VERSION,
        FROM_VERSION
    }

    private TreeCopy() {
    }

    static boolean sync(Node source, Node target, Mode mode) throws RepositoryException {
        boolean changed = syncProperties(source, target, mode);
        Map<String, Node> wanted = new LinkedHashMap<>();
        for (NodeIterator it = source.getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            if (!isSeparateItem(child, mode)) {
                wanted.put(child.getName(), child);
            }
        }
        for (NodeIterator it = target.getNodes(); it.hasNext(); ) {
            Node existing = it.nextNode();
            if (!wanted.containsKey(existing.getName()) && !isSeparateItem(existing, targetMode(mode))) {
                existing.remove();
                changed = true;
            }
        }
        for (Map.Entry<String, Node> entry : wanted.entrySet()) {
            String type = targetType(entry.getValue(), mode);
            Node child = target.hasNode(entry.getKey()) ? target.getNode(entry.getKey()) : null;
            if (child != null && !child.getPrimaryNodeType().getName().equals(type)) {
                child.remove();
                child = null;
            }
            if (child == null) {
                child = target.addNode(entry.getKey(), type);
                changed = true;
            }
            changed |= sync(entry.getValue(), child, mode);
        }
        return changed | reorder(target, new ArrayList<>(wanted.keySet()));
    }

    private static Mode targetMode(Mode mode) {
        return mode == Mode.TO_VERSION ? Mode.FROM_VERSION : mode;
    }

    private static boolean reorder(Node target, List<String> order) throws RepositoryException {
        if (!target.getPrimaryNodeType().hasOrderableChildNodes()) {
            return false;
        }
        List<String> current = new ArrayList<>();
        for (NodeIterator it = target.getNodes(); it.hasNext(); ) {
            String name = it.nextNode().getName();
            if (order.contains(name)) {
                current.add(name);
            }
        }
        if (current.equals(order)) {
            return false;
        }
        for (String name : order) {
            target.orderBefore(name, null);
        }
        return true;
    }

    /** A child published on its own: a page, folder or content item (not an area, component or sub-model). */
    static boolean isSeparateItem(Node node, Mode mode) throws RepositoryException {
        String type = mode == Mode.FROM_VERSION && node.hasProperty(ORIGINAL_TYPE)
                ? node.getProperty(ORIGINAL_TYPE).getString() : node.getPrimaryNodeType().getName();
        return !ITEM_TYPES_EXCLUDED.contains(type) && !type.startsWith("rep:");
    }

    private static String targetType(Node source, Mode mode) throws RepositoryException {
        return switch (mode) {
            case SAME_TYPES -> source.getPrimaryNodeType().getName();
            case TO_VERSION -> "nt:unstructured";
            case FROM_VERSION -> source.hasProperty(ORIGINAL_TYPE) ? source.getProperty(ORIGINAL_TYPE).getString()
                    : "nt:unstructured";
        };
    }

    private static boolean syncProperties(Node source, Node target, Mode mode) throws RepositoryException {
        boolean changed = false;
        Map<String, Property> wanted = new LinkedHashMap<>();
        for (PropertyIterator it = source.getProperties(); it.hasNext(); ) {
            Property property = it.nextProperty();
            if (copied(property, mode)) {
                wanted.put(property.getName(), property);
            }
        }
        if (mode == Mode.TO_VERSION) {
            String type = source.getPrimaryNodeType().getName();
            if (!target.hasProperty(ORIGINAL_TYPE) || !target.getProperty(ORIGINAL_TYPE).getString().equals(type)) {
                target.setProperty(ORIGINAL_TYPE, type);
                changed = true;
            }
        }
        for (PropertyIterator it = target.getProperties(); it.hasNext(); ) {
            Property existing = it.nextProperty();
            if (!existing.getDefinition().isProtected() && !wanted.containsKey(existing.getName())
                    && !(mode == Mode.TO_VERSION && existing.getName().equals(ORIGINAL_TYPE))
                    && !(mode != Mode.TO_VERSION && existing.getName().startsWith(WORKFLOW_PREFIX))) {
                existing.remove();
                changed = true;
            }
        }
        for (Property property : wanted.values()) {
            String name = property.getName();
            if (property.isMultiple()) {
                Value[] values = property.getValues();
                if (!target.hasProperty(name) || !target.getProperty(name).isMultiple()
                        || !Arrays.equals(target.getProperty(name).getValues(), values)) {
                    if (target.hasProperty(name)) {
                        target.getProperty(name).remove();
                    }
                    target.setProperty(name, values, property.getType());
                    changed = true;
                }
            } else {
                Value value = property.getValue();
                if (!target.hasProperty(name) || target.getProperty(name).isMultiple()
                        || !target.getProperty(name).getValue().equals(value)) {
                    if (target.hasProperty(name) && target.getProperty(name).isMultiple()) {
                        target.getProperty(name).remove();
                    }
                    target.setProperty(name, value);
                    changed = true;
                }
            }
        }
        return changed;
    }

    private static boolean copied(Property property, Mode mode) throws RepositoryException {
        String name = property.getName();
        if (property.getDefinition().isProtected()) {
            return false;
        }
        if (mode == Mode.FROM_VERSION) {
            return !name.equals(ORIGINAL_TYPE);
        }
        return !name.startsWith(WORKFLOW_PREFIX);
    }
}
