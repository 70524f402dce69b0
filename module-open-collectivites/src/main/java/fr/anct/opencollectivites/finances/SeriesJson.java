package fr.anct.opencollectivites.finances;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import fr.anct.opencollectivites.web.Json;

/**
 * The stored form of a series: one JSON array, one compact row per value,
 * {@code [exercice, agrégat, montant, € par habitant, population]}, ordered by exercice then agrégat.
 * Numbers keep the digits the file gave (no binary floating point on the way), so that the same file
 * always produces the same text and a re-import compares equal.
 */
final class SeriesJson {
    static final Comparator<FinanceValue> ORDER = Comparator.comparingInt(FinanceValue::exercice)
            .thenComparing(FinanceValue::agregat);
    private static final ObjectMapper MAPPER = Json.MAPPER.copy()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private SeriesJson() {
    }

    static String write(List<FinanceValue> values) {
        List<FinanceValue> sorted = new ArrayList<>(values);
        sorted.sort(ORDER);
        ArrayNode rows = MAPPER.createArrayNode();
        for (FinanceValue value : sorted) {
            ArrayNode row = rows.addArray();
            row.add(value.exercice());
            row.add(value.agregat());
            row.add(value.montant());
            row.add(value.euroParHabitant());
            row.add(value.population());
        }
        try {
            return MAPPER.writeValueAsString(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<FinanceValue> read(String json) {
        try {
            JsonNode rows = MAPPER.readTree(json);
            List<FinanceValue> values = new ArrayList<>(rows.size());
            for (JsonNode row : rows) {
                values.add(new FinanceValue(row.get(0).intValue(), row.get(1).textValue(), decimal(row.get(2)),
                        decimal(row.get(3)), row.get(4).isNull() ? null : row.get(4).longValue()));
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable finance series: " + e.getMessage(), e);
        }
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? null : node.decimalValue();
    }
}
