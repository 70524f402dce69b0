package fr.anct.opencollectivites.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.anct.opencollectivites.TestHttpServer;
import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.collectivites.CollectivitePaths;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ContentValidationException;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.delivery.PerThreadAnonymousSessions;
import fr.anct.opencollectivites.delivery.SessionProvider;
import fr.anct.opencollectivites.fiches.FicheService;
import fr.anct.opencollectivites.publications.PublicationsTestSupport;
import fr.anct.opencollectivites.publications.catalogue.CatalogueService;
import fr.anct.opencollectivites.publications.catalogue.PublicationIndex;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.search.SearchIndex;
import fr.anct.opencollectivites.search.SearchService;

/**
 * The catalogue pages and the fiches' publications over real HTTP, on a real repository with the
 * seeded taxonomy: Saint-Étienne, its métropole, the Loire and Auvergne-Rhône-Alpes, Rennes, and
 * publications about each (one a draft, never shown).
 */
class PublicationPagesTest {
    private static final ContentTypeRegistry TYPES = TestLightModule.contentTypes();
    private static final Pattern RESULT_TITLE = Pattern.compile("<h2 class=\"fr-card__title\"><a href=\"/publications/([^\"]+)\">([^<]+)</a>");
    private static OakRepository repository;
    private static PublicationIndex index;
    private static SearchIndex searchIndex;
    private static PerThreadAnonymousSessions sessions;
    private static TestHttpServer server;

    @BeforeAll
    static void start() throws Exception {
        repository = PublicationsTestSupport.repository();
        write(CollectivitePaths.item(TYPES.require("region"), "84"), "region", Map.of("code", "84", "nom", "Auvergne-Rhône-Alpes"));
        write(CollectivitePaths.item(TYPES.require("region"), "53"), "region", Map.of("code", "53", "nom", "Bretagne"));
        write(CollectivitePaths.item(TYPES.require("departement"), "42"), "departement",
                Map.of("code", "42", "nom", "Loire", "region", "84"));
        write(CollectivitePaths.item(TYPES.require("departement"), "35"), "departement",
                Map.of("code", "35", "nom", "Ille-et-Vilaine", "region", "53"));
        write(CollectivitePaths.item(TYPES.require("epci"), "244200770"), "epci", Map.of("code", "244200770",
                "siren", "244200770", "nom", "Saint-Étienne Métropole", "natureJuridique", "METRO", "departementSiege", "42"));
        write(CollectivitePaths.commune(TYPES.require("commune"), "COM", "42218"), "commune", Map.of("code", "42218",
                "typecom", "COM", "nom", "Saint-Étienne", "departement", "42", "region", "84", "epci", "244200770"));
        write(CollectivitePaths.commune(TYPES.require("commune"), "COM", "35238"), "commune", Map.of("code", "35238",
                "typecom", "COM", "nom", "Rennes", "departement", "35", "region", "53"));
        publication("pse1", "Les finances de Saint-Étienne en 2023", "<p>Épargne <strong>brute</strong> et dette.</p>",
                "commune:42218", "finances-fiscalite", "insee", "2024-03-01");
        publication("pdep", "La Loire : l'emploi salarié progresse", null, "departement:42",
                "emploi-fonction-publique-territoriale", "dares", "2023-11-15");
        publication("preg", "Auvergne-Rhône-Alpes : la santé des habitants", null, "region:84", "sante-social", "drees",
                "2024-05-10");
        for (int i = 1; i <= 9; i++) {
            publication("pren" + i, "Rennes, étude n° " + i, null, "commune:35238", "parite", "ofgl", "2022-0" + i + "-01");
        }
        write("/oc:authoring/publications/items/dr/draft1", "publication", Map.of("code", "draft1", "title",
                "Brouillon sur Saint-Étienne", "link", "https://example.org/draft", "date", LocalDate.parse("2025-01-01"),
                "territories", List.of("commune:42218"), "themes", List.of("finances-fiscalite")));

        index = new PublicationIndex(repository, Duration.ofMillis(20)).start();
        searchIndex = new SearchIndex(repository, TYPES).start();
        sessions = SessionProvider.anonymousPerThread(repository);
        SiteRenderer renderer = new SiteRenderer(TestLightModule.dir(), TestLightModule.messages(),
                new WebResources(TestLightModule.dir()));
        FicheReader reader = new FicheReader(TYPES);
        PublicationPages pages = new PublicationPages(new CatalogueService(index, sessions, TYPES), sessions, reader);
        SearchService search = new SearchService(searchIndex);
        FicheService fiches = new FicheService(repository, TYPES, TestLightModule.messages());
        server = new TestHttpServer(new PublicationPagesResource(renderer, pages, search),
                new SiteResource(renderer, reader, sessions, search, fiches, pages, new FicheModels(fiches, pages,
                        new fr.anct.opencollectivites.pages.EditorialContent(TYPES), java.time.Clock.systemUTC())));
    }

    @AfterAll
    static void stop() {
        server.close();
        sessions.close();
        searchIndex.close();
        index.close();
        repository.close();
    }

    private static HttpResponse<String> get(String path) {
        return server.get(path, "Accept", "text/html");
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
        String path = "/publications/items/note-du-conseil";
        write(path, "publication", Map.of("code", "note-du-conseil", "title", "Note du conseil scientifique",
                "link", "https://example.org/note", "date", LocalDate.parse("2021-06-01")));
        try {
            HttpResponse<String> page = get("/publications/note-du-conseil");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Note du conseil scientifique");
            assertThat(get("/publications/note-du-conseill").statusCode()).isEqualTo(404);
        } finally {
            repository.withSystemSession(session -> {
                session.getNode(path).remove();
                session.save();
                return null;
            });
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (!get("/publications").body().contains("12 publications") && System.nanoTime() < deadline) {
                Thread.sleep(20); // the catalogue index follows the removal, for the other tests
            }
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

    private static void publication(String code, String title, String summary, String territory, String theme,
                                    String publisher, String date) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", code);
        values.put("title", title);
        values.put("summary", summary);
        values.put("link", "https://example.org/" + code);
        values.put("date", LocalDate.parse(date));
        values.put("territories", List.of(territory));
        values.put("themes", List.of(theme));
        values.put("documentType", "publication-statistique");
        values.put("publisher", publisher);
        values.put("years", List.of((long) LocalDate.parse(date).getYear()));
        write("/publications/items/" + code.substring(0, 2) + "/" + code, "publication", values);
    }

    private static void write(String path, String type, Map<String, ?> values) {
        repository.withSystemSession(session -> {
            try {
                new ContentWriter().upsert(session, path, TYPES.require(type), values);
            } catch (ContentValidationException e) {
                throw new IllegalStateException(e);
            }
            session.save();
            return null;
        });
    }
}
