package fr.anct.opencollectivites.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import javax.jcr.Node;
import javax.jcr.Property;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import javax.jcr.ValueFactory;

import org.apache.jackrabbit.commons.JcrUtils;

import fr.anct.opencollectivites.repository.RepositoryFailure;

/**
 * Writes typed values onto repository nodes, validated against their content type, comparing
 * before setting so that an unchanged re-import writes nothing. Partial: only the given properties
 * are touched; a {@code null} value removes the property. Does not save: the caller owns the batch.
 */
public final class ContentWriter {
    public static final String FOLDER_TYPE = "mgnl:folder";
    public static final String SUB_MODEL_TYPE = "mgnl:contentNode";
    public static final String CREATED = "mgnl:created";
    public static final String LAST_MODIFIED = "mgnl:lastModified";

    private final ContentValidator validator = new ContentValidator();
    private final boolean bulkCreation;

    public ContentWriter() {
        this(false);
    }

    private ContentWriter(boolean bulkCreation) {
        this.bulkCreation = bulkCreation;
    }

    /**
     * For importers, which create tens of thousands of nodes in one save: new nodes are written on
     * Oak's tree under the session ({@link BulkNodeWriter}), the same content for a fraction of the cost.
     * Updates still go through the JCR API.
     */
    public static ContentWriter forImports() {
        return new ContentWriter(true);
    }

    /** Creates the item at {@code absPath} (and missing parent folders) or updates it. */
    public WriteOutcome upsert(Session session, String absPath, ContentTypeDefinition type, Map<String, ?> values)
            throws RepositoryException, ContentValidationException {
        if (session.nodeExists(absPath)) {
            return update(session.getNode(absPath), type, values);
        }
        check(type, values, name -> false);
        int slash = absPath.lastIndexOf('/');
        Node parent = JcrUtils.getOrCreateByPath(absPath.substring(0, Math.max(slash, 1)), FOLDER_TYPE, session);
        String name = absPath.substring(slash + 1);
        Calendar now = Calendar.getInstance();
        if (bulkCreation && BulkNodeWriter.create(session, parent.getPath(), name, type, values, now)) {
            return WriteOutcome.CREATED;
        }
        Node node = parent.addNode(name, type.nodeType());
        writeProperties(node, type, values);
        node.setProperty(CREATED, now);
        node.setProperty(LAST_MODIFIED, now);
        return WriteOutcome.CREATED;
    }

    public WriteOutcome update(Node node, ContentTypeDefinition type, Map<String, ?> values)
            throws RepositoryException, ContentValidationException {
        check(type, values, name -> hasPropertyOrChild(node, name));
        if (!writeProperties(node, type, values)) {
            return WriteOutcome.UNCHANGED;
        }
        node.setProperty(LAST_MODIFIED, Calendar.getInstance());
        return WriteOutcome.UPDATED;
    }

    private void check(ContentTypeDefinition type, Map<String, ?> values, Predicate<String> existing)
            throws ContentValidationException {
        List<Violation> violations = validator.validate(type, values, existing);
        if (!violations.isEmpty()) {
            throw new ContentValidationException(type.name(), violations);
        }
    }

    private static boolean hasPropertyOrChild(Node node, String name) {
        try {
            return node.hasProperty(name) || node.hasNode(name);
        } catch (RepositoryException e) {
            throw new RepositoryFailure("Cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /** @return whether anything changed */
    private boolean writeProperties(Node node, ContentTypeDefinition type, Map<String, ?> values)
            throws RepositoryException {
        boolean changed = false;
        ValueFactory factory = node.getSession().getValueFactory();
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            PropertyDefinition property = type.property(entry.getKey()).orElseThrow();
            if (property.type().kind() == PropertyType.Kind.SUB_MODEL) {
                changed |= writeSubModel(node, type, property, entry.getValue());
            } else {
                changed |= writeProperty(node, factory, property, entry.getValue());
            }
        }
        return changed;
    }

    private static boolean writeProperty(Node node, ValueFactory factory, PropertyDefinition property, Object value)
            throws RepositoryException {
        String name = property.name();
        boolean exists = node.hasProperty(name);
        if (value == null || value instanceof Collection<?> c && c.isEmpty() && !property.multiple()) {
            if (exists) {
                node.getProperty(name).remove();
                return true;
            }
            return false;
        }
        if (property.multiple()) {
            Collection<?> items = value instanceof Collection<?> c ? c : List.of(value);
            Value[] wanted = new Value[items.size()];
            int i = 0;
            for (Object item : items) {
                wanted[i++] = JcrValues.toJcr(factory, property.type(), item);
            }
            if (exists) {
                Property current = node.getProperty(name);
                if (current.isMultiple() && Arrays.equals(current.getValues(), wanted)) {
                    return false;
                }
                current.remove();
            }
            node.setProperty(name, wanted);
            return true;
        }
        Value wanted = JcrValues.toJcr(factory, property.type(), value);
        if (exists) {
            Property current = node.getProperty(name);
            if (!current.isMultiple() && current.getValue().equals(wanted)) {
                return false;
            }
            if (current.isMultiple()) {
                current.remove();
            }
        }
        node.setProperty(name, wanted);
        return true;
    }

    /** A sub-model is a child node named after the property; a multiple one holds children 0, 1, 2… */
    @SuppressWarnings("unchecked")
    private boolean writeSubModel(Node node, ContentTypeDefinition type, PropertyDefinition property, Object value)
            throws RepositoryException {
        ContentTypeDefinition subModel = type.subModel(property.type().target()).orElseThrow();
        String name = property.name();
        if (value == null) {
            if (node.hasNode(name)) {
                node.getNode(name).remove();
                return true;
            }
            return false;
        }
        boolean created = !node.hasNode(name);
        Node container = created ? node.addNode(name, SUB_MODEL_TYPE) : node.getNode(name);
        boolean changed = created;
        if (!property.multiple()) {
            return writeProperties(container, subModel, (Map<String, ?>) value) | changed;
        }
        List<Map<String, ?>> items = new ArrayList<>((Collection<Map<String, ?>>) value);
        for (int i = 0; i < items.size(); i++) {
            String childName = String.valueOf(i);
            boolean newChild = !container.hasNode(childName);
            Node child = newChild ? container.addNode(childName, SUB_MODEL_TYPE) : container.getNode(childName);
            changed |= newChild | writeProperties(child, subModel, clearMissing(subModel, items.get(i)));
        }
        for (int i = items.size(); container.hasNode(String.valueOf(i)); i++) {
            container.getNode(String.valueOf(i)).remove();
            changed = true;
        }
        return changed;
    }

    /** A list item replaces the previous item at its index whole: properties it does not give are removed. */
    private static Map<String, ?> clearMissing(ContentTypeDefinition subModel, Map<String, ?> item) {
        Map<String, Object> complete = new java.util.LinkedHashMap<>();
        subModel.properties().forEach(p -> complete.put(p.name(), null));
        complete.putAll(item);
        return complete;
    }
}
