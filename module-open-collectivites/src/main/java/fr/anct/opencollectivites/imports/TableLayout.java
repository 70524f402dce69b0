package fr.anct.opencollectivites.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shape of an input table: CSV (with its delimiter) or XLSX, the columns an importer reads and the
 * few "signature" columns that recognise the file by its content; the first signature column must
 * be the table's first column (the COG files share many columns: REG, CHEFLIEU, NCCENR…). A column ending with {@code *}
 * matches by prefix, for yearly columns such as {@code ptot_2025}. Names compare case-insensitively.
 */
public record TableLayout(Format format, char delimiter, List<String> columns, List<String> signature) {

    /** JSON: records of a JSON file, their top-level fields as columns (see {@code JsonTable}). */
    public enum Format { CSV, XLSX, JSON }

    public TableLayout {
        columns = List.copyOf(columns);
        signature = List.copyOf(signature);
    }

    public static TableLayout csv(char delimiter, List<String> columns, String... signature) {
        return new TableLayout(Format.CSV, delimiter, columns, List.of(signature));
    }

    public static TableLayout xlsx(List<String> columns, String... signature) {
        return new TableLayout(Format.XLSX, ',', columns, List.of(signature));
    }

    /** A JSON file's records; fields are matched by name, in any order. */
    public static TableLayout json(List<String> columns, String... signature) {
        return new TableLayout(Format.JSON, ',', columns, List.of(signature));
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
        boolean prefix = column.endsWith("*");
        String wanted = (prefix ? column.substring(0, column.length() - 1) : column).toLowerCase(Locale.ROOT);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim().toLowerCase(Locale.ROOT);
            if (prefix ? name.startsWith(wanted) : name.equals(wanted)) {
                return i;
            }
        }
        return -1;
    }
}
