package fr.anct.opencollectivites.collectivites;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.jcr.RepositoryException;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.imports.FileProblems;
import fr.anct.opencollectivites.imports.ImportContext;
import fr.anct.opencollectivites.imports.ImportJob;
import fr.anct.opencollectivites.imports.Importer;
import fr.anct.opencollectivites.imports.Row;
import fr.anct.opencollectivites.imports.TableLayout;

/** COG départements (v_departement_AAAA.csv): DEP,REG,CHEFLIEU,TNCC,NCC,NCCENR,LIBELLE. */
public final class DepartementImporter implements Importer {
    private static final TableLayout LAYOUT = TableLayout.csv(',',
            List.of("DEP", "REG", "CHEFLIEU", "TNCC", "NCC", "NCCENR", "LIBELLE"), "DEP", "REG", "CHEFLIEU", "NCCENR");

    @Override
    public String name() {
        return "cog-departements";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public TableLayout layout() {
        return LAYOUT;
    }

    @Override
    public ImportJob newJob(Path file) {
        return new UniqueCodes("DEP") {
            @Override
            public void validate(Row row, FileProblems problems) {
                checkCode(row, problems, Codes.DEPARTEMENT);
                checkRequired(row, problems, "REG", Codes.REGION);
                checkOptional(row, problems, "CHEFLIEU", Codes.COMMUNE);
                CogNames.validate(row, problems);
            }

            @Override
            public void write(Row row, ImportContext context) throws RepositoryException {
                ContentTypeDefinition type = context.type("departement");
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("code", row.get("DEP"));
                CogNames.put(row, values);
                values.put("region", row.get("REG"));
                values.put("chefLieu", row.orNull("CHEFLIEU"));
                Codes.year(file.getFileName().toString()).ifPresent(year -> values.put("millesimeCog", year));
                context.upsert(CollectivitePaths.item(type, row.get("DEP")), type, values);
            }
        };
    }
}
