package fr.anct.opencollectivites.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import jakarta.ws.rs.core.Response;


/**
 * Downloadable files: CSV that opens in a spreadsheet (UTF-8 with BOM, header row, {@code ;} by
 * default — what French spreadsheets expect — or {@code ,} on request, the separator stated in the
 * {@code Content-Type}), numbers written plainly with a dot (no thousands separator), and JSON.
 * Both come with a {@code Content-Disposition: attachment} and a file name.
 */
public final class Download {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Download() {
    }

    /** The separator asked for: {@code ;} unless {@code sep=,} (or {@code sep=comma}). */
    public static char separator(String sep) {
        return sep != null && (sep.equals(",") || sep.equalsIgnoreCase("comma") || sep.equalsIgnoreCase("virgule"))
                ? ',' : ';';
    }

    public static Response csv(String fileName, char separator, List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(separator).setHeader(header.toArray(String[]::new)).build();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(Download::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, body, 0, BOM.length);
        System.arraycopy(text, 0, body, BOM.length, text.length);
        return Response.ok(body)
                .type("text/csv; charset=UTF-8; header=present; delimiter=" + (separator == ',' ? "comma" : "semicolon"))
                .header("Content-Disposition", disposition(fileName + ".csv"))
                .header("Cache-Control", "public, max-age=300")
                .build();
    }

    public static Response json(String fileName, Object value) {
        return Response.ok(Json.prettyBytes(value))
                .type("application/json; charset=UTF-8")
                .header("Content-Disposition", disposition(fileName + ".json"))
                .header("Cache-Control", "public, max-age=300")
                .build();
    }

    /** A cell as a spreadsheet reads it back: plain numbers, empty for missing values. */
    static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        return value;
    }

    private static String disposition(String fileName) {
        String safe = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + safe + "\"";
    }
}
