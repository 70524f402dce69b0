package fr.anct.opencollectivites.authoring;

import java.time.ZoneOffset;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.RepositoryException;
import javax.jcr.Value;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.JcrValues;
import fr.anct.opencollectivites.content.PropertyDefinition;
import fr.anct.opencollectivites.content.PropertyType;
import fr.anct.opencollectivites.publishing.Drafts;
import fr.anct.opencollectivites.publishing.ItemTypes;
import fr.anct.opencollectivites.publishing.WorkflowStatus;
import fr.anct.opencollectivites.web.Json;

/**
 * A draft as JSON: {@code @name}, {@code @path} (in its workspace), {@code @nodeType}, {@code type},
 * workflow {@code status} (and {@code comment} of a rejection), typed {@code properties}, and its areas,
 * components and sub-models as {@code children} (sub-pages are items of their own, listed by name).
 */
final class DraftJson {
    private final ItemTypes types;

    DraftJson(ItemTypes types) {
        this.types = types;
    }

    ObjectNode render(Node node, String workspacePath) throws RepositoryException {
        ObjectNode json = Json.object();
        json.put("@name", node.getName());
        json.put("@path", workspacePath);
        json.put("@nodeType", node.getPrimaryNodeType().getName());
        var type = types.of(node);
        type.ifPresent(t -> json.put("type", t.name()));
        if (node.hasProperty("mgnl:template")) {
            json.put("template", node.getProperty("mgnl:template").getString());
        }
        json.put("status", Drafts.statusOf(node).value());
        if (node.hasProperty(WorkflowStatus.COMMENT)) {
            json.put("comment", node.getProperty(WorkflowStatus.COMMENT).getString());
        }
        if (node.hasProperty("mgnl:lastModified")) {
            json.put("lastModified", node.getProperty("mgnl:lastModified").getDate().toInstant().toString());
        }
        ObjectNode properties = json.putObject("properties");
        if (type.isPresent()) {
            properties(node, type.get(), properties);
        }
        ArrayNode children = json.putArray("children");
        ArrayNode subItems = json.putArray("subItems");
        for (NodeIterator it = node.getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            String nodeType = child.getPrimaryNodeType().getName();
            boolean part = nodeType.equals("mgnl:area") || nodeType.equals("mgnl:component");
            if (part) {
                children.add(render(child, workspacePath + "/" + child.getName()));
            } else if (!nodeType.equals("mgnl:contentNode")) {
                subItems.add(child.getName());
            }
        }
        return json;
    }

    private void properties(Node node, ContentTypeDefinition type, ObjectNode json) throws RepositoryException {
        for (PropertyDefinition property : type.properties()) {
            if (property.type().kind() == PropertyType.Kind.SUB_MODEL) {
                if (node.hasNode(property.name())) {
                    ContentTypeDefinition subModel = type.subModel(property.type().target()).orElseThrow();
                    Node container = node.getNode(property.name());
                    if (property.multiple()) {
                        ArrayNode items = json.putArray(property.name());
                        for (NodeIterator it = container.getNodes(); it.hasNext(); ) {
                            properties(it.nextNode(), subModel, items.addObject());
                        }
                    } else {
                        properties(container, subModel, json.putObject(property.name()));
                    }
                }
                continue;
            }
            if (!node.hasProperty(property.name())) {
                continue;
            }
            Property jcr = node.getProperty(property.name());
            if (jcr.isMultiple()) {
                ArrayNode items = json.putArray(property.name());
                for (Value value : jcr.getValues()) {
                    items.add(Json.MAPPER.valueToTree(plain(JcrValues.fromJcr(property.type(), value))));
                }
            } else {
                json.set(property.name(), Json.MAPPER.valueToTree(plain(JcrValues.fromJcr(property.type(), jcr.getValue()))));
            }
        }
    }

    private static Object plain(Object value) {
        if (value instanceof java.time.OffsetDateTime date) {
            return date.withOffsetSameInstant(ZoneOffset.UTC).toString();
        }
        return value;
    }
}
