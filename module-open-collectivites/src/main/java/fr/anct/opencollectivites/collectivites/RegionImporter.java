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

/** COG régions (v_region_AAAA.csv): REG,CHEFLIEU,TNCC,NCC,NCCENR,LIBELLE. */
public final class RegionImporter implements Importer {
    private static final TableLayout LAYOUT = TableLayout.csv(',',
            List.of("REG", "CHEFLIEU", "TNCC", "NCC", "NCCENR", "LIBELLE"), "REG", "CHEFLIEU", "NCCENR");

    @Override
    public String name() {
        return "cog-regions";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public TableLayout layout() {
        return LAYOUT;
    }

    @Override
    public ImportJob newJob(Path file) {
        return new UniqueCodes("REG") {
            @Override
            public void validate(Row row, FileProblems problems) {
                checkCode(row, problems, Codes.REGION);
                checkOptional(row, problems, "CHEFLIEU", Codes.COMMUNE);
                CogNames.validate(row, problems);
            }

            @Override
            public void write(Row row, ImportContext context) throws RepositoryException {
                ContentTypeDefinition type = context.type("region");
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("code", row.get("REG"));
                CogNames.put(row, values);
                values.put("chefLieu", row.orNull("CHEFLIEU"));
                Codes.year(file.getFileName().toString()).ifPresent(year -> values.put("millesimeCog", year));
                context.upsert(CollectivitePaths.item(type, row.get("REG")), type, values);
            }
        };
    }
}
