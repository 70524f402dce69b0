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

    static Map<String, Integer> columnIndex(TableLayout layout, List<String> header) {
        Map<String, Integer> index = new HashMap<>();
        for (String column : layout.columns()) {
            index.put(column, TableLayout.indexOf(header, column));
        }
        return index;
    }
}
