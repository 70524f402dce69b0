package fr.anct.opencollectivites.finances;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What an OFGL file should give, read the simplest possible way (split on ';', no quoting, as the
 * OFGL exports are), independently of the importer: per collectivité, per "exercice|agrégat", the
 * number of lines, the summed montant and population, and the file's own € per inhabitant.
 */
final class OfglExpectations {

    record Expected(int lines, BigDecimal montant, Long population, String euroParHabitant) {
    }

    private OfglExpectations() {
    }

    /** @param codeHeader a regex for the code column, e.g. {@code Code Insee \d{4} Commune} */
    static Map<String, Map<String, Expected>> read(Path file, String codeHeader) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(";", -1));
        Pattern codePattern = Pattern.compile(codeHeader);
        int code = -1;
        for (int i = 0; i < header.size(); i++) {
            if (codePattern.matcher(header.get(i)).matches()) {
                code = i;
            }
        }
        int exercice = header.indexOf("Exercice");
        int agregat = header.indexOf("Agrégat");
        int montant = header.indexOf("Montant");
        int population = header.indexOf("Population totale");
        int perInhabitant = header.indexOf("Montant en € par habitant");
        Map<String, Map<String, Expected>> expected = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(";", -1);
            String key = cells[exercice] + "|" + cells[agregat];
            Long pop = cells[population].isEmpty() ? null : Long.valueOf(cells[population]);
            expected.computeIfAbsent(cells[code], c -> new TreeMap<>()).merge(key,
                    new Expected(1, new BigDecimal(cells[montant]), pop, cells[perInhabitant]),
                    (a, b) -> new Expected(a.lines() + 1, a.montant().add(b.montant()),
                            a.population() == null || b.population() == null ? null : a.population() + b.population(),
                            null));
        }
        return expected;
    }

    /** The series as "exercice|agrégat" → value, to compare with {@link #read}. */
    static Map<String, FinanceValue> byKey(FinanceSeries series) {
        Map<String, FinanceValue> values = new TreeMap<>();
        series.values().forEach(v -> values.put(v.exercice() + "|" + v.agregat(), v));
        return values;
    }
}
