package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The citizens' site on the packaged application with its demo data, over HTTP (headers, redirects,
 * revalidation, sitemaps) and in a real browser: {@code src/test/browser/site-flows.mjs} drives Debian's
 * chromium with playwright-core (keyboard search, comparison, the same without JavaScript, axe-core
 * WCAG 2.1 A/AA on every page type in both themes, screenshots in {@code target/screenshots/}).
 * Skip/fail policy of the browser part: {@link BrowserPlatform}.
 */
@Tag("http")
@Tag("browser")
@Tag("process")
class SiteIT {
    @RegisterExtension
    static final BrowserPlatform PLATFORM = BrowserPlatform.demo("oc-site-it");
    private static Http http;

    @BeforeAll
    static void client() {
        http = new Http(PLATFORM.port());
    }

    @Test
    void pagesCarryTheSecurityHeadersAndRevalidateWith304() {
        HttpResponse<String> home = http.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        String csp = home.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self';").contains("frame-ancestors 'none'").doesNotContain("script-src 'self' 'unsafe-inline'");
        assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(home.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(home.headers().firstValue("Strict-Transport-Security")).as("no HSTS over plain HTTP").isEmpty();
        assertThat(home.body()).contains("<html lang=\"fr\"").contains("République<br>française")
                .contains("href=\"#contenu\"").contains("/mentions-legales").contains("/accessibilite")
                .doesNotContain("<script>");

        HttpResponse<String> fiche = http.get("/communes/42218-saint-etienne");
        assertThat(fiche.statusCode()).isEqualTo(200);
        String etag = fiche.headers().firstValue("ETag").orElseThrow();
        assertThat(fiche.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        HttpResponse<String> again = http.get("/communes/42218-saint-etienne", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        String lastModified = fiche.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(http.get("/communes/42218-saint-etienne", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
    }

    @Test
    void fichesLiveAtCanonicalUrlsAndOldOnesRedirect() {
        assertRedirect("/communes/42218", "/communes/42218-saint-etienne");
        assertRedirect("/communes/42218-st-etienne", "/communes/42218-saint-etienne");
        assertRedirect("/communes/42190", "/communes/42218-saint-etienne"); // Rochetaillée, merged in 1973
        assertRedirect("/departements/42", "/departements/42-loire");
        assertThat(http.get("/communes/99999").statusCode()).isEqualTo(404);

        String fiche = http.get("/communes/42218-saint-etienne").body();
        assertThat(fiche).contains("<h1 class=\"fr-mt-1w\">Saint-Étienne</h1>")
                .contains("<link rel=\"canonical\" href=\"http://127.0.0.1:" + PLATFORM.port() + "/communes/42218-saint-etienne\">")
                .contains("<meta property=\"og:title\" content=\"Saint-Étienne\">")
                .contains("\"@type\":\"AdministrativeArea\"").contains("\"name\":\"Saint-Étienne\"")
                .contains("href=\"/departements/42-loire\"").contains("href=\"/regions/84-auvergne-rhone-alpes\"")
                .contains("INSEE – Populations légales</a>, millésime 2023.");
        Matcher csvLink = Pattern.compile("href=\"([^\"]+\\.csv)\" download").matcher(fiche);
        assertThat(csvLink.find()).as("a CSV download link").isTrue();
        HttpResponse<String> csv = http.get(csvLink.group(1));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("42218").contains("Saint-Étienne");
        HttpResponse<String> comparison = http.get("/comparer.csv?c=communes%2F42218&c=communes%2F75056");
        assertThat(comparison.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"comparaison.csv\"");
        assertThat(comparison.body()).startsWith("type,code,nom,").contains("commune,42218,Saint-Étienne,")
                .contains("commune,75056,Paris,");
    }

    @Test
    void searchAndCompareWorkAsPlainForms() {
        String results = http.get("/recherche?q=st+etienne").body();
        assertThat(results).contains("href=\"/communes/42218-saint-etienne\"");
        String compare = http.get("/comparer?c=Saint-%C3%89tienne&c=communes%2F75056").body();
        assertThat(compare).contains("id=\"tableau-comparaison\"")
                .contains("<th scope=\"col\"><a href=\"/communes/42218-saint-etienne\">Saint-Étienne</a></th>")
                .contains("<th scope=\"col\"><a href=\"/communes/75056-paris\">Paris</a></th>");
        assertThat(http.get("/comparer?c=zzzzqqq&c=Paris").body()).contains("Aucune collectivité ne correspond à « zzzzqqq »");
    }

    @Test
    void compareShowsEveryIndicatorOfTheFichesWithTheirDownloads() {
        String compare = http.get("/comparer?c=communes%2F42218&c=communes%2F75056").body();
        assertThat(compare).contains("Population municipale").contains("Dépenses totales")
                .contains("href=\"/.rest/open-collectivites/v1/compare?c=commune%3A42218&amp;c=commune%3A75056&amp;format=csv\"");
        HttpResponse<String> csv = http.get("/.rest/open-collectivites/v1/compare?c=commune%3A42218&c=commune%3A75056&format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("Saint-Étienne").contains("Paris");
    }

    @Test
    void demoPublicationsFillTheCatalogueTheHomeAndTheFiches() {
        String catalogue = http.get("/publications").body();
        assertThat(catalogue).contains("12 publications").contains("Saint-Étienne : une population stabilisée");
        String filtered = http.get("/publications?theme=finances-fiscalite").body();
        assertThat(filtered).contains("3 publications")
                .contains("href=\"/publications\" aria-label=\"Retirer le filtre Thème : Finances &amp; Fiscalité\"")
                .doesNotContain("Dans la Loire, un habitant sur quatre");
        Matcher first = Pattern.compile("href=\"(/publications/[0-9a-f]{24})\"").matcher(catalogue);
        assertThat(first.find()).isTrue();
        HttpResponse<String> detail = http.get(first.group(1));
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("<a href=\"/communes/42218-saint-etienne\">Saint-Étienne</a>")
                .contains("href=\"https://www.insee.fr\"");
        assertThat(http.get("/").body()).contains("Publications à la une");
        assertThat(http.get("/sitemaps/pages.xml").body()).contains("/publications</loc>");
        assertThat(http.get("/plan-du-site").body()).contains("<a href=\"/publications\">Publications</a>");
        String fiche = http.get("/communes/42218-saint-etienne").body();
        assertThat(fiche).contains("Publications sur Saint-Étienne</h2>").contains("Publications sur Loire</h2>")
                .contains("Dans la Loire, un habitant sur quatre a plus de 65 ans en 2025");
    }

    @Test
    void unknownPagesAnswerTheDsfrNotFoundPageAndTheApiKeepsJson() {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        HttpResponse<String> missing = http.get("/nulle-part", "Accept", browser);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Page non trouvée").contains("fr-footer");
        assertThat(http.get("/nulle-part").body()).as("a client that does not ask for HTML").startsWith("{\"error\"");
        HttpResponse<String> api = http.get("/.rest/nulle-part", "Accept", browser);
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).startsWith("{\"error\"");
    }

    @Test
    void sitemapIndexRobotsAndVersionedAssets() {
        String robots = http.get("/robots.txt").body();
        assertThat(robots).contains("Sitemap: http://127.0.0.1:" + PLATFORM.port() + "/sitemap.xml");
        String index = http.get("/sitemap.xml").body();
        assertThat(index).contains("<sitemapindex").contains("/sitemaps/communes-42.xml").contains("/sitemaps/regions.xml");
        assertThat(http.get("/sitemaps/communes-42.xml").body()).contains("/communes/42218-saint-etienne</loc>");
        assertThat(http.get("/sitemaps/communes-00.xml").statusCode()).isEqualTo(404);

        Matcher css = Pattern.compile("href=\"(/\\.resources/open-collectivites/[0-9a-f]+/webresources/css/site\\.css)\"")
                .matcher(http.get("/").body());
        assertThat(css.find()).isTrue();
        HttpResponse<String> asset = http.get(css.group(1));
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(http.get("/.resources/open-collectivites/x/webresources/../../pom.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void browserFlowsAndAccessibility() throws Exception {
        PLATFORM.requireBrowser(Map.of("the DSFR (npm ci && npm run copy-dsfr in webapp/src/main/frontend, before packaging)",
                http.get("/").body().contains("/dsfr/dsfr.min.css") && dsfrServed()));
        PLATFORM.runHarness("site-flows.mjs", Duration.ofMinutes(8));
        assertThat(BrowserPlatform.screenshot("fiche-commune-dark")).exists();
    }

    private static boolean dsfrServed() {
        Matcher css = Pattern.compile("href=\"([^\"]+/dsfr/dsfr\\.min\\.css)\"").matcher(http.get("/").body());
        return css.find() && http.get(css.group(1)).statusCode() == 200;
    }

    private static void assertRedirect(String from, String to) {
        HttpResponse<String> response = http.get(from);
        assertThat(response.statusCode()).as(from).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).as(from)
                .hasValueSatisfying(location -> assertThat(location).endsWith(to));
    }
}
