package fr.anct.opencollectivites.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.jcr.RepositoryException;

/** Reads a table of either format. */
final class Tables {
    private Tables() {
    }

    static void read(Path file, TableLayout layout, FileProblems problems, ProgressListener progress,
                     RowHandler handler) throws IOException, RepositoryException {
        if (layout.format() == TableLayout.Format.XLSX) {
            XlsxTable.read(file, layout, problems, progress, handler);
        } else if (layout.format() == TableLayout.Format.JSON) {
            JsonTable.read(file, layout, problems, progress, handler);
        } else {
            CsvTable.read(file, layout, problems, progress, handler);
        }
    }

    /**
     * Refuses a header that names a column twice: which of the two to read would be a guess. Blank
     * names (trailing empty cells of a sheet) are not columns.
     */
    static boolean checkNoDuplicate(List<String> header, FileProblems problems) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i) == null ? "" : header.get(i).trim();
            if (name.isEmpty()) {
                continue;
            }
            Integer first = seen.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), i);
            if (first != null) {
                problems.error(1, "imports.error.duplicateColumn", name, first + 1, i + 1);
                return false;
            }
        }
        return true;
    }

    static Map<String, Integer> columnIndex(TableLayout layout, List<String> header) {
        Map<String, Integer> index = new HashMap<>();
        for (String column : layout.columns()) {
            index.put(column, TableLayout.indexOf(header, column));
        }
        return index;
    }
}
