package fr.anct.opencollectivites.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The catalogue pages and the fiches' publications over real HTTP, on a real repository with the
 * seeded taxonomy: Saint-Étienne, its métropole, the Loire and Auvergne-Rhône-Alpes, Rennes, and
 * publications about each (one a draft, never shown).
 */
@Tag("http")
class PublicationPagesTest {
    private static final Pattern RESULT_TITLE = Pattern.compile("<h2 class=\"fr-card__title\"><a href=\"/publications/([^\"]+)\">([^<]+)</a>");
    /** Read only: a test that writes starts a {@link PublicationSite} of its own. */
    private static PublicationSite site;

    @BeforeAll
    static void start() throws Exception {
        site = PublicationSite.start();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static HttpResponse<String> get(String path) {
        return site.get(path);
    }

    private static List<String> titles(String html) {
        Matcher matcher = RESULT_TITLE.matcher(html);
        List<String> titles = new java.util.ArrayList<>();
        while (matcher.find()) {
            titles.add(matcher.group(2).replace("&#39;", "'"));
        }
        return titles;
    }

    @Test
    void catalogueListsTheNewestWithItsTotalAndPages() {
        HttpResponse<String> first = get("/publications");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("12 publications").doesNotContain("Brouillon");
        assertThat(titles(first.body())).hasSize(10).first().isEqualTo("Auvergne-Rhône-Alpes : la santé des habitants");
        assertThat(first.body()).contains("href=\"/publications?page=2\"");
        HttpResponse<String> second = get("/publications?page=2");
        assertThat(titles(second.body())).containsExactly("Rennes, étude n° 2", "Rennes, étude n° 1");
    }

    /** Pen-test finding: 520 words in {@code q} answered 500; the page now says the words were ignored, with a 400. */
    @Test
    void tooManyWordsAreA400NotA500() {
        String words = java.util.stream.IntStream.range(0, 520).mapToObj(i -> "mot" + i)
                .collect(java.util.stream.Collectors.joining("+"));
        HttpResponse<String> page = get("/publications?q=" + words);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("mot0 mot1 mot2");
    }

    @Test
    void aThemeFilterIsARemovableTagAndRemovingItWidensTheSearch() {
        HttpResponse<String> filtered = get("/publications?theme=finances-fiscalite&year=2024");
        assertThat(filtered.statusCode()).isEqualTo(200);
        assertThat(titles(filtered.body())).containsExactly("Les finances de Saint-Étienne en 2023");
        assertThat(filtered.body()).contains("1 publication<")
                .contains("href=\"/publications?year=2024\" aria-label=\"Retirer le filtre Thème : Finances &amp; Fiscalité\"")
                .contains("href=\"/publications?theme=finances-fiscalite\" aria-label=\"Retirer le filtre Année : 2024\"")
                .contains("id=\"theme-finances-fiscalite\" name=\"theme\" value=\"finances-fiscalite\" checked");
        HttpResponse<String> widened = get("/publications?year=2024");
        assertThat(titles(widened.body())).contains("Les finances de Saint-Étienne en 2023",
                "Auvergne-Rhône-Alpes : la santé des habitants");
    }

    @Test
    void aTerritoryFilterTakesANameAndIncludesItsParents() {
        HttpResponse<String> page = get("/publications?territory=commune%3A42218");
        assertThat(titles(page.body())).containsExactly("Auvergne-Rhône-Alpes : la santé des habitants",
                "Les finances de Saint-Étienne en 2023", "La Loire : l'emploi salarié progresse");
        assertThat(page.body()).contains("Territoire : Saint-Étienne").contains("value=\"Saint-Étienne\"");
        assertThat(titles(get("/publications?territory=Saint-%C3%89tienne").body())).hasSize(3);
    }

    @Test
    void valuesTheCatalogueCannotTakeAreNamedAndIgnored() {
        HttpResponse<String> page = get("/publications?year=20x4&from=hier&territory=Atlantide");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("« 20x4 » n&#39;est pas reconnu").contains("« hier » n&#39;est pas reconnu")
                .contains("« Atlantide » n&#39;est pas reconnu").contains("12 publications");
    }

    @Test
    void aPublicationAnEditorCreatedUnderItsOwnNameHasItsPublicPageToo() throws Exception {
        try (PublicationSite own = PublicationSite.start()) {
            own.write("/publications/items/note-du-conseil", "publication", Map.of("code", "note-du-conseil",
                    "title", "Note du conseil scientifique", "link", "https://example.org/note",
                    "date", LocalDate.parse("2021-06-01")));
            HttpResponse<String> page = own.get("/publications/note-du-conseil");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Note du conseil scientifique");
            assertThat(own.get("/publications/note-du-conseill").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void detailShowsTheFactsTheSummaryAndTheTerritoriesAsLinks() {
        HttpResponse<String> page = get("/publications/pse1");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1 class=\"fr-mt-1w\">Les finances de Saint-Étienne en 2023</h1>")
                .contains("<dd>INSEE</dd>").contains("<time datetime=\"2024-03-01\">1 mars 2024</time>")
                .contains("<p>Épargne <strong>brute</strong> et dette.</p>")
                .contains("<a href=\"/communes/42218-saint-etienne\">Saint-Étienne</a>")
                .contains("href=\"https://example.org/pse1\"")
                .contains("href=\"/publications?theme=finances-fiscalite\"");
        assertThat(get("/publications/draft1").statusCode()).isEqualTo(404);
        assertThat(get("/publications/..%2F..").statusCode()).isEqualTo(404);
    }

    @Test
    void aFicheShowsItsOwnPublicationsThenItsParentsInTheirSections() {
        HttpResponse<String> page = get("/communes/42218-saint-etienne");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String html = page.body();
        int own = html.indexOf("Publications sur Saint-Étienne</h2>");
        int loire = html.indexOf("Publications sur Loire</h2>");
        int region = html.indexOf("Publications sur Auvergne-Rhône-Alpes</h2>");
        assertThat(own).isPositive().isLessThan(loire);
        assertThat(loire).isLessThan(region);
        assertThat(html.substring(own, loire)).contains("Les finances de Saint-Étienne en 2023")
                .doesNotContain("Brouillon").contains("href=\"/publications?territory=commune%3A42218\"");
        assertThat(html.substring(loire, region)).contains("La Loire : l&#39;emploi salarié progresse");
        assertThat(html).doesNotContain("Publications sur Saint-Étienne Métropole");
        assertThat(get("/communes/35238-rennes").body()).contains("Publications sur Rennes").contains("Rennes, étude n° 9")
                .doesNotContain("Saint-Étienne en 2023");
    }
}
