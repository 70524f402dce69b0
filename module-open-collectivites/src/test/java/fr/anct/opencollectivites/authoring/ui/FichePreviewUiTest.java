package fr.anct.opencollectivites.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.jcr.Node;

import org.apache.jackrabbit.commons.JcrUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.anct.opencollectivites.TestHttpServer;
import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.TestReferentiel;
import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.fiches.FicheService;
import fr.anct.opencollectivites.publications.TaxonomySeeder;
import fr.anct.opencollectivites.publications.catalogue.CatalogueService;
import fr.anct.opencollectivites.publications.catalogue.PublicationIndex;
import fr.anct.opencollectivites.search.SearchIndex;
import fr.anct.opencollectivites.search.SearchService;
import fr.anct.opencollectivites.security.Role;
import fr.anct.opencollectivites.site.Site;

/**
 * The preview of a callout, alert or démarche draft on its fiche, on real HTTP and a real repository, with
 * the public site of the same platform beside it: the author sees the draft on the fiche as it will be
 * published, among the published items; the public fiche and the public JSON do not show it; nobody who
 * cannot read the draft sees it through the preview.
 */
@Tag("repository")
@Tag("http")
class FichePreviewUiTest {
    private static final String CALLOUT_FORM = "/auteur/contenus/callout/callouts/travaux";
    private static final String CALLOUT_PREVIEW = "/auteur/apercu/contenus/callout/callouts/travaux";
    private static final String ALERT_PREVIEW = "/auteur/apercu/contenus/alert/alerts/crue";

