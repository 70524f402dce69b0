package fr.anct.opencollectivites.site;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import fr.anct.opencollectivites.fiches.FinancesSection;

/**
 * Bar charts of a fiche's finances (one per agrégat, amounts by exercice), drawn as inline SVG by the
 * template from these heights. The chart is decorative for assistive technologies: the same figures
 * follow in a table.
 */
public record FinanceCharts(List<Chart> charts) {
    static final int HEIGHT = 120;

    public record Bar(int exercice, BigDecimal montant, BigDecimal euroParHabitant, int height, int y) {
    }

    public record Chart(String agregat, List<Bar> bars) {
    }

    static FinanceCharts of(FinancesSection finances) {
        List<Chart> charts = new ArrayList<>();
        if (finances == null || finances.agregats() == null) {
            return new FinanceCharts(charts);
        }
        for (FinancesSection.Agregat agregat : finances.agregats()) {
            BigDecimal max = agregat.valeurs().stream().map(FinancesSection.Valeur::montant)
                    .filter(java.util.Objects::nonNull).map(BigDecimal::abs).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
            List<Bar> bars = new ArrayList<>();
            for (FinancesSection.Valeur valeur : agregat.valeurs()) {
                int height = BarLength.of(valeur.montant(), max, HEIGHT);
                bars.add(new Bar(valeur.exercice(), valeur.montant(), valeur.euroParHabitant(), height, HEIGHT - height));
            }
            charts.add(new Chart(agregat.agregat(), bars));
        }
        return new FinanceCharts(charts);
    }
}
