package fr.anct.opencollectivites.imports;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javax.jcr.RepositoryException;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import com.github.pjfanning.xlsx.StreamingReader;

/**
 * Streams an XLSX sheet row by row (excel-streaming-reader, SAX underneath). The sheet is found by its
 * header row, not its name, which changes every year ("Epcicom2025", "Epcicom2026"…).
 */
final class XlsxTable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(XlsxTable.class);
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private XlsxTable() {
    }

    static boolean looksLikeXlsx(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return java.util.Arrays.equals(head, ZIP_MAGIC);
        }
    }

    static Workbook open(Path file) {
        return StreamingReader.builder().rowCacheSize(200).bufferSize(8192).open(file.toFile());
    }

    /** The first row of every sheet, by sheet name; empty when the workbook cannot be read. */
    static java.util.Optional<Map<String, List<String>>> headers(Path file) {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        try (Workbook workbook = open(file)) {
            for (Sheet sheet : workbook) {
                Iterator<org.apache.poi.ss.usermodel.Row> rows = sheet.rowIterator();
                headers.put(sheet.getSheetName(), rows.hasNext() ? header(rows.next()) : List.of());
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("{} looks like an XLSX workbook but cannot be read ({})", file, e.toString());
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(headers);
    }

    static void read(Path file, TableLayout layout, FileProblems problems, ProgressListener progress,
                     RowHandler handler) throws IOException, RepositoryException {
        if (Files.size(file) == 0) {
            problems.error(1, "imports.error.empty");
            return;
        }
        if (!looksLikeXlsx(file)) {
            problems.error(1, "imports.error.notXlsx");
            return;
        }
        String fileName = file.getFileName().toString();
        Workbook workbook;
        try {
            workbook = open(file);
        } catch (RuntimeException e) {
            problems.error(1, "imports.error.notXlsx");
            return;
        }
        try (workbook) {
            List<String> sheetNames = new ArrayList<>();
            for (Sheet sheet : workbook) {
                sheetNames.add(sheet.getSheetName());
                Iterator<org.apache.poi.ss.usermodel.Row> rows = sheet.rowIterator();
                if (!rows.hasNext()) {
                    continue;
                }
                List<String> header = header(rows.next());
                if (!layout.recognises(header)) {
                    continue;
                }
                problems.locate(fileName + " [" + sheet.getSheetName() + "]");
                List<String> missing = layout.missingColumns(header);
                if (!missing.isEmpty()) {
                    problems.error(1, "imports.error.missingColumns", String.join(", ", missing), String.join(", ", header));
                    return;
                }
                if (!Tables.checkNoDuplicate(header, problems)) {
                    return;
                }
                readRows(rows, Tables.columnIndex(layout, header), header, problems, progress, handler);
                return;
            }
            problems.error(1, "imports.error.missingSheet", String.join(", ", layout.signature()),
                    String.join(", ", sheetNames));
        } catch (RuntimeException e) {
            // the streaming reader wraps XML and zip errors of a corrupt workbook in runtime exceptions
            problems.error(1, "imports.error.notXlsx");
        }
    }

    private static void readRows(Iterator<org.apache.poi.ss.usermodel.Row> rows, Map<String, Integer> columns,
                                 List<String> header, FileProblems problems, ProgressListener progress, RowHandler handler)
            throws RepositoryException {
        while (rows.hasNext() && !problems.isFull()) {
            org.apache.poi.ss.usermodel.Row sheetRow = rows.next();
            progress.advance(1);
            Row row = new Row(sheetRow.getRowNum() + 1L, columns, header, values(sheetRow, header.size()));
            if (!row.isBlank()) {
                handler.handle(row);
            }
        }
    }

    private static List<String> header(org.apache.poi.ss.usermodel.Row row) {
        List<String> names = new ArrayList<>();
        for (String value : values(row, 0)) {
            names.add(value == null ? "" : value.trim());
        }
        return List.copyOf(names);
    }

    private static String[] values(org.apache.poi.ss.usermodel.Row row, int width) {
        int size = Math.max(width, row.getLastCellNum());
        String[] values = new String[Math.max(size, 0)];
        for (Cell cell : row) {
            int index = cell.getColumnIndex();
            if (index < values.length) {
                values[index] = text(cell);
            }
        }
        return values;
    }

    /** Numbers as plain digits: SIREN and populations carry a display format we must ignore. */
    private static String text(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }
}
