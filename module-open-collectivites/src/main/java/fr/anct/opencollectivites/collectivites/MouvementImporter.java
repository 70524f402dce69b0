package fr.anct.opencollectivites.collectivites;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.jcr.Node;
import javax.jcr.RepositoryException;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.imports.FileProblems;
import fr.anct.opencollectivites.imports.ImportContext;
import fr.anct.opencollectivites.imports.ImportJob;
import fr.anct.opencollectivites.imports.SinglePassJob;
import fr.anct.opencollectivites.imports.Importer;
import fr.anct.opencollectivites.imports.Row;
import fr.anct.opencollectivites.imports.TableLayout;

/**
 * COG mouvements (v_mvt_commune_AAAA.csv): gives each current commune its {@code anciensCodes} — codes
 * that are no longer a COM and whose chain of events ends in it (17352 Saint-Laurent-de-la-Barrière,
 * merged in 2018, is now 17457 La Devise) — and its {@code anciensNoms}: the former names of its own
 * code (renamings: 28274 Moutiers became Moutiers-en-Beauce in 2026) and of its former codes.
 * Runs after the communes: only communes present in the repository are updated.
 */
public final class MouvementImporter implements Importer {
    private static final TableLayout LAYOUT = TableLayout.csv(',',
            List.of("MOD", "DATE_EFF", "TYPECOM_AV", "COM_AV", "LIBELLE_AV", "TYPECOM_AP", "COM_AP", "LIBELLE_AP"),
            "MOD", "DATE_EFF", "COM_AV", "COM_AP");

    @Override
    public String name() {
        return "cog-mouvements";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public TableLayout layout() {
        return LAYOUT;
    }

    @Override
    public ImportJob newJob(Path file) {
        return new Job();
    }

    /** One line of the file: a commune before and after an event. */
    record Event(long line, LocalDate date, String typeBefore, String codeBefore, String nameBefore,
                 String typeAfter, String codeAfter) {
    }

    private static final class Job implements SinglePassJob {
        private final List<Event> events = new ArrayList<>();

        @Override
        public void validate(Row row, FileProblems problems) {
            long line = row.line();
            LocalDate date;
            try {
                date = LocalDate.parse(row.get("DATE_EFF"));
            } catch (DateTimeParseException e) {
                problems.error(line, "imports.error.invalidValue", "DATE_EFF", row.get("DATE_EFF"));
                return;
            }
            boolean ok = true;
            int emptySides = 0;
            for (String suffix : List.of("_AV", "_AP")) {
                // a creation (MOD 20) has no "before", a suppression (MOD 30) no "after"
                if (row.get("TYPECOM" + suffix).isEmpty() && row.get("COM" + suffix).isEmpty()) {
                    emptySides++;
                    continue;
                }
                if (!CommuneImporter.TYPES.contains(row.get("TYPECOM" + suffix))) {
                    problems.error(line, "imports.error.invalidValue", "TYPECOM" + suffix, row.get("TYPECOM" + suffix));
                    ok = false;
                }
                if (!Codes.valid(Codes.COMMUNE, row.get("COM" + suffix))) {
                    problems.error(line, "imports.error.invalidCode", "COM" + suffix, row.get("COM" + suffix));
                    ok = false;
                }
            }
            if (emptySides == 2) {
                problems.error(line, "imports.error.required", "COM_AV / COM_AP");
                ok = false;
            }
            if (ok) {
                events.add(new Event(line, date, row.get("TYPECOM_AV"), row.get("COM_AV"), row.get("LIBELLE_AV"),
                        row.get("TYPECOM_AP"), row.get("COM_AP")));
            }
        }

        @Override
        public void complete(ImportContext context) throws RepositoryException {
            ContentTypeDefinition type = context.type("commune");
            CommuneIndex index = CommuneIndex.load(context.session(), type);
            events.sort(Comparator.comparing(Event::date).thenComparing(Event::line));
            Map<String, Set<String>> formerCodes = formerCodes(index.communes.keySet());
            Map<String, List<Event>> eventsByCodeBefore = new HashMap<>();
            for (Event event : events) {
                if (event.typeBefore().equals("COM")) {
                    eventsByCodeBefore.computeIfAbsent(event.codeBefore(), k -> new ArrayList<>()).add(event);
                }
            }
            for (String code : index.communes.keySet()) {
                Node node = index.node(context.session(), code);
                Set<String> codes = formerCodes.getOrDefault(code, Set.of());
                List<String> names = formerNames(code, codes, node.getProperty("nom").getString(), eventsByCodeBefore);
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("anciensCodes", codes.isEmpty() ? null : List.copyOf(codes));
                values.put("anciensNoms", names.isEmpty() ? null : names);
                context.update(node, type, values);
            }
        }

        /** Current code to the sorted codes that ended in it. */
        private Map<String, Set<String>> formerCodes(Set<String> current) {
            Map<String, List<Event>> successions = new HashMap<>();
            Set<String> candidates = new HashSet<>();
            for (Event event : events) {
                if (event.typeBefore().equals("COM")) {
                    candidates.add(event.codeBefore());
                    if (event.typeAfter().equals("COM") && !event.codeAfter().equals(event.codeBefore())) {
                        successions.computeIfAbsent(event.codeBefore(), k -> new ArrayList<>()).add(event);
                    }
                }
            }
            Map<String, Set<String>> byCurrent = new HashMap<>();
            for (String code : candidates) {
                if (current.contains(code)) {
                    continue;
                }
                String end = follow(code, successions, current);
                if (end != null) {
                    byCurrent.computeIfAbsent(end, k -> new TreeSet<>()).add(code);
                }
            }
            return byCurrent;
        }

        /** Follows the latest succession of each code, forward in time, until a current commune. */
        private static String follow(String code, Map<String, List<Event>> successions, Set<String> current) {
            String at = code;
            LocalDate since = LocalDate.MIN;
            Set<String> visited = new HashSet<>();
            while (!current.contains(at)) {
                if (!visited.add(at)) {
                    return null;
                }
                Event next = null;
                for (Event event : successions.getOrDefault(at, List.of())) {
                    if (!event.date().isBefore(since)) {
                        next = event;
                    }
                }
                if (next == null) {
                    return null;
                }
                at = next.codeAfter();
                since = next.date();
            }
            return at;
        }

        /** In the order of the events (they are sorted by date). */
        private static List<String> formerNames(String code, Set<String> formerCodes, String currentName,
                                                Map<String, List<Event>> eventsByCodeBefore) {
            List<Event> relevant = new ArrayList<>(eventsByCodeBefore.getOrDefault(code, List.of()));
            formerCodes.forEach(former -> relevant.addAll(eventsByCodeBefore.getOrDefault(former, List.of())));
            relevant.sort(Comparator.comparing(Event::date).thenComparing(Event::line));
            Set<String> names = new LinkedHashSet<>();
            for (Event event : relevant) {
                if (!event.nameBefore().isEmpty() && !event.nameBefore().equals(currentName)) {
                    names.add(event.nameBefore());
                }
            }
            return List.copyOf(names);
        }
    }
}
