package fr.anct.opencollectivites.collectivites;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
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
 * DGCL "Liste et composition des EPCI à fiscalité propre" (epcicom XLSX, one row per member commune;
 * the sheet, "Epcicom2025", and the population columns, "ptot_2025", are renamed every year). The file
 * is the whole list: EPCI absent from it are removed, and communes in none lose their {@code epci}.
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
        private Long millesime;

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
            Epci epci = bySiren.computeIfAbsent(siren, k -> describe(row));
            epci.members.putIfAbsent(row.get("insee"), line);
        }

        private Epci describe(Row row) {
            Epci epci = new Epci();
            epci.values.put("code", row.get("siren"));
            epci.values.put("siren", row.get("siren"));
            epci.values.put("nom", row.get("raison_sociale"));
            epci.values.put("natureJuridique", row.get("nature_juridique"));
            epci.values.put("modeFinancement", row.orNull("mode_financ"));
            epci.values.put("departementSiege", row.get("dept"));
            epci.values.put("nombreMembres", Long.parseLong(row.get("nb_membres")));
            epci.values.put("population", Long.parseLong(row.get("total_pop_mun")));
            epci.values.put("populationTotale", Long.parseLong(row.get("total_pop_tot")));
            return epci;
        }

        @Override
        public void complete(ImportContext context) throws RepositoryException {
            ContentTypeDefinition epciType = context.type("epci");
            ContentTypeDefinition communeType = context.type("commune");
            CommuneIndex communes = CommuneIndex.load(context.session(), communeType);
            Map<String, String> epciOfCommune = new HashMap<>();
            for (Map.Entry<String, Epci> entry : bySiren.entrySet()) {
                Epci epci = entry.getValue();
                Set<String> members = new LinkedHashSet<>();
                for (Map.Entry<String, Long> member : epci.members.entrySet()) {
                    String current = communes.current(member.getKey());
                    if (current == null) {
                        context.reject(member.getValue(), "imports.reject.unknownCommune", member.getKey());
                    } else {
                        members.add(current);
                        epciOfCommune.put(current, entry.getKey());
                    }
                }
                Map<String, Object> values = new LinkedHashMap<>(epci.values);
                values.put("membres", List.copyOf(members));
                if (millesime != null) {
                    values.put("millesime", millesime);
                }
                context.upsert(CollectivitePaths.item(epciType, entry.getKey()), epciType, values);
            }
            removeAbsent(context, epciType);
            for (String code : communes.communes.keySet()) {
                Map<String, Object> values = new HashMap<>();
                values.put("epci", epciOfCommune.get(code));
                context.update(communes.node(context.session(), code), communeType, values);
            }
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
