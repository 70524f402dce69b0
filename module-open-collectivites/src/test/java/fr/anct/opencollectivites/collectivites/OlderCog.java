package fr.anct.opencollectivites.collectivites;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * An older vintage of the COG communes derived from a newer one by undoing, newest first, every
 * mouvement dated after a day: the entities an event made go, those it ended come back with their
 * former names (a commune's REG, DEP… taken from the commune it went into), renumbered parents get
 * their former code back. Close enough to the official older file for tests, and built from the
 * national files instead of copying another year's file into the project.
 */
final class OlderCog {
    private static final List<String> HEADER = List.of("TYPECOM", "COM", "REG", "DEP", "CTCD", "ARR", "TNCC", "NCC",
            "NCCENR", "LIBELLE", "CAN", "COMPARENT");

    private OlderCog() {
    }

    /** Writes the COG as it was on {@code day} (events of that day kept) to {@code target}. */
    static Path derive(Path communes, Path mouvements, LocalDate day, Path target) throws IOException {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (CSVRecord record : read(communes)) {
            Map<String, String> row = new LinkedHashMap<>(record.toMap());
            rows.put(row.get("TYPECOM") + " " + row.get("COM"), row);
        }
        TreeMap<LocalDate, List<CSVRecord>> byDate = new TreeMap<>();
        for (CSVRecord event : read(mouvements)) {
            LocalDate date = LocalDate.parse(event.get("DATE_EFF"));
            if (date.isAfter(day)) {
                byDate.computeIfAbsent(date, d -> new ArrayList<>()).add(event);
            }
        }
        for (List<CSVRecord> events : byDate.descendingMap().values()) {
            undo(rows, events);
        }
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").build())) {
            printer.printRecord(HEADER);
            for (Map<String, String> row : rows.values()) {
                printer.printRecord(HEADER.stream().map(column -> row.getOrDefault(column, "")).toList());
            }
        }
        return target;
    }

    private static void undo(Map<String, Map<String, String>> rows, List<CSVRecord> events) {
        Map<String, Map<String, String>> made = new LinkedHashMap<>();
        for (CSVRecord event : events) {
            String after = key(event, "_AP");
            if (after != null && rows.containsKey(after)) {
                made.put(after, rows.remove(after));
            }
        }
        for (CSVRecord event : events) {
            String before = key(event, "_AV");
            if (before == null || rows.containsKey(before)) {
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            String type = event.get("TYPECOM_AV");
            row.put("TYPECOM", type);
            row.put("COM", event.get("COM_AV"));
            row.put("TNCC", event.get("TNCC_AV"));
            row.put("NCC", event.get("NCC_AV"));
            row.put("NCCENR", event.get("NCCENR_AV"));
            row.put("LIBELLE", event.get("LIBELLE_AV"));
            Map<String, String> into = made.get(key(event, "_AP"));
            if (type.equals("COM") || type.equals("ARM")) {
                Map<String, String> place = into != null && into.get("TYPECOM").equals("COM") ? into : placeOf(made, events, before);
                if (place == null) {
                    place = anyCommuneOf(rows, Codes.bucket(event.get("COM_AV")));
                }
                for (String column : List.of("REG", "DEP", "CTCD", "ARR", "CAN")) {
                    row.put(column, place == null ? "" : place.getOrDefault(column, ""));
                }
            } else {
                row.put("COMPARENT", event.get("TYPECOM_AP").equals("COM") ? event.get("COM_AP")
                        : into == null ? "" : into.getOrDefault("COMPARENT", ""));
            }
            rows.put(before, row);
        }
        for (CSVRecord event : events) {
            String mod = event.get("MOD");
            if ((mod.equals("41") || mod.equals("50")) && event.get("TYPECOM_AV").equals("COM")) {
                for (Map<String, String> row : rows.values()) {
                    if (event.get("COM_AP").equals(row.get("COMPARENT"))) {
                        row.put("COMPARENT", event.get("COM_AV"));
                    }
                }
            }
        }
    }

    /** The COM an entity went into, among the rows the same events made. */
    private static Map<String, String> placeOf(Map<String, Map<String, String>> made, List<CSVRecord> events, String before) {
        for (CSVRecord event : events) {
            if (before.equals(key(event, "_AV")) && event.get("TYPECOM_AP").equals("COM")) {
                Map<String, String> row = made.get(key(event, "_AP"));
                if (row != null) {
                    return row;
                }
            }
        }
        return null;
    }

    private static Map<String, String> anyCommuneOf(Map<String, Map<String, String>> rows, String departement) {
        return rows.values().stream().filter(row -> row.get("TYPECOM").equals("COM") && departement.equals(row.get("DEP")))
                .findFirst().orElse(null);
    }

    private static String key(CSVRecord event, String side) {
        String code = event.get("COM" + side);
        return code.isEmpty() ? null : event.get("TYPECOM" + side) + " " + code;
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
    }
}
