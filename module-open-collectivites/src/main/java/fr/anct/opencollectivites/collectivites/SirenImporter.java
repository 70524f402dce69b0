package fr.anct.opencollectivites.collectivites;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.jcr.Node;
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
 * BANATIC SIREN↔INSEE table (XLSX, sheet "insee_siren"): sets {@code siren} on current communes (COM).
 * A code that is no longer a COM is rejected: a merged commune's SIREN is not the new commune's.
 */
public final class SirenImporter implements Importer {
    private static final TableLayout LAYOUT = TableLayout.xlsx(List.of("siren", "insee"), "Reg_com", "siren", "insee");

    @Override
    public String name() {
        return "banatic-siren";
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    public TableLayout layout() {
        return LAYOUT;
    }

    @Override
    public ImportJob newJob(Path file) {
        return new Job();
    }

    private record Pair(long line, String insee, String siren) {
    }

    private static final class Job implements SinglePassJob {
        private final List<Pair> pairs = new ArrayList<>();

        @Override
        public void validate(Row row, FileProblems problems) {
            boolean ok = true;
            if (!Codes.valid(Codes.SIREN, row.get("siren"))) {
                problems.error(row.line(), "imports.error.invalidCode", "siren", row.get("siren"));
                ok = false;
            }
            if (!Codes.valid(Codes.COMMUNE, row.get("insee"))) {
                problems.error(row.line(), "imports.error.invalidCode", "insee", row.get("insee"));
                ok = false;
            }
            if (ok) {
                pairs.add(new Pair(row.line(), row.get("insee"), row.get("siren")));
            }
        }

        @Override
        public void complete(ImportContext context) throws RepositoryException {
            ContentTypeDefinition type = context.type("commune");
            CommuneIndex index = CommuneIndex.load(context.session(), type);
            for (Pair pair : pairs) {
                Node node = index.node(context.session(), pair.insee());
                if (node == null) {
                    context.reject(pair.line(), "imports.reject.unknownCommune", pair.insee());
                } else {
                    context.update(node, type, Map.of("siren", pair.siren()));
                }
            }
        }
    }
}
