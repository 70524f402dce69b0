package fr.anct.opencollectivites.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds the importer of a file from its content only: the header line of a CSV file (whatever its
 * delimiter, so that a file with the wrong one is still recognised and then fails with a clear
 * message), the header rows of an XLSX workbook's sheets, or the field names of a JSON file's first
 * record. Never from the file name.
 */
final class FileRecognizer {
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final String DELIMITERS = ",;\t|";

    private final List<Importer> importers;

    FileRecognizer(List<Importer> importers) {
        this.importers = importers;
    }

    Optional<Importer> recognise(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            return Optional.empty();
        }
        List<List<String>> headers = new ArrayList<>();
        TableLayout.Format format;
        if (XlsxTable.looksLikeXlsx(file)) {
            format = TableLayout.Format.XLSX;
            headers.addAll(XlsxTable.headers(file).values());
        } else if (JsonTable.looksLikeJson(file)) {
            format = TableLayout.Format.JSON;
            JsonTable.firstRecordFields(file).ifPresent(headers::add);
        } else {
            format = TableLayout.Format.CSV;
            csvHeaderLine(file).ifPresent(line -> {
                for (char delimiter : DELIMITERS.toCharArray()) {
                    headers.add(Arrays.stream(line.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1))
                            .map(String::trim).toList());
                }
            });
        }
        for (Importer importer : importers) {
            TableLayout layout = importer.layout();
            if (layout.format() == format && headers.stream().anyMatch(layout::recognises)) {
                return Optional.of(importer);
            }
        }
        return Optional.empty();
    }

    /** The first line, decoded leniently (recognition only: strict decoding happens on import). */
    private static Optional<String> csvHeaderLine(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(MAX_HEADER_BYTES);
            int end = 0;
            while (end < head.length && head[end] != '\n') {
                if (head[end] == 0) {
                    return Optional.empty();
                }
                end++;
            }
            String line = new String(head, 0, end, StandardCharsets.UTF_8);
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            return Optional.of(line.strip().replace("\"", ""));
        }
    }
}
