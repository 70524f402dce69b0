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
import java.util.Optional;
import java.util.Set;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ReferentielProperties;
import fr.anct.opencollectivites.imports.FileProblems;
import fr.anct.opencollectivites.imports.ImportContext;
import fr.anct.opencollectivites.imports.ImportJob;
import fr.anct.opencollectivites.imports.SinglePassJob;
import fr.anct.opencollectivites.imports.Importer;
import fr.anct.opencollectivites.imports.Row;
import fr.anct.opencollectivites.imports.TableLayout;
import fr.anct.opencollectivites.imports.Vintage;
import fr.anct.opencollectivites.imports.Vintages;

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

    private static final class Job implements SinglePassJob {
        private final List<Mouvements.Event> events = new ArrayList<>();
        private Mouvements mouvements;

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
                events.add(new Mouvements.Event(line, row.get("MOD"), date, row.get("TYPECOM_AV"), row.get("COM_AV"), row.get("LIBELLE_AV"),
                        row.get("TYPECOM_AP"), row.get("COM_AP")));
            }
        }

        /** The latest event dates the file: COG 2026's mouvements end on 1 January 2026. */
        @Override
        public Optional<Vintage> vintage(Session session) {
            return events.isEmpty() ? Optional.empty()
                    : Optional.of(Vintage.content(Mouvements.vintageOf(mouvements().latestDate())));
        }

        private Mouvements mouvements() {
            if (mouvements == null) {
                mouvements = new Mouvements(events);
            }
            return mouvements;
        }

        /**
         * Retires the live communes these mouvements merged or renumbered after the date of the COG
         * imported (a COG older than its mouvements), gives each live commune its former codes and
         * names, each former commune its successor, and keeps the mouvements to date later COG files.
         */
        @Override
        public void complete(ImportContext context) throws RepositoryException {
            Mouvements all = mouvements();
            if (all.isEmpty()) {
                return;
            }
            ContentTypeDefinition type = context.type("commune");
            retireEnded(context, all, type);
            CommuneIndex index = CommuneIndex.load(context.session(), type);
            Map<String, Set<String>> formerCodes = all.formerCodes(index.communes.keySet());
            Map<String, List<Mouvements.Event>> eventsByCodeBefore = new HashMap<>();
            for (Mouvements.Event event : all.events()) {
                if (event.typeBefore().equals("COM")) {
                    eventsByCodeBefore.computeIfAbsent(event.codeBefore(), k -> new ArrayList<>()).add(event);
                }
            }
            for (String code : index.communes.keySet()) {
                Node node = index.node(context.session(), code);
                Set<String> codes = formerCodes.getOrDefault(code, Set.of());
                List<String> names = formerNames(code, codes, node.getProperty(ReferentielProperties.NOM).getString(), eventsByCodeBefore);
                Map<String, Object> values = new LinkedHashMap<>();
                values.put(ReferentielProperties.ANCIENS_CODES, codes.isEmpty() ? null : List.copyOf(codes));
                values.put(ReferentielProperties.ANCIENS_NOMS, names.isEmpty() ? null : names);
                context.update(node, type, values);
            }
            linkFormerCommunes(context, all, index.communes.keySet());
            all.store(context.session());
        }

        /**
         * Live communes whose last event, after the date of the COG imported (its vintage), ended them
         * into a live commune: mouvements newer than the COG. Nothing when the COG's vintage is unknown.
         */
        private static void retireEnded(ImportContext context, Mouvements all, ContentTypeDefinition type)
                throws RepositoryException {
            String root = CollectivitePaths.root(type);
            if (!context.session().nodeExists(root)) {
                return;
            }
            Optional<LocalDate> cogDate = Vintages.stored(context.session(), "cog-communes")
                    .map(year -> LocalDate.of(year.intValue(), 1, 1));
            if (cogDate.isEmpty()) {
                // without the COG's date, an ending the COG already shows cannot be told from a newer one
                return;
            }
            Set<String> liveCom = new HashSet<>();
            List<Node> live = new ArrayList<>();
            for (NodeIterator buckets = context.session().getNode(root).getNodes(); buckets.hasNext(); ) {
                for (NodeIterator it = buckets.nextNode().getNodes(); it.hasNext(); ) {
                    Node node = it.nextNode();
                    if (node.hasProperty(ReferentielProperties.TYPECOM) && node.hasProperty(ReferentielProperties.CODE)) {
                        live.add(node);
                        if (node.getProperty(ReferentielProperties.TYPECOM).getString().equals("COM")) {
                            liveCom.add(node.getProperty(ReferentielProperties.CODE).getString());
                        }
                    }
                }
            }
            Map<Node, Mouvements.Ending> ended = new LinkedHashMap<>();
            for (Node node : live) {
                String entity = node.getProperty(ReferentielProperties.TYPECOM).getString() + " " + node.getProperty(ReferentielProperties.CODE).getString();
                all.endingAfter(entity, cogDate.get()).filter(e -> e.successor() != null).ifPresent(e -> ended.put(node, e));
            }
            Set<String> staying = new HashSet<>(liveCom);
            ended.forEach((node, e) -> {
                try {
                    if (node.getProperty(ReferentielProperties.TYPECOM).getString().equals("COM")) {
                        staying.remove(node.getProperty(ReferentielProperties.CODE).getString());
                    }
                } catch (RepositoryException ex) {
                    throw new fr.anct.opencollectivites.repository.RepositoryFailure(ex.getMessage(), ex);
                }
            });
            int retired = 0;
            for (Map.Entry<Node, Mouvements.Ending> entry : ended.entrySet()) {
                String successor = all.follow(entry.getValue().successor(), entry.getValue().date(), staying);
                if (successor != null) {
                    FormerCommunes.retire(context, entry.getKey(), successor, entry.getValue().date());
                    retired++;
                }
            }
            if (retired > 0) {
                context.note("imports.mouvements.retired", retired);
            }
        }

        /** Gives each former commune today's commune its code leads to, and the date it ended. */
        private static void linkFormerCommunes(ImportContext context, Mouvements all, Set<String> liveCom)
                throws RepositoryException {
            ContentTypeDefinition formerType = context.type(FormerCommunes.TYPE);
            String root = CollectivitePaths.root(formerType);
            if (!context.session().nodeExists(root)) {
                return;
            }
            int linked = 0;
            for (NodeIterator buckets = context.session().getNode(root).getNodes(); buckets.hasNext(); ) {
                for (NodeIterator it = buckets.nextNode().getNodes(); it.hasNext(); ) {
                    Node record = it.nextNode();
                    String code = record.getProperty(ReferentielProperties.CODE).getString();
                    String entity = record.getProperty(ReferentielProperties.TYPECOM).getString() + " " + code;
                    Optional<Mouvements.Ending> ending = all.ending(entity);
                    String successor = null;
                    if (ending.isPresent() && ending.get().successor() != null) {
                        successor = all.follow(ending.get().successor(), ending.get().date(), liveCom);
                    }
                    if (successor == null && record.getProperty(ReferentielProperties.TYPECOM).getString().equals("COM")) {
                        successor = all.follow(code, null, liveCom);
                    }
                    if (successor == null) {
                        continue;
                    }
                    Map<String, Object> values = new LinkedHashMap<>();
                    values.put("successeur", successor);
                    values.put("dateFin", ending.map(Mouvements.Ending::date).orElse(null));
                    if (context.upsertFormerRecord(record.getPath(), formerType, values)
                            != fr.anct.opencollectivites.content.WriteOutcome.UNCHANGED) {
                        linked++;
                    }
                }
            }
            if (linked > 0) {
                context.note("imports.mouvements.successors", linked);
            }
        }

        /** In the order of the events (they are sorted by date). */
        private static List<String> formerNames(String code, Set<String> formerCodes, String currentName,
                                                Map<String, List<Mouvements.Event>> eventsByCodeBefore) {
            List<Mouvements.Event> relevant = new ArrayList<>(eventsByCodeBefore.getOrDefault(code, List.of()));
            formerCodes.forEach(former -> relevant.addAll(eventsByCodeBefore.getOrDefault(former, List.of())));
            relevant.sort(Comparator.comparing(Mouvements.Event::date).thenComparing(Mouvements.Event::line));
            Set<String> names = new LinkedHashSet<>();
            for (Mouvements.Event event : relevant) {
                if (!event.nameBefore().isEmpty() && !event.nameBefore().equals(currentName)) {
                    names.add(event.nameBefore());
                }
            }
            return List.copyOf(names);
        }
    }
}
