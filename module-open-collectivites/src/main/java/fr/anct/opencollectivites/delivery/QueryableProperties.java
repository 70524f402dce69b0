package fr.anct.opencollectivites.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.PropertyDefinition;
import fr.anct.opencollectivites.content.PropertyType;

/**
 * The properties a query on an endpoint may filter and sort by, with their types: the properties of
 * the content types of its node types, plus Magnolia's dates {@code mgnl:created} and
 * {@code mgnl:lastModified}. Only these names ever reach a JCR-SQL2 statement.
 */
final class QueryableProperties {
    private static final PropertyType DATE = new PropertyType(PropertyType.Kind.DATE, null);
    private static final Set<PropertyType.Kind> NOT_QUERYABLE = Set.of(PropertyType.Kind.SUB_MODEL,
            PropertyType.Kind.RICH_TEXT, PropertyType.Kind.ASSET);

    private final Map<String, PropertyType> types;

    private QueryableProperties(Map<String, PropertyType> types) {
        this.types = types;
    }

    static QueryableProperties of(DeliveryEndpointDefinition endpoint, ContentTypeRegistry contentTypes) {
        Map<String, PropertyType> types = new LinkedHashMap<>();
        for (String nodeType : endpoint.nodeTypes()) {
            for (ContentTypeDefinition type : contentTypes.byNodeType(nodeType).stream().toList()) {
                for (PropertyDefinition property : type.properties()) {
                    if (!NOT_QUERYABLE.contains(property.type().kind())) {
                        types.putIfAbsent(property.name(), property.type());
                    }
                }
            }
        }
        types.put("mgnl:created", DATE);
        types.put("mgnl:lastModified", DATE);
        return new QueryableProperties(Map.copyOf(types));
    }

    /** The text properties a full-text {@code q} looks into. */
    List<String> textProperties() {
        return types.entrySet().stream()
                .filter(e -> e.getValue().kind() == PropertyType.Kind.STRING)
                .map(Map.Entry::getKey).sorted().toList();
    }

    Optional<PropertyType> type(String property) {
        return Optional.ofNullable(types.get(property));
    }

    String names() {
        return String.join(", ", new java.util.TreeSet<>(types.keySet()));
    }
}