    private AuthoringFixture fixture;
    private PublicationIndex publications;
    private SearchIndex search;
    private Site site;
    private TestHttpServer server;
    private UiClient ui;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new AuthoringFixture();
        fixture.user("claire", Set.of(Role.EDITOR), Set.of());
        fixture.user("zoe", Set.of(), Set.of());
        new TaxonomySeeder(fixture.repository, fixture.contentTypes).seed();
        referentielAndPublishedItems();
        publications = new PublicationIndex(fixture.repository, Duration.ofMillis(20)).start();
        search = new SearchIndex(fixture.repository, fixture.contentTypes).start();
        FicheService fiches = new FicheService(fixture.repository, fixture.contentTypes, TestLightModule.messages());
        site = new Site(TestLightModule.dir(), TestLightModule.messages(), fixture.contentTypes, fixture.repository,
                new SearchService(search), fiches, new CatalogueService(publications, fixture.repository, fixture.contentTypes));
        List<Object> resources = new ArrayList<>(fixture.feature.resources());
        resources.addAll(new AuthoringUi(fixture.feature, fixture.repository, fixture.contentTypes, TestLightModule.dir(),
                TestLightModule.messages(), false, site.models()).resources());
        resources.addAll(site.components());
        server = new TestHttpServer(resources.toArray());
        ui = new UiClient(server);
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
        site.close();
        search.close();
        publications.close();
        fixture.close();
    }

    /**
     * Saint-Étienne and Saint-Chamond in the Loire, Lyon in the Rhône, with a callout and a démarche already
     * published (written live).
     */
    private void referentielAndPublishedItems() {
        fixture.repository.withSystemSession(session -> {
            TestReferentiel.loire(session);
            TestReferentiel.commune(session, "69123", "COM", "Lyon", "69", 520_000);
            Node callout = JcrUtils.getOrCreateByPath("/website/callouts", "mgnl:folder", session)
                    .addNode("budget-participatif", "oc:callout");
            callout.setProperty("collectivite", "commune:42218");
            callout.setProperty("title", "Budget participatif 2027");
            callout.setProperty("message", "<p>Les habitants votent jusqu'au 15 décembre.</p>");
            Node demarche = JcrUtils.getOrCreateByPath("/website/demarches", "mgnl:folder", session)
                    .addNode("passeport", "oc:demarche");
            demarche.setProperty("code", "passeport");
            demarche.setProperty("title", "Demander un passeport");
            demarche.setProperty("url", "https://www.service-public.fr/particuliers/vosdroits/N360");
            demarche.setProperty("position", 1L);
            session.save();
            return null;
        });
    }

    private HttpResponse<String> post(String path, String session, String... fields) {
        return ui.send("POST", path, UiClient.form(UiClient.fields(fields)), session);
    }

    private String create(String session, String type, String... fields) {
        String form = "/auteur/contenus/" + type + "/nouveau";
        String csrf = UiClient.field(ui.send("GET", form, null, session).body(), "csrf");
        List<String> all = new ArrayList<>(List.of("csrf", csrf, "action", "save"));
        all.addAll(List.of(fields));
        HttpResponse<String> saved = post(form, session, all.toArray(String[]::new));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        return saved.headers().firstValue("Location").orElseThrow();
    }

    private HttpResponse<String> publicPage(String path) {
        return ui.send("GET", path, null, null, "Accept", "text/html");
    }

    private static String day(int fromToday) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(fromToday).toString();
    }

    @Test
    void anEditorsCalloutDraftShowsOnItsCommuneFichePreviewOnlyAmongThePublishedItems() {
        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        create(claire, "callout", "nom", "travaux", "champ.collectivite", "commune:42218",
                "champ.title", "Travaux à la mairie", "champ.message", "<p>Fermée lundi</p>");

        assertThat(ui.send("GET", CALLOUT_FORM, null, claire).body())
                .contains("<a class=\"fr-link\" href=\"" + CALLOUT_PREVIEW + "\">Aperçu sur la fiche</a>");

        HttpResponse<String> preview = ui.send("GET", CALLOUT_PREVIEW, null, claire);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(preview.headers().firstValue("X-Robots-Tag")).contains("noindex");
        assertThat(preview.body()).contains("<meta name=\"robots\" content=\"noindex\">",
                "Aperçu — brouillon : le message « Travaux à la mairie » est montré comme s&#39;il était publié",
                "href=\"" + CALLOUT_FORM + "\"", "Saint-Étienne", "Travaux à la mairie", "<p>Fermée lundi</p>",
                "Budget participatif 2027", "Demander un passeport")
                .doesNotContain("Hors de ses dates de validité");

        HttpResponse<String> fiche = publicPage("/communes/42218-saint-etienne");
        assertThat(fiche.statusCode()).isEqualTo(200);
        assertThat(fiche.body()).contains("Budget participatif 2027", "Demander un passeport")
                .doesNotContain("Travaux à la mairie", "Aperçu — brouillon");
        assertThat(ui.send("GET", "/.rest/open-collectivites/v1/editorial/callouts?collectivite=commune:42218", null, null)
                .body()).contains("Budget participatif 2027").doesNotContain("Travaux à la mairie");
    }

    @Test
    void theDraftOfAPublishedCalloutReplacesItsLiveCopyInThePreview() {
        fixture.repository.withSystemSession(session -> {
            JcrUtils.getOrCreateByPath("/oc:authoring/website/callouts", "mgnl:folder", session);
            session.save();
            session.getWorkspace().copy("/website/callouts/budget-participatif", "/oc:authoring/website/callouts/budget-participatif");
            session.getNode("/oc:authoring/website/callouts/budget-participatif").setProperty("title", "Budget participatif 2028");
            session.save();
            return null;
        });
        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        String preview = ui.send("GET", "/auteur/apercu/contenus/callout/callouts/budget-participatif", null, claire).body();
        assertThat(preview).contains("Budget participatif 2028").doesNotContain("Budget participatif 2027");
        assertThat(publicPage("/communes/42218-saint-etienne").body()).contains("Budget participatif 2027")
                .doesNotContain("Budget participatif 2028");
    }

    @Test
    void anAlertDraftOnADepartementPreviewsOnThatDepartementsFiche() {
        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        create(claire, "alert", "nom", "crue", "champ.territory", "departement:42", "champ.title",
                "Vigilance crues sur la Loire", "champ.message", "<p>Évitez les berges.</p>", "champ.severity", "warning",
                "champ.validFrom", day(-1), "champ.validUntil", day(3));
        assertThat(ui.send("GET", "/auteur/contenus/alert/alerts/crue", null, claire).body())
                .contains("href=\"" + ALERT_PREVIEW + "\"");

        HttpResponse<String> preview = ui.send("GET", ALERT_PREVIEW, null, claire);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body()).contains("<h1", "Loire", "Vigilance crues sur la Loire", "fr-alert--warning",
                "Évitez les berges.", "l&#39;alerte « Vigilance crues sur la Loire »")
                .doesNotContain("Hors de ses dates de validité");
        assertThat(publicPage("/departements/42-loire").body()).contains("Loire").doesNotContain("Vigilance crues");
        assertThat(publicPage("/communes/42218-saint-etienne").body()).doesNotContain("Vigilance crues");

        // An alert to come: previewed all the same, with a word that today's fiche would not show it.
        create(claire, "alert", "nom", "secheresse", "champ.territory", "departement:42", "champ.title",
                "Restrictions d'eau", "champ.severity", "info", "champ.validFrom", day(10), "champ.validUntil", day(20));
        assertThat(ui.send("GET", "/auteur/apercu/contenus/alert/alerts/secheresse", null, claire).body())
                .contains("Restrictions d&#39;eau", "Hors de ses dates de validité");
    }

    @Test
    void anAlertDraftOnADepartementPreviewsOnTheFicheOfACommuneInsideItAndNowhereElse() {
        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        create(claire, "alert", "nom", "crue", "champ.territory", "departement:42", "champ.title",
                "Vigilance crues sur la Loire", "champ.severity", "warning", "champ.validFrom", day(-1),
                "champ.validUntil", day(3));
        String onSaintEtienne = ALERT_PREVIEW + "?sur=commune:42218";

        // The département's fiche offers its communes, most populated first.
        String own = ui.send("GET", ALERT_PREVIEW, null, claire).body();
        assertThat(own).contains("Voir cet aperçu sur la fiche :",
                "<a class=\"fr-link\" href=\"" + ALERT_PREVIEW + "\" aria-current=\"page\">Loire (territoire de l&#39;alerte)</a>",
                "<a class=\"fr-link\" href=\"" + onSaintEtienne + "\">Saint-Étienne (commune 42218)</a>")
                .doesNotContain("Lyon");
        assertThat(own.indexOf("Saint-Étienne (commune 42218)")).isLessThan(own.indexOf("Saint-Chamond (commune 42207)"));

        HttpResponse<String> commune = ui.send("GET", onSaintEtienne, null, claire);
        assertThat(commune.statusCode()).as(commune.body()).isEqualTo(200);
        assertThat(commune.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(commune.headers().firstValue("X-Robots-Tag")).contains("noindex");
        assertThat(commune.body()).contains("<h1", "Saint-Étienne", "Vigilance crues sur la Loire", "fr-alert--warning",
                "l&#39;alerte « Vigilance crues sur la Loire »", "Budget participatif 2027",
                "href=\"" + onSaintEtienne + "\" aria-current=\"page\">Saint-Étienne (commune 42218)</a>");
        assertThat(ui.send("GET", ALERT_PREVIEW + "?sur=Commune%20:%2042207", null, claire).body())
                .contains("Saint-Chamond", "Vigilance crues sur la Loire");
        assertThat(publicPage("/communes/42218-saint-etienne").body()).doesNotContain("Vigilance crues");

        // Outside the département, an unknown commune, a level whose fiche shows only its own alerts: no preview.
        for (String outside : List.of("commune:69123", "commune:42999", "departement:69", "region:84", "epci:244200770")) {
            HttpResponse<String> refused = ui.send("GET", ALERT_PREVIEW + "?sur=" + outside, null, claire);
            assertThat(refused.statusCode()).as(outside).isEqualTo(404);
            assertThat(refused.body()).doesNotContain("Vigilance crues");
        }
        HttpResponse<String> malformed = ui.send("GET", ALERT_PREVIEW + "?sur=42218%3Cscript%3E", null, claire);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("n&#39;est pas une clé de territoire").doesNotContain("<script>");
        create(claire, "callout", "nom", "travaux", "champ.collectivite", "commune:42218", "champ.title", "Travaux",
                "champ.message", "<p>Fermée lundi</p>");
        assertThat(ui.send("GET", CALLOUT_PREVIEW + "?sur=commune:42218", null, claire).statusCode())
                .as("only an alert is shown on the communes inside its territory").isEqualTo(404);
        assertThat(ui.send("GET", onSaintEtienne, null, null).statusCode()).isEqualTo(303);
    }

    @Test
    void aDemarcheDraftPreviewsOnTheCommuneTheAuthorNames() {
        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        create(claire, "demarche", "nom", "carte-grise", "champ.code", "carte-grise", "champ.title",
                "Immatriculer un véhicule", "champ.url", "https://immatriculation.ants.gouv.fr/", "champ.position", "2");
        String preview = "/auteur/apercu/contenus/demarche/demarches/carte-grise";
        assertThat(ui.send("GET", "/auteur/contenus/demarche/demarches/carte-grise", null, claire).body())
                .contains("<form method=\"get\" action=\"" + preview + "\"", "name=\"commune\"");

        String page = ui.send("GET", preview + "?commune=42218", null, claire).body();
        assertThat(page).contains("Saint-Étienne", "Immatriculer un véhicule", "Demander un passeport");
        assertThat(page.indexOf(">Demander un passeport</a>")).as("by position").isPositive()
                .isLessThan(page.indexOf(">Immatriculer un véhicule</a>"));
        assertThat(ui.send("GET", preview, null, claire).statusCode()).as("no commune named").isEqualTo(404);
        assertThat(ui.send("GET", preview + "?commune=99999", null, claire).statusCode()).isEqualTo(404);
        assertThat(publicPage("/communes/42218-saint-etienne").body()).doesNotContain("Immatriculer un véhicule");
    }

    @Test
    void whoCannotReadTheDraftCannotSeeItThroughThePreview() {
        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        create(claire, "callout", "nom", "travaux", "champ.collectivite", "commune:42218",
                "champ.title", "Travaux à la mairie", "champ.message", "<p>Fermée lundi</p>");

        HttpResponse<String> anonymous = ui.send("GET", CALLOUT_PREVIEW, null, null);
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/auteur/connexion");
        assertThat(anonymous.body()).doesNotContain("Travaux à la mairie");

        String zoe = ui.signIn("zoe", AuthoringFixture.PASSWORD);
        HttpResponse<String> noRead = ui.send("GET", CALLOUT_PREVIEW, null, zoe);
        assertThat(noRead.statusCode()).isEqualTo(404);
        assertThat(noRead.body()).doesNotContain("Travaux à la mairie");
        assertThat(ui.send("GET", "/auteur/apercu/contenus/callout/callouts/..%2F..%2Fsecurity", null, claire).statusCode())
                .isEqualTo(404);
        assertThat(ui.send("GET", "/auteur/apercu/contenus/page/pages/charte", null, claire, "Accept", "text/html")
                .statusCode()).as("only the types shown on fiches").isEqualTo(404);
    }
}
