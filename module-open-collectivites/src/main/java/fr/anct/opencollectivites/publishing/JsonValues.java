package fr.anct.opencollectivites.publishing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.PropertyDefinition;
import fr.anct.opencollectivites.content.TerritoryKey;
import fr.anct.opencollectivites.content.Violation;

/**
 * Converts the JSON {@code properties} of an authoring request into the typed values
 * {@link fr.anct.opencollectivites.content.ContentWriter} expects, after the content type: numbers,
 * booleans, dates ({@code 2026-03-01} or an ISO date-time), lists for {@code multiple}, objects for
 * sub-models; rich text sanitised. A value that cannot be converted is a violation on its field;
 * unknown fields are left for the validator to report. JSON {@code null} removes a property.
 */
final class JsonValues {
    private final RichTextSanitizer sanitizer;

    JsonValues(RichTextSanitizer sanitizer) {
        this.sanitizer = sanitizer;
    }

    Map<String, Object> convert(ContentTypeDefinition type, JsonNode properties, String prefix, List<Violation> violations) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            var property = type.property(field.getKey());
            if (property.isEmpty()) {
                values.put(field.getKey(), field.getValue().asText());
                continue;
            }
            values.put(field.getKey(), value(type, property.get(), field.getValue(), prefix, violations));
        }
        return values;
    }

    private Object value(ContentTypeDefinition type, PropertyDefinition property, JsonNode json, String prefix,
                         List<Violation> violations) {
        if (json == null || json.isNull()) {
            return null;
        }
        if (json.isArray()) {
            List<Object> items = new ArrayList<>();
            for (JsonNode item : json) {
                items.add(single(type, property, item, prefix, violations));
            }
            return items;
        }
        return single(type, property, json, prefix, violations);
    }

    private Object single(ContentTypeDefinition type, PropertyDefinition property, JsonNode json, String prefix,
                          List<Violation> violations) {
        String field = prefix + property.name();
        try {
            return switch (property.type().kind()) {
                case STRING, ASSET, REFERENCE -> json.isValueNode() ? json.asText() : fail();
                case URL -> json.isValueNode() ? json.asText().strip() : fail();
                case TERRITORY -> json.isValueNode()
                        ? TerritoryKey.parse(json.asText()).map(TerritoryKey::toString).orElse(json.asText().strip()) : fail();
                case RICH_TEXT -> json.isValueNode() ? sanitizer.sanitize(json.asText()) : fail();
                case BOOLEAN -> json.isBoolean() ? json.booleanValue() : fail();
                case LONG -> json.isIntegralNumber() ? (Object) json.longValue() : fail();
                case DOUBLE -> json.isNumber() ? (Object) json.doubleValue() : fail();
                case DECIMAL -> json.isNumber() ? json.decimalValue()
                        : json.isTextual() ? new BigDecimal(json.asText()) : fail();
                case DATE -> date(json.asText());
                case SUB_MODEL -> json.isObject()
                        ? convert(type.subModel(property.type().target()).orElseThrow(), json, field + ".", violations)
                        : fail();
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            violations.add(new Violation(field, "validation.type", property.type().toString()));
            return null;
        }
    }

    private static Object date(String text) {
        return text.length() == 10 ? LocalDate.parse(text) : OffsetDateTime.parse(text);
    }

    private static Object fail() {
        throw new IllegalArgumentException();
    }
}
