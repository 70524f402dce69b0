package fr.anct.opencollectivites.content;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Checks values against a content type: known properties, required ones present, Java types that
 * match the declared type, lists only where {@code multiple}. Values come already typed (importers
 * and the JSON authoring API convert first); a {@code null} value means "remove".
 */
public final class ContentValidator {

    /**
     * @param existing tells whether the item already has a property (for a partial update), so that a
     *                 required property set earlier still counts; asked only for required ones not given
     */
    public List<Violation> validate(ContentTypeDefinition type, Map<String, ?> values, Predicate<String> existing) {
        List<Violation> violations = new ArrayList<>();
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            var property = type.property(entry.getKey());
            if (property.isEmpty()) {
                violations.add(new Violation(entry.getKey(), "validation.unknownProperty", type.name()));
                continue;
            }
            if (entry.getValue() != null) {
                checkValue(type, property.get(), entry.getValue(), violations);
            }
        }
        for (PropertyDefinition property : type.properties()) {
            if (!property.required()) {
                continue;
            }
            boolean given = values.containsKey(property.name());
            Object value = values.get(property.name());
            boolean present = given ? !isEmpty(value) : existing.test(property.name());
            if (!present) {
                violations.add(new Violation(property.name(), "validation.required"));
            }
        }
        return violations;
    }

    private void checkValue(ContentTypeDefinition type, PropertyDefinition property, Object value,
                            List<Violation> violations) {
        if (value instanceof Collection<?> items) {
            if (!property.multiple()) {
                violations.add(new Violation(property.name(), "validation.notMultiple"));
                return;
            }
            for (Object item : items) {
                checkSingle(type, property, item, violations);
            }
        } else {
            checkSingle(type, property, value, violations);
        }
    }

    private void checkSingle(ContentTypeDefinition type, PropertyDefinition property, Object value,
                             List<Violation> violations) {
        boolean ok = switch (property.type().kind()) {
            case STRING, RICH_TEXT, ASSET, REFERENCE, TERRITORY, URL -> value instanceof String;
            case BOOLEAN -> value instanceof Boolean;
            case LONG -> value instanceof Long || value instanceof Integer;
            case DOUBLE -> value instanceof Double || value instanceof Float || value instanceof Long
                    || value instanceof Integer;
            case DECIMAL -> value instanceof BigDecimal || value instanceof Long || value instanceof Integer;
            case DATE -> value instanceof LocalDate || value instanceof OffsetDateTime
                    || value instanceof ZonedDateTime || value instanceof Calendar;
            case SUB_MODEL -> value instanceof Map<?, ?> map && validSubModel(type, property, map, violations);
        };
        if (ok && property.type().kind() == PropertyType.Kind.TERRITORY && TerritoryKey.parse((String) value).isEmpty()) {
            violations.add(new Violation(property.name(), "validation.territoryKey", value));
        } else if (ok && property.type().kind() == PropertyType.Kind.URL && !((String) value).isBlank()
                && WebUrls.safe((String) value).isEmpty()) {
            violations.add(new Violation(property.name(), "validation.url", value));
        } else if (!ok && property.type().kind() != PropertyType.Kind.SUB_MODEL) {
            violations.add(new Violation(property.name(), "validation.type", property.type().toString()));
        } else if (!ok && !(value instanceof Map)) {
            violations.add(new Violation(property.name(), "validation.type", property.type().toString()));
        }
    }

    @SuppressWarnings("unchecked")
    private boolean validSubModel(ContentTypeDefinition type, PropertyDefinition property, Map<?, ?> map,
                                  List<Violation> violations) {
        ContentTypeDefinition subModel = type.subModel(property.type().target()).orElseThrow();
        List<Violation> nested = validate(subModel, (Map<String, ?>) map, name -> false);
        nested.forEach(v -> violations.add(new Violation(property.name() + "." + v.field(), v.key(), v.args())));
        return nested.isEmpty();
    }

    private static boolean isEmpty(Object value) {
        return value == null
                || value instanceof String s && s.isBlank()
                || value instanceof Collection<?> c && c.isEmpty();
    }
}
