package fr.anct.opencollectivites.collectivites;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
 * A COG table of one level above the commune: régions ({@code v_region_AAAA.csv}), départements
 * ({@code v_departement_AAAA.csv}) and arrondissements ({@code v_arrondissement_AAAA.csv}). One row
 * per item keyed by its code, naming its parents, its chef-lieu and its names (TNCC, NCC, NCCENR, LIBELLE).
 */
public final class CogLevelImporter implements Importer {

    /** A parent column of the table and the reference property it fills. */
    private record Parent(String column, String property, Pattern code) {
    }

    private final String name;
    private final int order;
    private final String contentType;
    private final String keyColumn;
    private final Pattern keyCode;
    private final List<Parent> parents;
    private final TableLayout layout;

    private CogLevelImporter(String name, int order, String contentType, String keyColumn, Pattern keyCode,
                             List<Parent> parents, List<String> signature) {
        this.name = name;
        this.order = order;
        this.contentType = contentType;
        this.keyColumn = keyColumn;
        this.keyCode = keyCode;
        this.parents = parents;
        List<String> columns = new java.util.ArrayList<>();
        columns.add(keyColumn);
        parents.forEach(parent -> columns.add(parent.column()));
        columns.addAll(List.of("CHEFLIEU", "TNCC", "NCC", "NCCENR", "LIBELLE"));
        this.layout = TableLayout.csv(',', columns, signature.toArray(String[]::new));
    }

    /** REG,CHEFLIEU,TNCC,NCC,NCCENR,LIBELLE */
    static CogLevelImporter regions() {
        return new CogLevelImporter("cog-regions", 10, "region", "REG", Codes.REGION, List.of(),
                List.of("REG", "CHEFLIEU", "NCCENR"));
    }

    /** DEP,REG,CHEFLIEU,TNCC,NCC,NCCENR,LIBELLE */
    static CogLevelImporter departements() {
        return new CogLevelImporter("cog-departements", 20, "departement", "DEP", Codes.DEPARTEMENT,
                List.of(new Parent("REG", ReferentielProperties.REGION, Codes.REGION)), List.of("DEP", "REG", "CHEFLIEU", "NCCENR"));
    }

    /** ARR,DEP,REG,CHEFLIEU,TNCC,NCC,NCCENR,LIBELLE */
    static CogLevelImporter arrondissements() {
        return new CogLevelImporter("cog-arrondissements", 30, "arrondissement", "ARR", Codes.ARRONDISSEMENT,
                List.of(new Parent("DEP", ReferentielProperties.DEPARTEMENT, Codes.DEPARTEMENT), new Parent("REG", ReferentielProperties.REGION, Codes.REGION)),
                List.of("ARR", "DEP", "CHEFLIEU"));
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
        return new UniqueCodes(keyColumn) {
            @Override
            public void validate(Row row, FileProblems problems) {
                checkCode(row, problems, keyCode);
                parents.forEach(parent -> checkRequired(row, problems, parent.column(), parent.code()));
                checkOptional(row, problems, "CHEFLIEU", Codes.COMMUNE);
                CogNames.validate(row, problems);
            }

            @Override
            public void write(Row row, ImportContext context) throws RepositoryException {
                ContentTypeDefinition type = context.type(contentType);
                Map<String, Object> values = new LinkedHashMap<>();
                values.put(ReferentielProperties.CODE, row.get(keyColumn));
                CogNames.put(row, values);
                parents.forEach(parent -> values.put(parent.property(), row.get(parent.column())));
                values.put(ReferentielProperties.CHEF_LIEU, row.orNull("CHEFLIEU"));
                Codes.year(file.getFileName().toString()).ifPresent(year -> values.put(ReferentielProperties.MILLESIME_COG, year));
                context.upsert(CollectivitePaths.item(type, row.get(keyColumn)), type, values);
            }
        };
    }
}
