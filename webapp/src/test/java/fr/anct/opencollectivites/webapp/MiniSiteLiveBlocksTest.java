package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.apache.jackrabbit.commons.JcrUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live mini-site blocks: {@code minisite-publications} lists the newest published publications of its
 * themes and territories (the demo's, from the catalogue), {@code minisite-alerts} the alerts in force on
 * its territories; an expired alert, an alert elsewhere, a draft or unpublished publication never show.
 * {@code minisite-communes} lists the site's communes and its EPCI's members from the demo référentiel
 * (optionally of one département), never another site's; a fiches block without territories shows the site's.
 */
@Tag("http")
class MiniSiteLiveBlocksTest {
    private static final String METROPOLE_FINANCES = "Les finances de Saint-Étienne Métropole en 2025";
    private static final String FRESH = "Budget 2027 de la métropole stéphanoise";
    @TempDir
    static Path dataDir;
    static Platform platform;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.start(PlatformConfig.load(Optional.empty(), Map.of(
                "OC_SERVER_HOST", "127.0.0.1", "OC_SERVER_PORT", "0", "OC_DATA_DIR", dataDir.toString())));
        http = new Http(platform.port());
        Instant now = Instant.now();
        platform.repository().withSystemSession(session -> {
            Node site = session.getNode("/website/sites").addNode("vivant", "oc:minisite");
            site.setProperty("slug", "vivant");
            site.setProperty("name", "Programme vivant");
            site.setProperty("teamGroup", "oc-team-vivant");
            Node main = page(site, "home").addNode("main", "mgnl:area");
            Node publications = main.addNode("publications", "mgnl:component");
            publications.setProperty("mgnl:template", "open-collectivites:components/minisite-publications");
            publications.setProperty("themes", new String[] {"finances-fiscalite"});
            publications.setProperty("territories", new String[] {"epci:244200770"});
            publications.setProperty("limit", 3L);
            Node alertsBlock = main.addNode("alertes", "mgnl:component");
            alertsBlock.setProperty("mgnl:template", "open-collectivites:components/minisite-alerts");
            alertsBlock.setProperty("territories", new String[] {"commune:42218"});
            Node elsewhere = page(site, "ailleurs").addNode("main", "mgnl:area").addNode("alertes", "mgnl:component");
            elsewhere.setProperty("mgnl:template", "open-collectivites:components/minisite-alerts");
            elsewhere.setProperty("territories", new String[] {"departement:69"});
            // The program's territories (demo référentiel): Saint-Étienne Métropole's seven communes, Saint-Étienne
            // again, the 5th arrondissement of Paris, Île-de-France and a code that names nothing.
            site.setProperty("territories", new String[] {"epci:244200770", "commune:42218", "commune:75105", "region:11",
                    "commune:99999"});
            communes(page(site, "communes"), null);
            communes(page(site, "paris"), "75");
            block(page(site, "territoires"), "minisite-fiches");
            Node neighbour = session.getNode("/website/sites").addNode("voisin", "oc:minisite");
            neighbour.setProperty("slug", "voisin");
            neighbour.setProperty("name", "Programme voisin");
            neighbour.setProperty("teamGroup", "oc-team-voisin");
            neighbour.setProperty("territories", new String[] {"commune:75101"});
            communes(page(neighbour, "home"), null);

            Node alerts = folder(session, "/website/alerts");
            alert(alerts, "eau", "commune:42218", "Coupure d'eau rue de la Paix", "info", now.minus(1, ChronoUnit.HOURS),
                    now.plus(2, ChronoUnit.DAYS));
            alert(alerts, "crue", "departement:42", "Vigilance crues sur la Loire", "alert", now.minus(1, ChronoUnit.HOURS),
                    now.plus(1, ChronoUnit.DAYS));
            alert(alerts, "ancienne", "departement:42", "Alerte terminée", "alert", now.minus(3, ChronoUnit.DAYS),
                    now.minus(1, ChronoUnit.DAYS));
            alert(alerts, "rhone", "departement:69", "Canicule dans le Rhône", "warning", now.minus(1, ChronoUnit.HOURS),
                    now.plus(1, ChronoUnit.DAYS));
            // A publication still in draft, matching the block: never in the catalogue.
            publication(folder(session, "/oc:authoring/publications/items/dr"), "drbrouillon0001",
                    "Publication en préparation sur la métropole", now);
            session.save();
            return null;
        });
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void publicationsBlockListsTheNewestPublishedOnesOfItsThemesAndTerritories() throws InterruptedException {
        // the catalogue indexes the demo publications written at startup as they arrive (observation)
        String home = eventually(METROPOLE_FINANCES, true);

        assertThat(home).contains(METROPOLE_FINANCES, "href=\"/publications?theme=finances-fiscalite&amp;territory=epci%3A244200770&amp;\"")
                .as("another theme, another territory, national, a draft")
                .doesNotContain("Consommation d&#39;espaces naturels", "Paris : les effectifs",
                        "Les comptes des communes en 2024", "Publication en préparation");
        assertThat(home).as("date and producer on the card").contains("Publiée le 30 septembre 2026", "OFGL");
    }

    @Test
    void aPublicationShowsOncePublishedAndGoesWhenUnpublished() throws Exception {
        platform.repository().withSystemSession(session -> {
            publication(folder(session, "/publications/items/fr"), "frais0000000001", FRESH, Instant.now());
            session.save();
            return null;
        });
        assertThat(eventually(FRESH, true)).as("published: shown, newest first")
                .satisfies(home -> assertThat(home.indexOf(FRESH)).isLessThan(home.indexOf(METROPOLE_FINANCES)));

        platform.repository().withSystemSession(session -> {
            session.getNode("/publications/items/fr/frais0000000001").remove();
            session.save();
            return null;
        });
        assertThat(eventually(FRESH, false)).contains(METROPOLE_FINANCES);
    }

    @Test
    void alertsBlockShowsTheAlertsInForceOnItsTerritoriesMostSevereFirst() {
        String home = http.get("/sites/vivant/", "Accept", "text/html").body();

        assertThat(home).contains("Vigilance crues sur la Loire", "Coupure d&#39;eau rue de la Paix", "fr-alert--error",
                "fr-alert--info", "href=\"/.rest/open-collectivites/v1/editorial/alerts.rss\"")
                .doesNotContain("Alerte terminée", "Canicule dans le Rhône");
        assertThat(home.indexOf("Vigilance crues")).as("most severe first").isLessThan(home.indexOf("Coupure d&#39;eau"));

        String elsewhere = http.get("/sites/vivant/ailleurs", "Accept", "text/html").body();
        assertThat(elsewhere).contains("Canicule dans le Rhône").doesNotContain("Vigilance crues", "Coupure d&#39;eau");
    }

    @Test
    void communesBlockListsTheSitesCommunesAndItsEpcisMembersWithTheirPopulation() {
        HttpResponse<String> response = http.get("/sites/vivant/communes", "Accept", "text/html");
        String page = response.body();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(page).contains("<caption>Les 8 communes du programme</caption>",
                row("42218-saint-etienne", "Saint-Étienne", "42218", "Loire (42)", "173\u202F000"),
                row("42005-andrezieux-boutheon", "Andrézieux-Bouthéon", "42005", "Loire (42)", "10\u202F400"),
                row("75105-paris-5e-arrondissement", "Paris 5e Arrondissement", "75105", "Paris (75)", "58\u202F000"),
                "Toutes les communes de la région <a href=\"/regions/11-ile-de-france\">Île-de-France (11)</a>",
                "href=\"/.rest/open-collectivites/v1/exports/regions/11/communes.csv\"")
                .as("a code that names nothing, a commune outside the program, another site's commune")
                .doesNotContain("99999", "href=\"/communes/75056", "Paris 1er Arrondissement");
        assertThat(page.split("/communes/42218-saint-etienne\"", -1)).as("Saint-Étienne, named twice, is one row").hasSize(2);
        assertThat(page.indexOf(">Andrézieux-Bouthéon<")).as("French alphabetical order")
                .isLessThan(page.indexOf(">Le Chambon-Feugerolles<"));
        assertThat(page.indexOf(">Le Chambon-Feugerolles<")).isLessThan(page.indexOf(">Paris 5e Arrondissement<"));
        assertThat(page.indexOf(">Saint-Chamond<")).isLessThan(page.indexOf(">Saint-Étienne<"));
    }

    @Test
    void communesBlockOfADepartementShowsTheProgramsCommunesThereOnly() {
        String page = http.get("/sites/vivant/paris", "Accept", "text/html").body();

        assertThat(page).contains("<caption>La commune du programme dans le département Paris (75)</caption>",
                        row("75105-paris-5e-arrondissement", "Paris 5e Arrondissement", "75105", "Paris (75)", "58\u202F000"),
                        "Toutes les communes du département <a href=\"/departements/75-paris\">Paris (75)</a>",
                        "href=\"/.rest/open-collectivites/v1/exports/departements/75/communes.csv\"")
                .doesNotContain("Saint-Étienne", "/regions/11");
    }

    @Test
    void eachSiteListsItsOwnCommunesAndTheDemoSiteItsLoireCommunes() {
        assertThat(http.get("/sites/voisin/", "Accept", "text/html").body())
                .contains("<caption>La commune du programme</caption>", ">Paris 1er Arrondissement</a>")
                .doesNotContain("Paris 5e", "Saint-Étienne");
        assertThat(http.get("/sites/petites-villes-de-demain/", "Accept", "text/html").body())
                .contains("<caption>Les 3 communes du programme dans le département Loire (42)</caption>",
                        row("42207-saint-chamond", "Saint-Chamond", "42207", "Loire (42)", "35\u202F600"),
                        ">Firminy</a>", ">Rive-de-Gier</a>")
                .as("in the Loire but not in the program").doesNotContain("href=\"/communes/42218-saint-etienne\"");
    }

    @Test
    void aFichesBlockWithoutTerritoriesLinksTheSitesTerritories() {
        assertThat(http.get("/sites/vivant/territoires", "Accept", "text/html").body()).contains(
                "<a href=\"/epci/244200770\">Saint-Étienne Métropole (244200770)</a>",
                "<a href=\"/communes/42218\">Saint-Étienne (42218)</a>",
                "<a href=\"/communes/75105\">Paris 5e Arrondissement (75105)</a>",
                "<a href=\"/regions/11\">Île-de-France (11)</a>");
    }

    private static String row(String page, String name, String code, String departement, String population) {
        return "<tr><th scope=\"row\"><a href=\"/communes/" + page + "\">" + name + "</a></th><td>" + code + "</td><td>"
                + departement + "</td><td class=\"oc-number\">" + population + "</td></tr>";
    }

    private static String eventually(String text, boolean present) {
        return await((present ? "shown: " : "no longer shown: ") + text).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/sites/vivant/", "Accept", "text/html").body(), home -> home.contains(text) == present);
    }

    private static Node page(Node site, String name) throws RepositoryException {
        Node page = site.addNode(name, "mgnl:page");
        page.setProperty("mgnl:template", "open-collectivites:pages/" + ("home".equals(name) ? "minisite-home" : "minisite-page"));
        page.setProperty("title", "Page " + name);
        return page;
    }

    private static Node block(Node page, String template) throws RepositoryException {
        Node block = page.addNode("main", "mgnl:area").addNode(template.substring("minisite-".length()), "mgnl:component");
        block.setProperty("mgnl:template", "open-collectivites:components/" + template);
        return block;
    }

    private static void communes(Node page, String departement) throws RepositoryException {
        Node block = block(page, "minisite-communes");
        if (departement != null) {
            block.setProperty("departement", departement);
        }
    }

    private static void publication(Node folder, String code, String title, Instant date) throws RepositoryException {
        Node item = folder.addNode(code, "oc:publication");
        item.setProperty("code", code);
        item.setProperty("title", title);
        item.setProperty("link", "https://example.org/" + code);
        item.setProperty("date", calendar(date));
        item.setProperty("themes", new String[] {"finances-fiscalite"});
        item.setProperty("territories", new String[] {"epci:244200770"});
    }

    private static Node folder(Session session, String path) throws RepositoryException {
        return JcrUtils.getOrCreateByPath(path, "mgnl:folder", session);
    }

    private static void alert(Node alerts, String name, String territory, String title, String severity, Instant from,
                              Instant until) throws RepositoryException {
        Node alert = alerts.addNode(name, "oc:alert");
        alert.setProperty("territory", territory);
        alert.setProperty("title", title);
        alert.setProperty("severity", severity);
        alert.setProperty("validFrom", calendar(from));
        alert.setProperty("validUntil", calendar(until));
    }

    private static Calendar calendar(Instant instant) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }
}
