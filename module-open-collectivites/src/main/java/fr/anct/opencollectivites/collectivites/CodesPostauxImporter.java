package fr.anct.opencollectivites.collectivites;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.jcr.Node;
import javax.jcr.RepositoryException;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ReferentielProperties;
import fr.anct.opencollectivites.imports.FileProblems;
import fr.anct.opencollectivites.imports.ImportContext;
import fr.anct.opencollectivites.imports.ImportJob;
import fr.anct.opencollectivites.imports.Importer;
import fr.anct.opencollectivites.imports.Row;
import fr.anct.opencollectivites.imports.TableLayout;

/**
 * The postal codes of the communes: La Poste's <i>base officielle des codes postaux</i> (its {@code ;} CSV,
 * one row per commune, postal code and locality; UTF-8, or Windows-1252 in older editions) and the Base Adresse Nationale's compilation of it (JSON
 * records {@code codePostal, codeCommune, …}). Each commune the file names gets the sorted set of its codes
 * ({@code codesPostaux}), replacing the previous set; communes it does not name keep theirs. A row naming the
 * former code of a merged commune gives its postal code to today's commune; codes the référentiel does not
 * know (Monaco, a commune not imported yet) are counted in a note.
 */
public final class CodesPostauxImporter implements Importer {
    private static final Pattern CODE_POSTAL = Pattern.compile("\\d{5}");

    private final String name;
    private final int order;
    private final TableLayout layout;
    private final String communeColumn;
    private final String codePostalColumn;

    private CodesPostauxImporter(String name, int order, TableLayout layout, String communeColumn,
                                 String codePostalColumn) {
        this.name = name;
        this.order = order;
        this.layout = layout;
        this.communeColumn = communeColumn;
        this.codePostalColumn = codePostalColumn;
    }

    /** La Poste's CSV, whose header starts with {@code #Code_commune_INSEE}. */
    public static CodesPostauxImporter laPoste() {
        List<String> columns = List.of("#Code_commune_INSEE", "Nom_de_la_commune", "Code_postal");
        return new CodesPostauxImporter("laposte-codes-postaux", 90,
                TableLayout.csv(';', columns, "#Code_commune_INSEE", "Nom_de_la_commune", "Code_postal").orWindows1252(),
                "#Code_commune_INSEE", "Code_postal");
    }

    /** The Base Adresse Nationale's JSON (npm {@code codes-postaux}). */
    public static CodesPostauxImporter baseAdresseNationale() {
        List<String> columns = List.of("codePostal", "codeCommune", "nomCommune");
        return new CodesPostauxImporter("ban-codes-postaux", 91,
                TableLayout.json(columns, "codePostal", "codeCommune", "libelleAcheminement"),
                "codeCommune", "codePostal");
    }

    public static List<Importer> all() {
        return List.of(laPoste(), baseAdresseNationale());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public TableLayout layout() {
        return layout;
    }

    @Override
    public ImportJob newJob(Path file) {
        return new Job();
    }

    private final class Job implements ImportJob {
        private final Map<String, Set<String>> byCommune = new TreeMap<>();

        @Override
        public void validate(Row row, FileProblems problems) {
            String commune = row.get(communeColumn);
            if (!Codes.valid(Codes.COMMUNE, commune)) {
                problems.error(row.line(), "imports.error.invalidCode", communeColumn, commune);
            }
            String codePostal = row.get(codePostalColumn);
            if (codePostal == null || !CODE_POSTAL.matcher(codePostal).matches()) {
                problems.error(row.line(), "imports.error.invalidValue", codePostalColumn, codePostal);
            }
        }

        @Override
        public void write(Row row, ImportContext context) {
            byCommune.computeIfAbsent(row.get(communeColumn), k -> new TreeSet<>()).add(row.get(codePostalColumn));
        }

        @Override
        public void complete(ImportContext context) throws RepositoryException {
            CurrentCommunes communes = CurrentCommunes.load(context.session(), context.type("commune"),
                    context.type(FormerCommunes.TYPE));
            CurrentCommunes.Tally tally = new CurrentCommunes.Tally();
            Map<String, Set<String>> current = new TreeMap<>();
            byCommune.forEach((code, codes) ->
                    current.computeIfAbsent(tally.resolve(communes, code), k -> new TreeSet<>()).addAll(codes));
            ContentTypeDefinition type = context.type("commune");
            for (Map.Entry<String, Set<String>> entry : current.entrySet()) {
                String path = CollectivitePaths.commune(type, "COM", entry.getKey()); // ARM share the COM path
                if (context.session().nodeExists(path)) {
                    Node node = context.session().getNode(path);
                    context.update(node, type, Map.of(ReferentielProperties.CODES_POSTAUX, List.copyOf(entry.getValue())));
                }
            }
            if (tally.former() > 0) {
                context.note("imports.formerCodes.kept", tally.former());
            }
            if (!tally.unknown().isEmpty()) {
                context.note("imports.codesPostaux.unknown", tally.unknown().size(), tally.unknownSample());
            }
        }
    }
}
