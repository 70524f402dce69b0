package fr.anct.opencollectivites.collectivites;

import static fr.anct.opencollectivites.content.ReferentielProperties.CODE;
import static fr.anct.opencollectivites.content.ReferentielProperties.COMMUNE_PARENTE;
import static fr.anct.opencollectivites.content.ReferentielProperties.DEPARTEMENT;
import static fr.anct.opencollectivites.content.ReferentielProperties.MILLESIME_POPULATION;
import static fr.anct.opencollectivites.content.ReferentielProperties.POPULATION;
import static fr.anct.opencollectivites.content.ReferentielProperties.POPULATION_COMPTEE_A_PART;
import static fr.anct.opencollectivites.content.ReferentielProperties.POPULATION_TOTALE;
import static fr.anct.opencollectivites.content.ReferentielProperties.REGION;
import static fr.anct.opencollectivites.content.ReferentielProperties.TYPECOM;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.apache.jackrabbit.commons.JcrUtils;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.imports.FileProblems;
import fr.anct.opencollectivites.imports.ImportContext;
import fr.anct.opencollectivites.imports.ImportJob;
import fr.anct.opencollectivites.imports.Importer;
import fr.anct.opencollectivites.imports.Row;
import fr.anct.opencollectivites.imports.TableLayout;
import fr.anct.opencollectivites.imports.Vintage;

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
        Optional<Long> named = Codes.year(file.getFileName().toString());
        return new Job(named.orElse(defaultMillesime), named.isPresent());
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
        private final boolean named;
        private final Map<String, Long> seen = new HashMap<>();
        private final java.util.Set<String> parentsOfListedArrondissements = new java.util.TreeSet<>();
        /** Populations of the rows naming a live commune, and of those naming a former code, by today's code. */
        private final Map<String, Sums> listed = new HashMap<>();
        private final Map<String, Sums> ofFormerCodes = new TreeMap<>();
        private int formerRows;
        private CurrentCommunes communes;

        Job(long millesime, boolean named) {
            this.millesime = millesime;
            this.named = named;
        }

        /** The file says no year inside: its name (PL2023) is the only clue. */
        @Override
        public Optional<Vintage> vintage(Session session) {
            return named ? Optional.of(Vintage.name(millesime)) : Optional.empty();
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
            String code = row.get("COM");
            String path = CollectivitePaths.commune(type, "COM", code);
            long pmun = Long.parseLong(row.get("PMUN"));
            long pcap = Long.parseLong(row.get("PCAP"));
            long ptot = Long.parseLong(row.get("PTOT"));
            if (!context.session().nodeExists(path)) {
                if (communes == null) {
                    communes = CurrentCommunes.load(context.session(), context.type("commune"),
                            context.type(FormerCommunes.TYPE));
                }
                Optional<String> current = communes.current(code);
                if (current.isEmpty()) {
                    context.reject(row.line(), "imports.reject.unknownCommune", code);
                } else {
                    // a commune merged since the file was made: its population goes to today's commune
                    ofFormerCodes.computeIfAbsent(current.get(), k -> new Sums()).add(pmun, pcap, ptot);
                    formerRows++;
                }
                return;
            }
            listed.computeIfAbsent(code, k -> new Sums()).add(pmun, pcap, ptot);
            Node node = context.session().getNode(path);
            context.update(node, type, populations(pmun, pcap, ptot));
            if (node.hasProperty(TYPECOM) && "ARM".equals(node.getProperty(TYPECOM).getString())
                    && node.hasProperty(COMMUNE_PARENTE)) {
                parentsOfListedArrondissements.add(node.getProperty(COMMUNE_PARENTE).getString());
            }
        }

        private Map<String, Object> populations(long pmun, long pcap, long ptot) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put(POPULATION, pmun);
            values.put(POPULATION_COMPTEE_A_PART, pcap);
            values.put(POPULATION_TOTALE, ptot);
            values.put(MILLESIME_POPULATION, millesime);
            return values;
        }

        @Override
        public void complete(ImportContext context) throws RepositoryException {
            ContentTypeDefinition communeType = context.type("commune");
            for (Map.Entry<String, Sums> entry : ofFormerCodes.entrySet()) {
                Sums sums = new Sums();
                Sums own = listed.get(entry.getKey());
                if (own != null) {
                    sums.add(own.municipale, own.compteeAPart, own.totale);
                }
                sums.add(entry.getValue().municipale, entry.getValue().compteeAPart, entry.getValue().totale);
                Node node = context.session().getNode(CollectivitePaths.commune(communeType, "COM", entry.getKey()));
                context.update(node, communeType, populations(sums.municipale, sums.compteeAPart, sums.totale));
            }
            if (formerRows > 0) {
                context.note("imports.populations.formerCodes", formerRows, ofFormerCodes.size());
            }
            for (String parent : parentsOfListedArrondissements) {
                String path = CollectivitePaths.commune(communeType, "COM", parent);
                if (!seen.containsKey(parent) && context.session().nodeExists(path)) {
                    Node commune = context.session().getNode(path);
                    Sums sums = arrondissementSums(commune);
                    context.update(commune, communeType, populations(sums.municipale, sums.compteeAPart, sums.totale));
                }
            }
            writeParentSums(context, communeType);
        }

        /**
         * Paris, Lyon and Marseille are absent from the file: their population is the sum of their
         * arrondissements municipaux as the repository holds them now (all of them, not only the
         * ones this file lists). Their ARM share the commune's bucket.
         */
        private static Sums arrondissementSums(Node commune) throws RepositoryException {
            Sums sums = new Sums();
            String code = commune.getProperty(CODE).getString();
            for (Node sibling : JcrUtils.getChildNodes(commune.getParent())) {
                if (sibling.hasProperty(COMMUNE_PARENTE) && code.equals(sibling.getProperty(COMMUNE_PARENTE).getString())
                        && "ARM".equals(sibling.getProperty(TYPECOM).getString()) && sibling.hasProperty(POPULATION)) {
                    sums.add(sibling.getProperty(POPULATION).getLong(), longOrZero(sibling, POPULATION_COMPTEE_A_PART),
                            longOrZero(sibling, POPULATION_TOTALE));
                }
            }
            return sums;
        }

        private static long longOrZero(Node node, String property) throws RepositoryException {
            return node.hasProperty(property) ? node.getProperty(property).getLong() : 0;
        }

        /**
         * Département and région populations are sums over the communes as the repository holds them
         * after this file (not over the file's rows): a partial file, such as a slice, then leaves the
         * totals of the communes it does not list as they were. Walks the unsaved tree: queries would
         * not see this file's changes.
         */
        private static void writeParentSums(ImportContext context, ContentTypeDefinition communeType)
                throws RepositoryException {
            Map<String, Long> byDepartement = new TreeMap<>();
            Map<String, Long> byRegion = new TreeMap<>();
            String root = CollectivitePaths.root(communeType);
            if (!context.session().nodeExists(root)) {
                return;
            }
            for (Node bucket : JcrUtils.getChildNodes(context.session().getNode(root))) {
                for (Node commune : JcrUtils.getChildNodes(bucket)) {
                    if (!commune.hasProperty(POPULATION) || !commune.hasProperty(TYPECOM)
                            || !"COM".equals(commune.getProperty(TYPECOM).getString())) {
                        continue;
                    }
                    long population = commune.getProperty(POPULATION).getLong();
                    if (commune.hasProperty(DEPARTEMENT)) {
                        byDepartement.merge(commune.getProperty(DEPARTEMENT).getString(), population, Long::sum);
                    }
                    if (commune.hasProperty(REGION)) {
                        byRegion.merge(commune.getProperty(REGION).getString(), population, Long::sum);
                    }
                }
            }
            writeSums(context, context.type("departement"), byDepartement);
            writeSums(context, context.type("region"), byRegion);
        }

        private static void writeSums(ImportContext context, ContentTypeDefinition type, Map<String, Long> sums)
                throws RepositoryException {
            for (Map.Entry<String, Long> entry : sums.entrySet()) {
                String path = CollectivitePaths.item(type, entry.getKey());
                if (context.session().nodeExists(path)) {
                    context.update(context.session().getNode(path), type, Map.of(POPULATION, entry.getValue()));
                }
            }
        }
    }
}
