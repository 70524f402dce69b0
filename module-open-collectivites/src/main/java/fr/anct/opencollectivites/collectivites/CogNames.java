package fr.anct.opencollectivites.collectivites;

import java.util.Map;

import fr.anct.opencollectivites.content.ReferentielProperties;
import fr.anct.opencollectivites.imports.FileProblems;
import fr.anct.opencollectivites.imports.Row;

/** The naming columns every COG table shares: TNCC, NCC, LIBELLE (NCCENR is LIBELLE without article). */
final class CogNames {
    private CogNames() {
    }

    static void validate(Row row, FileProblems problems) {
        if (row.get("LIBELLE").isEmpty()) {
            problems.error(row.line(), "imports.error.required", "LIBELLE");
        }
        if (!row.get("TNCC").matches("[0-8]")) {
            problems.error(row.line(), "imports.error.invalidValue", "TNCC", row.get("TNCC"));
        }
    }

    static void put(Row row, Map<String, Object> values) {
        values.put(ReferentielProperties.NOM, row.get("LIBELLE"));
        values.put(ReferentielProperties.NOM_MAJUSCULES, row.orNull("NCC"));
        values.put(ReferentielProperties.TYPE_NOM_ET_CHARNIERE, Long.parseLong(row.get("TNCC")));
    }
}
