package fr.anct.opencollectivites.collectivites;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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

/**
 * DGCL "Liste et composition des EPCI à fiscalité propre" (epcicom XLSX, one row per member commune;
 * the sheet, "Epcicom2025", and the population columns, "ptot_2025", are renamed every year). A complete
 * file is the whole list: EPCI absent from it are removed, and communes in none lose their {@code epci}.
 * Members are resolved to today's communes through their former codes when the COG is newer.
 */
public final class EpciImporter implements Importer {
    static final Set<String> NATURES = Set.of("CC", "CA", "CU", "METRO", "MET69");
    private static final TableLayout LAYOUT = TableLayout.xlsx(List.of("dept", "siren", "raison_sociale",
                    "nature_juridique", "mode_financ", "nb_membres", "total_pop_tot", "total_pop_mun", "insee", "ptot_*"),
            "dept", "siren", "nature_juridique", "insee");

    @Override
    public String name() {
        return "dgcl-epcicom";
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public TableLayout layout() {
        return LAYOUT;
    }

    @Override
    public ImportJob newJob(Path file) {
        return new Job();
    }

    private static final class Epci {
        final Map<String, Object> values = new LinkedHashMap<>();
        final Map<String, Long> members = new LinkedHashMap<>();
    }

    private static final class Job implements SinglePassJob {
        private final Map<String, Epci> bySiren = new TreeMap<>();
        private final Set<String> departements = new TreeSet<>();
        private Long millesime;

        /** The population columns name the year: ptot_2025. */
        @Override
        public Optional<Vintage> vintage(Session session) {
            return Optional.ofNullable(millesime).map(Vintage::content);
        }

        @Override
        public void validate(Row row, FileProblems problems) {
            long line = row.line();
            String siren = row.get("siren");
            boolean ok = true;
            if (!Codes.valid(Codes.SIREN, siren)) {
                problems.error(line, "imports.error.invalidCode", "siren", siren);
                ok = false;
            }
            if (!NATURES.contains(row.get("nature_juridique"))) {
                problems.error(line, "imports.error.invalidValue", "nature_juridique", row.get("nature_juridique"));
                ok = false;
            }
            if (!Codes.valid(Codes.COMMUNE, row.get("insee"))) {
                problems.error(line, "imports.error.invalidCode", "insee", row.get("insee"));
                ok = false;
            }
            if (!Codes.valid(Codes.DEPARTEMENT, row.get("dept"))) {
                problems.error(line, "imports.error.invalidCode", "dept", row.get("dept"));
                ok = false;
            }
            if (row.get("raison_sociale").isEmpty()) {
                problems.error(line, "imports.error.required", "raison_sociale");
                ok = false;
            }
            for (String column : List.of("nb_membres", "total_pop_tot", "total_pop_mun")) {
                if (!row.get(column).matches("\\d{1,9}")) {
                    problems.error(line, "imports.error.invalidValue", column, row.get(column));
                    ok = false;
                }
            }
            if (!ok) {
                return;
            }
            if (millesime == null) {
                millesime = Codes.year(row.headerOf("ptot_*")).orElse(null);
            }
            departements.add(row.get("dept"));
            Epci epci = bySiren.computeIfAbsent(siren, k -> describe(row));
            epci.members.putIfAbsent(row.get("insee"), line);
        }

        private Epci describe(Row row) {
            Epci epci = new Epci();
            epci.values.put(ReferentielProperties.CODE, row.get("siren"));
            epci.values.put(ReferentielProperties.SIREN, row.get("siren"));
            epci.values.put(ReferentielProperties.NOM, row.get("raison_sociale"));
            epci.values.put(ReferentielProperties.NATURE_JURIDIQUE, row.get("nature_juridique"));
            epci.values.put(ReferentielProperties.MODE_FINANCEMENT, row.orNull("mode_financ"));
            epci.values.put(ReferentielProperties.DEPARTEMENT_SIEGE, row.get("dept"));
            epci.values.put(ReferentielProperties.NOMBRE_MEMBRES, Long.parseLong(row.get("nb_membres")));
            epci.values.put(ReferentielProperties.POPULATION, Long.parseLong(row.get("total_pop_mun")));
            epci.values.put(ReferentielProperties.POPULATION_TOTALE, Long.parseLong(row.get("total_pop_tot")));
            return epci;
        }

        /**
         * Writes every EPCI of the file with its members (a former code resolved to today's commune).
         * A complete file (every département of the référentiel's EPCI, at least half of them) is the
         * whole list: EPCI absent from it are removed, and communes in none lose their {@code epci}; a
         * partial file only adds and updates.
         */
        @Override
        public void complete(ImportContext context) throws RepositoryException {
            ContentTypeDefinition epciType = context.type("epci");
            ContentTypeDefinition communeType = context.type("commune");
            CommuneIndex communes = CommuneIndex.load(context.session(), communeType);
            CurrentCommunes current = CurrentCommunes.load(context.session(), communeType,
                    context.type(FormerCommunes.TYPE));
            boolean complete = isComplete(context, epciType);
            Map<String, String> epciOfCommune = new HashMap<>();
            int formerMembers = 0;
            for (Map.Entry<String, Epci> entry : bySiren.entrySet()) {
                Epci epci = entry.getValue();
                Set<String> members = new LinkedHashSet<>();
                for (Map.Entry<String, Long> member : epci.members.entrySet()) {
                    CurrentCommunes.Resolution resolution = current.resolve(member.getKey());
                    if (resolution.kind() == CurrentCommunes.Kind.UNKNOWN || !communes.communes.containsKey(resolution.code())) {
                        context.reject(member.getValue(), "imports.reject.unknownCommune", member.getKey());
                    } else {
                        formerMembers += resolution.kind() == CurrentCommunes.Kind.FORMER ? 1 : 0;
                        members.add(resolution.code());
                        epciOfCommune.put(resolution.code(), entry.getKey());
                    }
                }
                Map<String, Object> values = new LinkedHashMap<>(epci.values);
                values.put(ReferentielProperties.MEMBRES, List.copyOf(members));
                if (millesime != null) {
                    values.put(ReferentielProperties.MILLESIME, millesime);
                }
                context.upsert(CollectivitePaths.item(epciType, entry.getKey()), epciType, values);
            }
            if (formerMembers > 0) {
                context.note("imports.epci.formerCodes", formerMembers);
            }
            if (complete) {
                removeAbsent(context, epciType);
            }
            for (String code : communes.communes.keySet()) {
                String epci = epciOfCommune.get(code);
                if (epci != null || complete) {
                    Map<String, Object> values = new HashMap<>();
                    values.put(ReferentielProperties.EPCI, epci);
                    context.update(communes.node(context.session(), code), communeType, values);
                }
            }
        }

        private boolean isComplete(ImportContext context, ContentTypeDefinition epciType) throws RepositoryException {
            String root = CollectivitePaths.root(epciType);
            if (!context.session().nodeExists(root)) {
                return !context.partialOnly();
            }
            Set<String> liveDepartements = new TreeSet<>();
            long live = 0;
            long listed = 0;
            for (NodeIterator it = context.session().getNode(root).getNodes(); it.hasNext(); ) {
                Node node = it.nextNode();
                live++;
                listed += bySiren.containsKey(node.getName()) ? 1 : 0;
                if (node.hasProperty(ReferentielProperties.DEPARTEMENT_SIEGE)) {
                    liveDepartements.add(node.getProperty(ReferentielProperties.DEPARTEMENT_SIEGE).getString());
                }
            }
            if (listed == live) {
                return !context.partialOnly();
            }
            if (context.partialOnly()) {
                context.note("imports.epci.partialOption");
                return false;
            }
            Set<String> covered = new TreeSet<>(liveDepartements);
            covered.retainAll(departements);
            if (covered.size() < liveDepartements.size() || listed * 100 < live * CommuneImporter.COMPLETE_MIN_SHARE_PERCENT) {
                context.note("imports.epci.partial", covered.size(), liveDepartements.size(), listed, live);
                return false;
            }
            context.note("imports.epci.complete", live - listed);
            return true;
        }

        private void removeAbsent(ImportContext context, ContentTypeDefinition epciType) throws RepositoryException {
            String root = CollectivitePaths.root(epciType);
            if (!context.session().nodeExists(root)) {
                return;
            }
            List<Node> absent = new ArrayList<>();
            for (NodeIterator it = context.session().getNode(root).getNodes(); it.hasNext(); ) {
                Node node = it.nextNode();
                if (!bySiren.containsKey(node.getName())) {
                    absent.add(node);
                }
            }
            for (Node node : absent) {
                context.remove(node);
            }
        }
    }
}
