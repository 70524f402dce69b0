package fr.anct.opencollectivites.finances;

import java.nio.file.Path;
import java.util.List;

import fr.anct.opencollectivites.imports.ImportJob;
import fr.anct.opencollectivites.imports.Importer;
import fr.anct.opencollectivites.imports.TableLayout;

/**
 * The OFGL consolidated bases (data.ofgl.fr, export "avec libellés": ';', UTF-8 with BOM), one
 * importer per level. Their headers carry the year of the geography (e.g. {@code Code Insee 2024
 * Commune}): columns are matched by pattern ({@code Code Insee * Commune}) so next year's file reads
 * the same. Every base holds the columns of the levels above its own (a commune's file names its
 * EPCI, département and région), so the recognition order is commune, EPCI, département, région: the
 * first importer whose signature a header has wins. Signatures are ASCII so that a file in the wrong
 * encoding is still recognised, then refused with its line.
 */
public final class OfglImporter implements Importer {
    static final String EXERCICE = "Exercice";
    static final String BUDGET = "Code Siren Collectivité";
    static final String CATEGORIE = "Catégorie";
    static final String AGREGAT = "Agrégat";
    static final String MONTANT = "Montant";
    static final String EURO_PAR_HABITANT = "Montant en € par habitant";
    static final String POPULATION = "Population totale";

    private final FinanceLevel level;
    private final String codeColumn;
    private final String nomColumn;
    private final TableLayout layout;
    private final int order;
    private final int runSize;
    private final int valuesPerSave;

    private OfglImporter(FinanceLevel level, String codeColumn, String nomColumn, String codeSignature, int order) {
        this(level, codeColumn, nomColumn, TableLayout.csv(';',
                List.of(EXERCICE, codeColumn, nomColumn, CATEGORIE, BUDGET, AGREGAT, MONTANT, EURO_PAR_HABITANT, POPULATION),
                EXERCICE, codeSignature, "Agr*gat", MONTANT), order, OfglJob.RUN_SIZE, OfglJob.VALUES_PER_SAVE);
    }

    private OfglImporter(FinanceLevel level, String codeColumn, String nomColumn, TableLayout layout, int order,
                         int runSize, int valuesPerSave) {
        this.level = level;
        this.codeColumn = codeColumn;
        this.nomColumn = nomColumn;
        this.layout = layout;
        this.order = order;
        this.runSize = runSize;
        this.valuesPerSave = valuesPerSave;
    }

    /** The same importer sorting in runs of {@code runSize} lines and saving every {@code valuesPerSave} values. */
    OfglImporter withBatches(int newRunSize, int newValuesPerSave) {
        return new OfglImporter(level, codeColumn, nomColumn, layout, order, newRunSize, newValuesPerSave);
    }

    public static OfglImporter communes() {
        return new OfglImporter(FinanceLevel.COMMUNE, "Code Insee * Commune", "Nom * Commune", "Code Insee * Commune", 100);
    }

    public static OfglImporter epci() {
        return new OfglImporter(FinanceLevel.EPCI, "Code Siren * EPCI", "Nom * EPCI", "Code Siren * EPCI", 101);
    }

    public static OfglImporter departements() {
        return new OfglImporter(FinanceLevel.DEPARTEMENT, "Code Insee * Département", "Nom * Département",
                "Code Insee * D*partement", 102);
    }

    public static OfglImporter regions() {
        return new OfglImporter(FinanceLevel.REGION, "Code Insee * Région", "Nom * Région", "Code Insee * R*gion", 103);
    }

    /** The four importers, in recognition order. */
    public static List<Importer> all() {
        return List.of(communes(), epci(), departements(), regions());
    }

    public FinanceLevel level() {
        return level;
    }

    @Override
    public String name() {
        return "ofgl-" + level.folder();
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
        return new OfglJob(level, codeColumn, nomColumn, runSize, valuesPerSave);
    }
}
