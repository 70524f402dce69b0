package fr.anct.opencollectivites.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.fiches.Comparison;
import fr.anct.opencollectivites.fiches.Fiche;
import fr.anct.opencollectivites.fiches.FicheModel;
import fr.anct.opencollectivites.fiches.FicheType;
import fr.anct.opencollectivites.fiches.FinancesSection;

/**
 * The finance charts drawn in proportion to the amounts, as the stored series gives them back: Jackson strips
 * trailing zeros, so 1 800 000 € comes back as {@code 1.8E+6} (a negative scale).
 */
@Tag("unit")
class FinanceChartsTest {
    // Cazères' "Emprunts" shape: the largest amount ends in zeros, others are smaller and uneven.
    private static final List<String> EMPRUNTS = List.of("3E+5", "1.8E+6", "0", "950000", "1.2345678E+5");

    @Test
    void eachBarIsProportionalToItsAmountAndTheLargestIsTheTallest() {
        FinanceCharts.Chart chart = FinanceCharts.of(finances("Emprunts", EMPRUNTS)).charts().get(0);

        double max = EMPRUNTS.stream().mapToDouble(Double::parseDouble).max().orElseThrow();
        for (FinanceCharts.Bar bar : chart.bars()) {
            double expected = bar.montant().doubleValue() / max * FinanceCharts.HEIGHT;
            assertThat((double) bar.height()).as("bar %d", bar.exercice()).isCloseTo(expected,
                    org.assertj.core.data.Offset.offset(1.0));
            assertThat(bar.y() + bar.height()).isEqualTo(FinanceCharts.HEIGHT);
        }
        FinanceCharts.Bar tallest = chart.bars().stream().max((a, b) -> Integer.compare(a.height(), b.height())).orElseThrow();
        assertThat(tallest.montant()).isEqualByComparingTo("1800000");
        assertThat(tallest.height()).isEqualTo(FinanceCharts.HEIGHT);
        assertThat(chart.bars()).extracting(FinanceCharts.Bar::height).containsExactly(20, 120, 0, 63, 8);
    }

    @Test
    void comparisonBarsAreProportionalToo() {
        Comparison comparison = new Comparison(List.of(
                new Comparison.Compared("commune", "31135", "31135", "Cazères", null),
                new Comparison.Compared("commune", "42218", "42218", "Saint-Étienne", null)), List.of(
                new Comparison.Row("finances.emprunts.euroParHabitant", "Emprunts", "€/hab.", 2023,
                        List.of(new BigDecimal("3E+2"), new BigDecimal("1.8E+3")), List.of())));
        assertThat(CompareCharts.of(comparison).charts().get(0).bars()).extracting(CompareCharts.Bar::width)
                .containsExactly(50, CompareCharts.WIDTH);
    }

    @Test
    void negativeAmountsAreDrawnByTheirMagnitude() {
        FinanceCharts.Chart chart = FinanceCharts.of(finances("Résultat comptable", List.of("-4E+4", "8E+4")))
                .charts().get(0);
        assertThat(chart.bars()).extracting(FinanceCharts.Bar::height).containsExactly(60, 120);
    }

    @Test
    void theFicheDrawsTheLargestAmountAsTheFullHeightBar() {
        FinancesSection finances = finances("Emprunts", EMPRUNTS);
        Fiche fiche = new Fiche("commune", "31135", "31135", "Cazères",
                new FicheModel.Identite("31135", "COM", "Commune", null, null, null, null, List.of(), List.of(), List.of(), List.of(), null),
                null, null, finances, List.of(), null,
                new FicheModel.Liens("/.rest/open-collectivites/v1/fiches/commune/31135", null, "/communes/31135-cazeres",
                        "/.rest/open-collectivites/v1/fiches/commune/31135.csv",
                        "/.rest/open-collectivites/v1/fiches/commune/31135.json"));
        SiteRenderer renderer = new SiteRenderer(TestLightModule.dir(), TestLightModule.messages(),
                new WebResources(TestLightModule.dir()));

        Map<String, Object> model = new HashMap<>(Map.of("fiche", fiche, "level", FicheType.COMMUNE,
                "title", fiche.nom(), "pagePath", "/communes/31135-cazeres", "jsonLd", "{}",
                "charts", FinanceCharts.of(finances), "mairiesOpen", List.of()));
        model.put("base", "https://example.test");
        model.put("path", "/communes/31135-cazeres");
        String html = renderer.render("fiche", model);

        assertThat(html).contains("<rect x=\"70\" y=\"0\" width=\"40\" height=\"120\"")
                .contains("<rect x=\"10\" y=\"100\" width=\"40\" height=\"20\"")
                .contains("<rect x=\"190\" y=\"57\" width=\"40\" height=\"63\"");
    }

    private static FinancesSection finances(String agregat, List<String> montants) {
        List<FinancesSection.Valeur> valeurs = new ArrayList<>();
        for (int i = 0; i < montants.size(); i++) {
            valeurs.add(new FinancesSection.Valeur(2019 + i, new BigDecimal(montants.get(i)), null, 5000L));
        }
        List<Integer> exercices = valeurs.stream().map(FinancesSection.Valeur::exercice).toList();
        return new FinancesSection(new FicheModel.Source("OFGL", "2023", null), exercices,
                List.of(new FinancesSection.Agregat(agregat, valeurs)));
    }
}
