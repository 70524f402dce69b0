package fr.anct.opencollectivites.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The shape of an input table: CSV (with its delimiter) or XLSX, the columns an importer reads and the
 * few "signature" columns that recognise the file by its content; the first signature column must
 * be the table's first column (the COG files share many columns: REG, CHEFLIEU, NCCENR…). A {@code *}
 * in a column name matches any text, for yearly columns: {@code ptot_*} matches {@code ptot_2025},
 * {@code Code Insee * Commune} matches {@code Code Insee 2024 Commune}. Names compare case-insensitively.
 * CSV files are UTF-8; a layout {@link #orWindows1252() accepting Windows-1252} reads a file that is not
 * valid UTF-8 in that encoding (older editions of some national files).
 */
public record TableLayout(Format format, char delimiter, List<String> columns, List<String> signature,
                          boolean windows1252) {

    /** JSON: records of a JSON file, their top-level fields as columns (see {@code JsonTable}). */
    public enum Format { CSV, XLSX, JSON }

    public TableLayout {
        columns = List.copyOf(columns);
        signature = List.copyOf(signature);
    }

    public static TableLayout csv(char delimiter, List<String> columns, String... signature) {
        return new TableLayout(Format.CSV, delimiter, columns, List.of(signature), false);
    }

    public static TableLayout xlsx(List<String> columns, String... signature) {
        return new TableLayout(Format.XLSX, ',', columns, List.of(signature), false);
    }

    /** The same CSV layout, reading a file that is not valid UTF-8 as Windows-1252 (a superset of Latin-1). */
    public TableLayout orWindows1252() {
        return new TableLayout(format, delimiter, columns, signature, true);
    }

    /** A JSON file's records; fields are matched by name, in any order. */
    public static TableLayout json(List<String> columns, String... signature) {
        return new TableLayout(Format.JSON, ',', columns, List.of(signature), false);
    }

    /**
     * Whether a header row looks like this layout (its signature columns are all there). JSON records
     * have no column order, so only the presence of the signature fields counts there.
     */
    public boolean recognises(List<String> header) {
        if (format == Format.JSON) {
            return signature.stream().allMatch(column -> indexOf(header, column) >= 0);
        }
        return !header.isEmpty() && indexOf(List.of(header.get(0)), signature.get(0)) == 0
                && signature.stream().allMatch(column -> indexOf(header, column) >= 0);
    }

    public List<String> missingColumns(List<String> header) {
        List<String> missing = new ArrayList<>();
        for (String column : columns) {
            if (indexOf(header, column) < 0) {
                missing.add(column);
            }
        }
        return missing;
    }

    /** Position of a layout column in a header, or -1. */
    public static int indexOf(List<String> header, String column) {
        String wanted = column.toLowerCase(Locale.ROOT);
        Pattern pattern = wanted.indexOf('*') >= 0 ? glob(wanted) : null;
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim().toLowerCase(Locale.ROOT);
            if (pattern != null ? pattern.matcher(name).matches() : name.equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    private static Pattern glob(String column) {
        StringBuilder regex = new StringBuilder();
        for (String part : column.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
