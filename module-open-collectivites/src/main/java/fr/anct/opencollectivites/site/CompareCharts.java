package fr.anct.opencollectivites.site;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.anct.opencollectivites.fiches.Comparison;

/**
 * Bar charts of a comparison, one per indicator that compares well across sizes: the population and,
 * for each finance agrégat, the € per habitant of its latest exercice. Drawn as inline SVG by the
 * template, decorative for assistive technologies: each chart is followed by a table of the same figures.
 */
public record CompareCharts(List<Chart> charts) {
    static final int WIDTH = 300;

    public record Bar(String nom, Number valeur, int width) {
    }

    public record Chart(String libelle, Integer annee, String unite, List<Bar> bars) {
    }

    static CompareCharts of(Comparison comparison) {
        Map<String, Comparison.Row> latest = new LinkedHashMap<>();
        for (Comparison.Row row : comparison.indicateurs()) {
            boolean perHabitant = row.id().endsWith(".euroParHabitant");
            if (!row.id().equals("population.municipale") && !perHabitant) {
                continue;
            }
            Comparison.Row kept = latest.get(row.id());
            if (kept == null || (row.annee() != null && kept.annee() != null && row.annee() > kept.annee())) {
                latest.put(row.id(), row);
            }
        }
        List<Chart> charts = new ArrayList<>();
        for (Comparison.Row row : latest.values()) {
            BigDecimal max = BigDecimal.ZERO;
            for (Number value : row.valeurs()) {
                if (value != null) {
                    max = max.max(new BigDecimal(value.toString()).abs());
                }
            }
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < row.valeurs().size(); i++) {
                Number value = row.valeurs().get(i);
                int width = value == null ? 0 : BarLength.of(new BigDecimal(value.toString()), max, WIDTH);
                bars.add(new Bar(comparison.collectivites().get(i).nom(), value, width));
            }
            charts.add(new Chart(row.libelle(), row.annee(), row.unite(), bars));
        }
        return new CompareCharts(charts);
    }
}
