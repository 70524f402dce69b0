package fr.anct.opencollectivites.collectivites;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.jcr.Node;
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
 * BANATIC SIREN↔INSEE table (XLSX, sheet "insee_siren"): sets {@code siren} on current communes (COM).
 * A code that is no longer a COM is rejected: a merged commune's SIREN is not the new commune's.
 */
public final class SirenImporter implements Importer {
    private static final TableLayout LAYOUT = TableLayout.xlsx(List.of("siren", "insee", "ptot_*"), "Reg_com", "siren", "insee");

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
        private Long millesime;

        /** The population columns name the year: ptot_2024. */
        @Override
        public Optional<Vintage> vintage(Session session) {
            return Optional.ofNullable(millesime).map(Vintage::content);
        }

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
            if (millesime == null) {
                millesime = Codes.year(row.headerOf("ptot_*")).orElse(null);
            }
        }

        @Override
        public void complete(ImportContext context) throws RepositoryException {
            ContentTypeDefinition type = context.type("commune");
            ContentTypeDefinition formerType = context.type(FormerCommunes.TYPE);
            CommuneIndex index = CommuneIndex.load(context.session(), type);
            CurrentCommunes communes = CurrentCommunes.load(context.session(), type, formerType);
            int formerRows = 0;
            for (Pair pair : pairs) {
                Node node = index.node(context.session(), pair.insee());
                if (node != null) {
                    context.update(node, type, Map.of(ReferentielProperties.SIREN, pair.siren()));
                } else if (communes.current(pair.insee()).isPresent()) {
                    // a commune merged since: its SIREN stays with it, on its former record when there is one
                    formerRows++;
                    String record = FormerCommunes.path(formerType, "COM", pair.insee());
                    if (context.session().nodeExists(record)) {
                        context.upsertFormerRecord(record, formerType, Map.of(ReferentielProperties.SIREN, pair.siren()));
                    }
                } else {
                    context.reject(pair.line(), "imports.reject.unknownCommune", pair.insee());
                }
            }
            if (formerRows > 0) {
                context.note("imports.siren.formerCodes", formerRows);
            }
        }
    }
}
