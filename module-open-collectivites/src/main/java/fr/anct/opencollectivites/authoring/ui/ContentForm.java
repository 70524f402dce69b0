package fr.anct.opencollectivites.authoring.ui;

import java.math.BigDecimal;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import javax.jcr.query.Query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.anct.opencollectivites.authoring.Json;
import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.PropertyDefinition;
import fr.anct.opencollectivites.content.PropertyType;
import fr.anct.opencollectivites.i18n.Messages;

/**
 * The form of a content type, generated from its definition in the registry (no Java per type):
 * the inputs with their current values, and the submitted fields turned back into the JSON the
 * {@code Drafts} service takes (so conversion, validation and sanitising stay the service's).
 * Sub-models and assets have no input here (they are edited through the JSON API).
 */
final class ContentForm {
    static final String PREFIX = "champ.";
    private static final int MAX_OPTIONS = 500;

    private final ContentTypeRegistry registry;
    private final Messages messages;

    ContentForm(ContentTypeRegistry registry, Messages messages) {
        this.registry = registry;
        this.messages = messages;
    }

    static boolean editable(PropertyDefinition property) {
        PropertyType.Kind kind = property.type().kind();
        return kind != PropertyType.Kind.SUB_MODEL && kind != PropertyType.Kind.ASSET;
    }

    /** The inputs, with values from the node (null: a new item) or the submitted form, and errors by field. */
    List<FormField> fields(Session session, ContentTypeDefinition type, Node node, Map<String, String> submitted,
                           Map<String, String> errors) throws RepositoryException {
        List<FormField> fields = new ArrayList<>();
        for (PropertyDefinition property : type.properties()) {
            if (!editable(property)) {
                continue;
            }
            String value = submitted != null ? submitted.getOrDefault(property.name(), "")
                    : node == null ? "" : current(node, property);
            fields.add(new FormField(property.name(), label(type, property), control(property), property.required(),
                    value, step(property), options(session, property), errors.get(property.name())));
        }
        return fields;
    }

    /** The submitted fields as the JSON properties of a draft write (every editable field is sent). */
    ObjectNode json(ContentTypeDefinition type, Map<String, String> submitted) {
        ObjectNode json = Json.object();
        for (PropertyDefinition property : type.properties()) {
            if (!editable(property)) {
                continue;
            }
            String raw = submitted.getOrDefault(property.name(), "");
            PropertyType.Kind kind = property.type().kind();
            if (kind == PropertyType.Kind.BOOLEAN) {
                json.put(property.name(), !raw.isEmpty());
            } else if (property.multiple()) {
                ArrayNode values = json.putArray(property.name());
                raw.lines().map(String::strip).filter(s -> !s.isEmpty()).forEach(values::add);
            } else if (raw.isBlank()) {
                json.putNull(property.name());
            } else if (kind == PropertyType.Kind.LONG || kind == PropertyType.Kind.DOUBLE
                    || kind == PropertyType.Kind.DECIMAL) {
                number(json, property.name(), raw.strip(), kind == PropertyType.Kind.LONG);
            } else {
                json.put(property.name(), kind == PropertyType.Kind.RICH_TEXT ? raw : raw.strip());
            }
        }
        return json;
    }

    /** A number input's text as a JSON number; anything else is sent as text for the service to refuse. */
    private static void number(ObjectNode json, String name, String text, boolean integer) {
        try {
            if (integer) {
                json.put(name, Long.parseLong(text));
            } else {
                json.put(name, new BigDecimal(text.replace(',', '.')));
            }
        } catch (NumberFormatException e) {
            json.put(name, text);
        }
    }

    private String label(ContentTypeDefinition type, PropertyDefinition property) {
        String key = "authoring.ui.field." + type.name() + "." + property.name();
        String label = messages.get(key);
        if (!label.equals(key)) {
            return label;
        }
        return property.label() != null && !property.label().isBlank() ? property.label() : property.name();
    }

    private static String control(PropertyDefinition property) {
        if (property.multiple()) {
            return "lines";
        }
        return switch (property.type().kind()) {
            case RICH_TEXT -> "richtext";
            case LONG, DOUBLE, DECIMAL -> "number";
            case DATE -> "date";
            case BOOLEAN -> "checkbox";
            case REFERENCE -> "reference";
            default -> "text";
        };
    }

    private static String step(PropertyDefinition property) {
        return property.type().kind() == PropertyType.Kind.LONG ? "1" : "any";
    }

    /** The codes of the live items a reference may name, for the input's datalist. */
    private List<String> options(Session session, PropertyDefinition property) throws RepositoryException {
        if (property.type().kind() != PropertyType.Kind.REFERENCE || property.type().target() == null) {
            return List.of();
        }
        ContentTypeDefinition target = registry.byName(property.type().target()).orElse(null);
        if (target == null) {
            return List.of();
        }
        String root = "/" + target.datasource().workspace() + target.datasource().rootPath().replaceAll("/+$", "");
        Query query = session.getWorkspace().getQueryManager().createQuery("SELECT * FROM [" + target.nodeType()
                + "] AS n WHERE ISDESCENDANTNODE(n, '" + root + "')", Query.JCR_SQL2);
        query.setLimit(MAX_OPTIONS);
        List<String> codes = new ArrayList<>();
        for (NodeIterator nodes = query.execute().getNodes(); nodes.hasNext(); ) {
            Node node = nodes.nextNode();
            codes.add(node.hasProperty("code") ? node.getProperty("code").getString() : node.getName());
        }
        return codes;
    }

    private static String current(Node node, PropertyDefinition property) throws RepositoryException {
        if (!node.hasProperty(property.name())) {
            return "";
        }
        Property value = node.getProperty(property.name());
        if (value.isMultiple()) {
            List<String> lines = new ArrayList<>();
            for (Value v : value.getValues()) {
                lines.add(text(v, property));
            }
            return String.join("\n", lines);
        }
        return text(value.getValue(), property);
    }

    private static String text(Value value, PropertyDefinition property) throws RepositoryException {
        if (property.type().kind() == PropertyType.Kind.DATE) {
            SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd");
            format.setTimeZone(TimeZone.getTimeZone("Europe/Paris"));
            return format.format(value.getDate().getTime());
        }
        return value.getString();
    }
}
