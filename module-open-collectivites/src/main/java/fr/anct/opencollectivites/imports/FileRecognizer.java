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

    /**
     * The importer of a file, or why none: the reason is an i18n key and its arguments (an empty file,
     * an unreadable one, a corrupt workbook, a binary format, an unknown header).
     */
    record Recognition(Optional<Importer> importer, String reasonKey, List<Object> reasonArgs) {
        static Recognition of(Importer importer) {
            return new Recognition(Optional.of(importer), null, List.of());
        }

        static Recognition not(String reasonKey, Object... args) {
            return new Recognition(Optional.empty(), reasonKey, List.of(args));
        }
    }

    Recognition recognise(Path file) throws IOException {
        if (Files.exists(file) && !Files.isReadable(file)) {
            return Recognition.not("imports.unrecognised.unreadable");
        }
        if (!Files.isRegularFile(file)) {
            return Recognition.not("imports.unrecognised.notAFile");
        }
        if (Files.size(file) == 0) {
            return Recognition.not("imports.unrecognised.empty");
        }
        List<List<String>> headers = new ArrayList<>();
        TableLayout.Format format;
        if (XlsxTable.looksLikeXlsx(file)) {
            format = TableLayout.Format.XLSX;
            Optional<java.util.Map<String, List<String>>> sheets = XlsxTable.headers(file);
            if (sheets.isEmpty()) {
                return Recognition.not("imports.unrecognised.corruptXlsx");
            }
            headers.addAll(sheets.get().values());
        } else if (looksBinary(file)) {
            return Recognition.not("imports.unrecognised.binary");
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
                return Recognition.of(importer);
            }
        }
        String first = headers.isEmpty() ? "" : String.join(format == TableLayout.Format.CSV ? "" : ", ", headers.get(0));
        if (format == TableLayout.Format.CSV) {
            first = csvHeaderLine(file).orElse("");
        }
        if (first.length() > 120) {
            first = first.substring(0, 120) + "…";
        }
        return Recognition.not(format == TableLayout.Format.XLSX ? "imports.unrecognised.xlsxHeader"
                : "imports.unrecognised.header", first);
    }

    /** A file that is neither text nor a workbook: NUL bytes or many control characters early on. */
    private static boolean looksBinary(Path file) throws IOException {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            return CsvTable.looksBinary(in);
        }
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
