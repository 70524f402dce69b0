package fr.anct.opencollectivites.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.fiches.ElusSection;
import fr.anct.opencollectivites.fiches.Fiche;
import fr.anct.opencollectivites.fiches.FicheModel;
import fr.anct.opencollectivites.fiches.FicheType;
import fr.anct.opencollectivites.fiches.FinancesSection;
import fr.anct.opencollectivites.mairies.Mairie;
import fr.anct.opencollectivites.mairies.OpeningHours;
import fr.anct.opencollectivites.mairies.TimeRange;

/** The light module's page templates rendered as the site renders them, on fiches the demo data lacks. */
@Tag("unit")
class SiteRendererTest {
    private final SiteRenderer renderer = new SiteRenderer(TestLightModule.dir(), TestLightModule.messages(),
            new WebResources(TestLightModule.dir()));

    @Test
    void ficheShowsFinancesAsChartAndTableAndTheElusWithTheirSources() {
        FicheModel.Source ofgl = new FicheModel.Source("OFGL – Agrégats comptables des communes", "2024", null);
        FinancesSection finances = new FinancesSection(ofgl, List.of(2023, 2024), List.of(
                new FinancesSection.Agregat("Recettes de fonctionnement", List.of(
                        new FinancesSection.Valeur(2023, new BigDecimal("250000000"), new BigDecimal("1445.09"), 173000L),
                        new FinancesSection.Valeur(2024, new BigDecimal("500000000"), new BigDecimal("2890.17"), 173000L)))));
        ElusSection elus = new ElusSection(new ElusSection.Elu("Durand", "Marie", "Maire", LocalDate.of(2020, 7, 3),
                new FicheModel.Source("Répertoire national des élus", "2025", null)), null);
        FicheModel.Liens liens = new FicheModel.Liens("/.rest/open-collectivites/v1/fiches/commune/42218", null,
                "/communes/42218-saint-etienne", "/.rest/open-collectivites/v1/fiches/commune/42218.csv",
                "/.rest/open-collectivites/v1/fiches/commune/42218.json");
        Fiche fiche = new Fiche("commune", "42218", "42218", "Saint-Étienne <script>",
                new FicheModel.Identite("42218", "COM", "Commune", null, null, null, null, List.of(), List.of(), List.of(),
                        List.of("42000", "42100", "42230"), null),
                null, new FicheModel.Population(173000L, 1730L, 174730L,
                        new FicheModel.Source("INSEE – Populations légales", "2023", "https://www.insee.fr")),
                finances, List.of(MAIRIE), elus, liens);

        String html = render("fiche", Map.of("fiche", fiche, "level", FicheType.COMMUNE, "title", fiche.nom(),
                "pagePath", "/communes/42218-saint-etienne", "jsonLd", "{}", "charts", FinanceCharts.of(finances),
                "mairiesOpen", List.of(true)));

        assertThat(html).contains("<dt>Codes postaux</dt><dd>42000, 42100, 42230</dd>");
        assertThat(html).contains("<h1 class=\"fr-mt-1w\">Saint-Étienne &lt;script&gt;</h1>")
                .doesNotContain("Saint-Étienne <script>");
        assertThat(html).contains("<h2 id=\"bloc-finances\">Finances</h2>")
                .contains("<caption>Recettes de fonctionnement : montants par exercice</caption>")
                .contains("<th scope=\"row\">2024</th><td class=\"oc-number\">500\u202F000\u202F000</td>")
                .contains("height=\"120\"").contains("height=\"60\"") // 2024 is the tallest bar, 2023 half of it
                .contains("Source : OFGL – Agrégats comptables des communes, millésime 2024.");
        assertThat(html).contains("<strong>Marie Durand</strong>, Maire, depuis le 03/07/2020")
                .contains("Répertoire national des élus, millésime 2025.");
        assertThat(html).contains("<h2 id=\"bloc-mairies\">Mairie</h2>").contains("Ouvert maintenant")
                .contains("<caption>Horaires d&#39;ouverture : Mairie de Saint-Étienne</caption>")
                .contains("<th scope=\"row\">Lundi au vendredi</th>").contains("08:30 – 12:00, 13:30 – 17:00")
                .contains("href=\"tel:0477485500\"");
        assertThat(html).contains("href=\"/.rest/open-collectivites/v1/fiches/commune/42218.csv\" download")
                .contains("174\u202F730");
    }

