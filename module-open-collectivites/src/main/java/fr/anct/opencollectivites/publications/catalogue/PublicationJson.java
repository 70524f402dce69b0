package fr.anct.opencollectivites.publications.catalogue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.jcr.Node;
import javax.jcr.Property;
import javax.jcr.RepositoryException;
import javax.jcr.Value;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.JcrValues;
import fr.anct.opencollectivites.content.PropertyDefinition;
import fr.anct.opencollectivites.publications.PublicationPaths;

/**
 * A publication as the catalogue shows it: typed values in the content type's order, as the delivery
 * API does, without the harvester's bookkeeping (content hash, automatic and editor tag lists).
 */
final class PublicationJson {
    private static final Set<String> INTERNAL = Set.of("contentHash", "autoThemes", "manualThemes", "excludedThemes",
            "autoTerritories", "manualTerritories", "excludedTerritories");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private PublicationJson() {
    }

    static Map<String, Object> render(Node node, ContentTypeDefinition type) throws RepositoryException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@name", node.getName());
        json.put("@path", node.getPath().substring(("/" + PublicationPaths.WORKSPACE).length()));
        json.put("@id", node.getIdentifier());
        json.put("@nodeType", node.getPrimaryNodeType().getName());
        for (PropertyDefinition definition : type.properties()) {
            if (INTERNAL.contains(definition.name()) || !node.hasProperty(definition.name())) {
                continue;
            }
            Property property = node.getProperty(definition.name());
            if (property.isMultiple()) {
                List<Object> values = new ArrayList<>();
                for (Value value : property.getValues()) {
                    values.add(value(definition, value));
                }
                json.put(definition.name(), values);
            } else {
                json.put(definition.name(), value(definition, property.getValue()));
            }
        }
        return json;
    }

    private static Object value(PropertyDefinition definition, Value value) throws RepositoryException {
        Object typed = JcrValues.fromJcr(definition.type(), value);
        return typed instanceof OffsetDateTime date ? ISO.format(date.withOffsetSameInstant(ZoneOffset.UTC)) : typed;
    }
}
