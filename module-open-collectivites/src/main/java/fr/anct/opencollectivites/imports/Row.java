package fr.anct.opencollectivites.imports;

import java.util.List;
import java.util.Map;

/** One data row of a table, its values addressed by the layout's column names. */
public final class Row {
    private final long line;
    private final Map<String, Integer> columns;
    private final List<String> header;
    private final String[] values;

    Row(long line, Map<String, Integer> columns, List<String> header, String[] values) {
        this.line = line;
        this.columns = columns;
        this.header = header;
        this.values = values;
    }

    /** The file's own name for a layout column, e.g. {@code ptot_2025} for {@code ptot_*}. */
    public String headerOf(String column) {
        Integer index = columns.get(column);
        return index == null || index < 0 ? null : header.get(index).trim();
    }

    /** 1-based line of a CSV file, or row number of a sheet. */
    public long line() {
        return line;
    }

    /** The trimmed value of a layout column; empty when blank. */
    public String get(String column) {
        Integer index = columns.get(column);
        if (index == null) {
            throw new IllegalArgumentException("Column not in the layout: " + column);
        }
        String value = index < values.length ? values[index] : null;
        return value == null ? "" : value.trim();
    }

    /** The value, or {@code null} when blank: what the content writer takes as "no value". */
    public String orNull(String column) {
        String value = get(column);
        return value.isEmpty() ? null : value;
    }

    public boolean isBlank() {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