    private static final Mairie MAIRIE = new Mairie("b1", "Mairie de Saint-Étienne", false, List.of("42218"),
            "Place de l'Hôtel-de-Ville", "42000", "Saint-Étienne", "04 77 48 55 00", null, null,
            List.of(new OpeningHours("lundi", "vendredi", List.of(
                    new TimeRange(LocalTime.of(8, 30), LocalTime.of(12, 0)),
                    new TimeRange(LocalTime.of(13, 30), LocalTime.of(17, 0))), null)),
            "Annuaire de l'administration", LocalDate.of(2026, 10, 1));

    @Test
    void ouvertMaintenantUsesTheCommunesLocalTime() {
        Fiche fiche = new Fiche("commune", "42218", "42218", "Saint-Étienne", null, null, null, null,
                List.of(MAIRIE), null, null);
        // Monday 23 November 2026, 09:00 UTC = 10:00 in Paris: open.
        Clock monday = Clock.fixed(java.time.Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
        assertThat(MairieTimes.openNow(fiche, monday)).containsExactly(true);
        // 11:30 UTC = 12:30 in Paris: the lunch break.
        assertThat(MairieTimes.openNow(fiche, Clock.offset(monday, java.time.Duration.ofMinutes(150)))).containsExactly(false);
        // 09:00 UTC is 13:00 at La Réunion (UTC+4): closed there at the same instant.
        Fiche reunion = new Fiche("commune", "97411", "97411", "Saint-Denis", null, null, null, null,
                List.of(MAIRIE), null, null);
        assertThat(MairieTimes.openNow(reunion, monday)).containsExactly(false);
    }

    @Test
    void everyPageTemplateIsDeclaredInMagnoliaFormat() {
        for (String name : List.of("home", "recherche", "fiche", "comparer", "plan-du-site", "mentions-legales",
                "accessibilite", "404", "500")) {
            PageDefinition page = renderer.page(name);
            assertThat(page.script()).isEqualTo("pages/" + name + ".ftl");
            assertThat(renderer.messages().get(page.titleKey())).as(name).doesNotStartWith("site.");
        }
        assertThat(renderer.page("home").cacheControl()).isEqualTo("public, max-age=3600");
        assertThat(renderer.page("404").cacheControl()).isEqualTo("no-store");
    }

    @Test
    void aBrokenDefinitionNamesItsFile(@TempDir Path dir) throws IOException {
        Path pages = Files.createDirectories(dir.resolve("templates/pages"));
        Files.writeString(pages.resolve("bad.yaml"), "templateScript: /open-collectivites/templates/pages/bad.jsp\n");
        assertThatThrownBy(() -> PageDefinition.loadAll(dir)).hasMessageContaining("bad.yaml")
                .hasMessageContaining("templateScript");
        Files.writeString(pages.resolve("bad.yaml"), "templateScript: /open-collectivites/templates/pages/bad.ftl\nrenderType: jsp\n");
        assertThatThrownBy(() -> PageDefinition.loadAll(dir)).hasMessageContaining("bad.yaml").hasMessageContaining("jsp");
    }

    @Test
    void keysOfFicheUrlsIgnoreTheSlug() {
        assertThat(PagePaths.key("42218-saint-etienne")).contains("42218");
        assertThat(PagePaths.key("01015-comd-arbignieu")).contains("01015-comd");
        assertThat(PagePaths.key("2A004-ajaccio")).contains("2A004");
        assertThat(PagePaths.key("../etc")).isEmpty();
        assertThat(PagePaths.target("communes/42218")).hasValueSatisfying(t -> assertThat(t.token()).isEqualTo("communes/42218"));
        assertThat(PagePaths.target("Saint-Étienne")).isEmpty();
    }

    private String render(String page, Map<String, Object> model) {
        Map<String, Object> data = new HashMap<>(model);
        data.put("base", "https://example.test");
        data.put("path", "/x");
        return renderer.render(page, data);
    }
}
