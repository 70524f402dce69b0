package fr.anct.opencollectivites.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javax.jcr.RepositoryException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/** Streams a UTF-8 CSV file row by row (Commons CSV), reporting structural errors with their line. */
final class CsvTable {
    static final int SNIFF_BYTES = 1024;
    private static final String DELIMITERS = ",;\t|";

    private CsvTable() {
    }

    static void read(Path file, TableLayout layout, FileProblems problems, ProgressListener progress,
                     RowHandler handler) throws IOException, RepositoryException {
        if (Files.size(file) == 0) {
            problems.error(1, "imports.error.empty");
            return;
        }
        try (InputStream raw = new BufferedInputStream(new ProgressInputStream(Files.newInputStream(file), progress));
             InputStream in = BOMInputStream.builder().setInputStream(raw).get()) {
            if (looksBinary(in)) {
                problems.error(1, "imports.error.binary");
                return;
            }
            CSVFormat format = CSVFormat.DEFAULT.builder()
                    .setDelimiter(layout.delimiter())
                    .setIgnoreEmptyLines(false)
                    .build();
            Reader reader = layout.windows1252() && !isUtf8(file)
                    ? new InputStreamReader(in, Charset.forName("windows-1252")) : new StrictUtf8Reader(in);
            try (CSVParser parser = CSVParser.parse(reader, format)) {
                readRecords(parser, layout, problems, handler);
            }
        }
    }

    /** Whether the whole file decodes as UTF-8 (read once before the import when another encoding is allowed). */
    private static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new InputStreamReader(new BufferedInputStream(Files.newInputStream(file)), decoder)) {
            char[] buffer = new char[8192];
            while (reader.read(buffer) >= 0) {
                // decoding is the check
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void readRecords(CSVParser parser, TableLayout layout, FileProblems problems, RowHandler handler)
            throws RepositoryException {
        Iterator<CSVRecord> records = parser.iterator();
        try {
            if (!records.hasNext()) {
                problems.error(1, "imports.error.empty");
                return;
            }
            List<String> header = List.copyOf(records.next().toList());
            if (!checkHeader(header, layout, problems)) {
                return;
            }
            Map<String, Integer> columns = Tables.columnIndex(layout, header);
            while (records.hasNext() && !problems.isFull()) {
                CSVRecord record = records.next();
                long line = record.getRecordNumber();
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue;
                }
                if (record.size() != header.size()) {
                    problems.error(line, "imports.error.columnCount", record.size(), header.size());
                    continue;
                }
                handler.handle(new Row(line, columns, header, record.values()));
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof StrictUtf8Reader.InvalidEncodingException encoding) {
                problems.error(encoding.line(), "imports.error.encoding");
            } else if (String.valueOf(e.getMessage()).contains("EOF reached before encapsulated token finished")) {
                problems.error(parser.getCurrentLineNumber(), "imports.error.unterminatedQuote");
            } else {
                problems.error(parser.getCurrentLineNumber() + 1, "imports.error.unreadable", e.getCause().getMessage());
            }
        } catch (IllegalStateException e) {
            // Commons CSV reports an unterminated quoted field this way
            if (String.valueOf(e.getMessage()).contains("EOF reached before encapsulated token finished")) {
                problems.error(parser.getCurrentLineNumber(), "imports.error.unterminatedQuote");
            } else {
                problems.error(parser.getCurrentLineNumber() + 1, "imports.error.unreadable", "CSV");
            }
        }
    }

    private static boolean checkHeader(List<String> header, TableLayout layout, FileProblems problems) {
        if (header.size() == 1) {
            String only = header.get(0);
            for (char other : DELIMITERS.toCharArray()) {
                if (other != layout.delimiter() && only.indexOf(other) >= 0) {
                    problems.error(1, "imports.error.delimiter", String.valueOf(other), String.valueOf(layout.delimiter()));
                    return false;
                }
            }
        }
        List<String> missing = layout.missingColumns(header);
        if (!missing.isEmpty()) {
            problems.error(1, "imports.error.missingColumns", String.join(", ", missing), String.join(", ", header));
            return false;
        }
        return Tables.checkNoDuplicate(header, problems);
    }

    /** Text never holds NUL bytes, and rarely control characters: garbage fails within its first KB. */
    static boolean looksBinary(InputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        int control = 0;
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
            if (b > 0 && b < 32 && b != '\n' && b != '\r' && b != '\t') {
                control++;
            }
        }
        return head.length > 0 && control * 20 > head.length;
    }
}
