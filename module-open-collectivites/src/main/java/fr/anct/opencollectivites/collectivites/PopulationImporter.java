package fr.anct.opencollectivites.collectivites;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.jcr.Node;
import javax.jcr.RepositoryException;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.imports.FileProblems;
import fr.anct.opencollectivites.imports.ImportContext;
import fr.anct.opencollectivites.imports.ImportJob;
import fr.anct.opencollectivites.imports.Importer;
import fr.anct.opencollectivites.imports.Row;
import fr.anct.opencollectivites.imports.TableLayout;

/**
 * INSEE populations légales (donnees_communes.csv, ';'): PMUN, PCAP, PTOT of each COM and ARM.
 * Paris, Lyon and Marseille are listed only through their arrondissements: their populations are the
 * sums of their ARMs (Paris: 2,103,778). Départements and régions get the sum of their communes' PMUN.
 * The file names no year in its columns: the millésime comes from the file name (PL2023), else the
 * default given to the importer.
 */
public final class PopulationImporter implements Importer {
    public static final long DEFAULT_MILLESIME = 2023;
    private static final TableLayout LAYOUT = TableLayout.csv(';',
            List.of("REG", "DEP", "COM", "PMUN", "PCAP", "PTOT"), "REG", "CODCOM", "PMUN");

    private final long defaultMillesime;

    public PopulationImporter() {
        this(DEFAULT_MILLESIME);
    }

    public PopulationImporter(long defaultMillesime) {
        this.defaultMillesime = defaultMillesime;
    }

    @Override
    public String name() {
        return "insee-populations";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public TableLayout layout() {
        return LAYOUT;
    }

    @Override
    public ImportJob newJob(Path file) {
        return new Job(Codes.year(file.getFileName().toString()).orElse(defaultMillesime));
    }

    /** PMUN, PCAP, PTOT */
    private static final class Sums {
        long municipale;
        long compteeAPart;
        long totale;

        void add(long pmun, long pcap, long ptot) {
            municipale += pmun;
            compteeAPart += pcap;
            totale += ptot;
        }
    }

    private static final class Job implements ImportJob {
        private final long millesime;
        private final Map<String, Long> seen = new HashMap<>();
        private final Map<String, Sums> byParent = new TreeMap<>();
        private final Map<String, Sums> byDepartement = new TreeMap<>();
        private final Map<String, Sums> byRegion = new TreeMap<>();

        Job(long millesime) {
            this.millesime = millesime;
        }

        @Override
        public void validate(Row row, FileProblems problems) {
            String code = row.get("COM");
            if (!Codes.valid(Codes.COMMUNE, code)) {
                problems.error(row.line(), "imports.error.invalidCode", "COM", code);
            } else {
                Long previous = seen.putIfAbsent(code, row.line());
                if (previous != null) {
                    problems.error(row.line(), "imports.error.duplicate", "COM " + code, previous);
                }
            }
            UniqueCodes.checkRequired(row, problems, "DEP", Codes.DEPARTEMENT);
            UniqueCodes.checkRequired(row, problems, "REG", Codes.REGION);
            for (String column : List.of("PMUN", "PCAP", "PTOT")) {
                if (!row.get(column).matches("\\d{1,9}")) {
                    problems.error(row.line(), "imports.error.invalidValue", column, row.get(column));
                }
            }
        }

        @Override
        public void write(Row row, ImportContext context) throws RepositoryException {
            ContentTypeDefinition type = context.type("commune");
            String path = CollectivitePaths.commune(type, "COM", row.get("COM"));
            if (!context.session().nodeExists(path)) {
                context.reject(row.line(), "imports.reject.unknownCommune", row.get("COM"));
                return;
            }
            long pmun = Long.parseLong(row.get("PMUN"));
            long pcap = Long.parseLong(row.get("PCAP"));
            long ptot = Long.parseLong(row.get("PTOT"));
            Node node = context.session().getNode(path);
            context.update(node, type, populations(pmun, pcap, ptot));
            if (node.hasProperty("typecom") && "ARM".equals(node.getProperty("typecom").getString())
                    && node.hasProperty("communeParente")) {
                byParent.computeIfAbsent(node.getProperty("communeParente").getString(), k -> new Sums())
                        .add(pmun, pcap, ptot);
            }
            byDepartement.computeIfAbsent(row.get("DEP"), k -> new Sums()).add(pmun, pcap, ptot);
            byRegion.computeIfAbsent(row.get("REG"), k -> new Sums()).add(pmun, pcap, ptot);
        }

        private Map<String, Object> populations(long pmun, long pcap, long ptot) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("population", pmun);
            values.put("populationCompteeAPart", pcap);
            values.put("populationTotale", ptot);
            values.put("millesimePopulation", millesime);
            return values;
        }

        @Override
        public void complete(ImportContext context) throws RepositoryException {
            ContentTypeDefinition communeType = context.type("commune");
            for (Map.Entry<String, Sums> parent : byParent.entrySet()) {
                if (seen.containsKey(parent.getKey())) {
                    continue;
                }
                String path = CollectivitePaths.commune(communeType, "COM", parent.getKey());
                if (context.session().nodeExists(path)) {
                    Sums sums = parent.getValue();
                    context.update(context.session().getNode(path), communeType,
                            populations(sums.municipale, sums.compteeAPart, sums.totale));
                }
            }
            writeSums(context, context.type("departement"), byDepartement);
            writeSums(context, context.type("region"), byRegion);
        }

        private static void writeSums(ImportContext context, ContentTypeDefinition type, Map<String, Sums> sums)
                throws RepositoryException {
            for (Map.Entry<String, Sums> entry : sums.entrySet()) {
                String path = CollectivitePaths.item(type, entry.getKey());
                if (context.session().nodeExists(path)) {
                    context.update(context.session().getNode(path), type,
                            Map.of("population", entry.getValue().municipale));
                }
            }
        }
    }
}
