package fr.anct.opencollectivites.collectivites;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import fr.anct.opencollectivites.imports.FileProblems;
import fr.anct.opencollectivites.imports.ImportJob;
import fr.anct.opencollectivites.imports.Row;

/** A job over a table keyed by one code column: checks the codes' format and that none repeats. */
abstract class UniqueCodes implements ImportJob {
    private final String keyColumn;
    private final Map<String, Long> seen = new HashMap<>();

    UniqueCodes(String keyColumn) {
        this.keyColumn = keyColumn;
    }

    void checkCode(Row row, FileProblems problems, Pattern pattern) {
        String code = row.get(keyColumn);
        if (!Codes.valid(pattern, code)) {
            problems.error(row.line(), "imports.error.invalidCode", keyColumn, code);
            return;
        }
        Long previous = seen.putIfAbsent(code, row.line());
        if (previous != null) {
            problems.error(row.line(), "imports.error.duplicate", keyColumn + " " + code, previous);
        }
    }

    static void checkRequired(Row row, FileProblems problems, String column, Pattern pattern) {
        if (!Codes.valid(pattern, row.get(column))) {
            problems.error(row.line(), "imports.error.invalidCode", column, row.get(column));
        }
    }

    static void checkOptional(Row row, FileProblems problems, String column, Pattern pattern) {
        if (!row.get(column).isEmpty()) {
            checkRequired(row, problems, column, pattern);
        }
    }
}
