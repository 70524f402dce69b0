package fr.anct.opencollectivites.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.jcr.RepositoryException;

import org.apache.commons.io.input.BOMInputStream;
import org.apache.commons.io.input.BoundedInputStream;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.anct.opencollectivites.web.Json;

/**
 * Streams the records of a JSON file (Jackson streaming: one record in memory at a time) as rows whose
 * columns are the record's top-level fields. Accepted shapes: a top-level array of records (an
 * Opendatasoft {@code exports/json}), or an object whose first array of objects holds them
 * ({@code {"total_count":…,"results":[…]}} from the records API, {@code {"service":[…]}} from the
 * data.gouv.fr dump). A field holding an object or an array is handed over as its JSON text, so that a
 * job reads it the same way whether the file nested it or encoded it as a string.
 *
 * <p>A JSON row's {@link Row#line()} is its 1-based <em>record number</em>, not a text line: the API's
 * exports put every record on one line. Syntax errors name the text line and column too.
 */
final class JsonTable {
    private static final ObjectMapper MAPPER = Json.MAPPER;
    private static final int MAX_RECOGNITION_BYTES = 1024 * 1024;
    /** Names of a records array that may be empty (another empty array before it is skipped). */
    private static final Set<String> RECORD_ARRAYS = Set.of("results", "service", "records");

    private JsonTable() {
    }

    /** Whether the first significant character (after a BOM and blanks) opens a JSON object or array. */
    static boolean looksLikeJson(Path file) throws IOException {
        try (InputStream in = BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get()) {
            int b;
            do {
                b = in.read();
            } while (b == ' ' || b == '\n' || b == '\r' || b == '\t');
            return b == '{' || b == '[';
        }
    }

    /**
     * The field names of the first record (recognition only: reads at most the first megabyte). A record
     * broken after its first fields still gives them, so that the import names the error.
     */
    static Optional<List<String>> firstRecordFields(Path file) {
        Set<String> names = new LinkedHashSet<>();
        try (InputStream raw = BoundedInputStream.builder().setInputStream(Files.newInputStream(file))
                .setMaxCount(MAX_RECOGNITION_BYTES).get();
             InputStream in = BOMInputStream.builder().setInputStream(raw).get();
             JsonParser parser = MAPPER.getFactory().createParser(in)) {
            if (!toFirstRecord(parser) || parser.currentToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                names.add(parser.currentName());
                parser.nextToken();
                parser.skipChildren();
            }
        } catch (IOException | RuntimeException e) {
            // recognition is lenient: the import itself reports what is wrong, with its place
        }
        return names.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(names));
    }

    static void read(Path file, TableLayout layout, FileProblems problems, ProgressListener progress,
                     RowHandler handler) throws IOException, RepositoryException {
        if (Files.size(file) == 0) {
            problems.error(1, "imports.error.empty");
            return;
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < layout.columns().size(); i++) {
            columns.put(layout.columns().get(i), i);
        }
        long record = 0;
        try (InputStream raw = new BufferedInputStream(new ProgressInputStream(Files.newInputStream(file), progress));
             InputStream in = BOMInputStream.builder().setInputStream(raw).get()) {
            if (CsvTable.looksBinary(in)) {
                problems.error(1, "imports.error.binary");
                return;
            }
            try (JsonParser parser = MAPPER.getFactory().createParser(new StrictUtf8Reader(in))) {
                if (!toFirstRecord(parser)) {
                    problems.error(0, "imports.error.jsonNoRecords");
                    return;
                }
                while (parser.currentToken() != JsonToken.END_ARRAY && !problems.isFull()) {
                    record++;
                    if (parser.currentToken() != JsonToken.START_OBJECT) {
                        problems.error(record, "imports.error.jsonNotObject", parser.currentTokenLocation().getLineNr());
                        parser.skipChildren();
                    } else {
                        JsonNode node = MAPPER.readTree(parser);
                        handler.handle(new Row(record, columns, layout.columns(), values(node, layout.columns())));
                    }
                    parser.nextToken();
                }
            }
        } catch (StrictUtf8Reader.InvalidEncodingException e) {
            problems.error(Math.max(record, 1), "imports.error.jsonEncoding", e.line());
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            problems.error(Math.max(record, 1), "imports.error.json", where == null ? 0 : where.getLineNr(),
                    where == null ? 0 : where.getColumnNr(), e.getOriginalMessage());
        }
    }

    /**
     * Moves the parser to the first token of the first record; false when there is no records array.
     * Other top-level fields (e.g. {@code total_count}) are skipped.
     */
    private static boolean toFirstRecord(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_ARRAY) {
            parser.nextToken();
            return true;
        }
        if (first != JsonToken.START_OBJECT) {
            return false;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_ARRAY) {
                JsonToken element = parser.nextToken();
                if (element == JsonToken.START_OBJECT || element == JsonToken.END_ARRAY && RECORD_ARRAYS.contains(field)) {
                    return true;
                }
                if (element != JsonToken.END_ARRAY) {
                    parser.skipChildren();
                    skipRestOfArray(parser);
                }
            } else {
                parser.skipChildren();
            }
        }
        return false;
    }

    /** Skips what follows the current element of an array (already skipped if a container), up to its end. */
    private static void skipRestOfArray(JsonParser parser) throws IOException {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY && token != null; token = parser.nextToken()) {
            parser.skipChildren();
        }
    }


    private static String[] values(JsonNode record, List<String> columns) {
        String[] values = new String[columns.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode value = record.get(columns.get(i));
            if (value == null || value.isNull() || value.isMissingNode()) {
                values[i] = null;
            } else if (value.isContainerNode()) {
                values[i] = value.toString();
            } else {
                values[i] = value.asText();
            }
        }
        return values;
    }
}
