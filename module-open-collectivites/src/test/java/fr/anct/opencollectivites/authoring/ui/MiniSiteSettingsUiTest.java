package fr.anct.opencollectivites.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import fr.anct.opencollectivites.TestImages;
import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.collectivites.CollectivitePaths;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.repository.SessionProvider;
import fr.anct.opencollectivites.security.Role;
import fr.anct.opencollectivites.site.LiveBlocks;
import fr.anct.opencollectivites.site.MiniSiteResource;
import fr.anct.opencollectivites.site.SiteRenderer;
import fr.anct.opencollectivites.site.WebResources;

/**
 * A mini-site's settings page on real HTTP and a real repository: its team edits and publishes the name,
 * accent and navigation, which the public mini-site then shows; another team neither sees nor changes
 * them; a post without the session's token changes nothing. The preview of a draft page shows the alerts
 * block's alerts in force, read in the author's session.
 */
@Tag("repository")
@Tag("http")
class MiniSiteSettingsUiTest {
    private static final String API = "/.rest/authoring/v1/";
    private static final String SETTINGS = "/auteur/sites/pvd/reglages";

    @RegisterExtension
    final AuthoringUiPlatform platform = new AuthoringUiPlatform(f -> new MiniSiteResource(new SiteRenderer(
            TestLightModule.dir(), TestLightModule.messages(), new WebResources(TestLightModule.dir())),
            SessionProvider.anonymous(f.repository), LiveBlocks.withoutCatalogue(f.contentTypes)))
            .withTwoMiniSites();
    private final AuthoringFixture fixture = platform.fixture;
    private final UiClient ui = platform.ui;

    @BeforeEach
    void setUp() throws Exception {
        String admin = fixture.token("ada");
        for (String[] page : new String[][] {{"home", "Accueil PVD"}, {"agenda", "Agenda"}, {"contact", "Contact"}}) {
            assertThat(fixture.as(admin, "POST", API + "drafts/website/sites/pvd/" + page[0], AuthoringFixture.body(Map.of(
                    "type", "page", "properties", Map.of("title", page[1])))).statusCode()).isEqualTo(201);
            assertThat(fixture.as(admin, "POST", API + "workflow/publish/website/sites/pvd/" + page[0], "{}").statusCode())
                    .isEqualTo(200);
        }
        fixture.user("lea", Set.of(), Set.of("pvd"));
        fixture.user("marc", Set.of(), Set.of("acv"));
        fixture.user("paul", Set.of(Role.PUBLISHER), Set.of());
    }

    private String liveProperty(String name) {
        return fixture.repository.<String>withSystemSession(s -> s.getNode("/website/sites/pvd").getProperty(name).getString());
    }

    private HttpResponse<String> post(String path, String session, String... fields) {
        return ui.send("POST", path, UiClient.form(UiClient.fields(fields)), session);
    }

    @Test
    void theTeamEditsAndPublishesItsSettingsAndThePublicSiteShowsThem() {
        String lea = ui.signIn("lea", AuthoringFixture.PASSWORD);
        assertThat(ui.send("GET", "/auteur/pages/sites/pvd", null, lea).body()).contains("href=\"" + SETTINGS + "\"");

        HttpResponse<String> page = ui.send("GET", SETTINGS, null, lea);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.body()).contains("value=\"Petites villes de demain\"", "name=\"champ.logo\"",
                "<option value=\"green-emeraude\">Vert émeraude</option>", "name=\"navigation.2\"",
                "<option value=\"agenda\">Agenda (agenda)</option>", "name=\"champ.territories\"", "value=\"publish\"")
                .doesNotContain("name=\"champ.slug\"", "name=\"champ.teamGroup\"");
        String csrf = UiClient.field(page.body(), "csrf");

        HttpResponse<String> wrongAccent = post(SETTINGS, lea, "csrf", csrf, "champ.name", "PVD", "accent", "red-marianne");
        assertThat(wrongAccent.statusCode()).isEqualTo(400);
        assertThat(wrongAccent.body()).contains("id=\"accent-erreur\"", "Choisissez une couleur de la liste.");
        HttpResponse<String> wrongPage = post(SETTINGS, lea, "csrf", csrf, "champ.name", "PVD", "navigation.0", "inconnue");
        assertThat(wrongPage.statusCode()).isEqualTo(400);
        assertThat(wrongPage.body()).contains("id=\"navigation-erreur\"");

        HttpResponse<String> saved = post(SETTINGS, lea, "csrf", csrf, "champ.name", "Petites villes de demain 2030",
                "accent", "green-emeraude", "navigation.0", "home", "navigation.1", "contact", "navigation.2", "agenda",
                "champ.territories", "commune:42218\ndepartement:42", "action", "publish");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith(SETTINGS + "?fait=publish");
        assertThat(ui.send("GET", SETTINGS + "?fait=publish", null, lea).body()).contains("Les réglages sont publiés.",
                "<option value=\"green-emeraude\" selected>");

        String paul = ui.signIn("paul", AuthoringFixture.PASSWORD);
        HttpResponse<String> publisherPage = ui.send("GET", SETTINGS, null, paul);
        assertThat(publisherPage.statusCode()).isEqualTo(200);
        assertThat(publisherPage.body()).as("a publisher may publish too").contains("value=\"publish\"",
                "value=\"Petites villes de demain 2030\"");

        String site = ui.send("GET", "/sites/pvd/", null, null).body();
        assertThat(site).contains("Petites villes de demain 2030", "oc-accent-green-emeraude");
        assertThat(site.indexOf("href=\"/sites/pvd/contact\"")).as("navigation in the chosen order")
                .isPositive().isLessThan(site.indexOf("href=\"/sites/pvd/agenda\""));
        assertThat(liveProperty("slug"))
                .as("the administrator's properties are kept").isEqualTo("pvd");
    }

    @Test
    void anotherTeamCannotSeeOrChangeTheSettingsAndAForgedPostIsRefused() {
        String marc = ui.signIn("marc", AuthoringFixture.PASSWORD);
        assertThat(ui.send("GET", SETTINGS, null, marc).statusCode()).isEqualTo(404);
        String csrf = UiClient.field(ui.send("GET", "/auteur/sites/acv/reglages", null, marc).body(), "csrf");
        HttpResponse<String> forged = post(SETTINGS, marc, "csrf", csrf, "champ.name", "Piraté", "action", "publish");
        assertThat(forged.statusCode()).isIn(403, 404);

        String lea = ui.signIn("lea", AuthoringFixture.PASSWORD);
        HttpResponse<String> noToken = post(SETTINGS, lea, "champ.name", "Sans jeton", "action", "publish");
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("Le formulaire a expiré");
        assertThat(liveProperty("name"))
                .isEqualTo("Petites villes de demain");
        assertThat(ui.send("GET", SETTINGS, null, null).statusCode()).as("signed out: to the login form").isEqualTo(303);
    }

    @Test
    void theTeamUploadsALogoFromTheSettingsPageAndThePublicSiteServesIt() throws Exception {
        byte[] narrowLogo = TestImages.png(200, 100);
        String lea = ui.signIn("lea", AuthoringFixture.PASSWORD);
        HttpResponse<String> page = ui.send("GET", SETTINGS, null, lea);
        assertThat(page.body()).contains("enctype=\"multipart/form-data\"", "name=\"fichier.logo\"", "value=\"televerser:logo\"");
        String csrf = UiClient.field(page.body(), "csrf");

        HttpResponse<String> wrongType = ui.postMultipart(SETTINGS, UiClient.fields("csrf", csrf, "champ.name", "PVD",
                "accent", "blue-ecume", "action", "televerser:logo"), "fichier.logo", "logo.png",
                "<!doctype html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), lea);
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("id=\"champ-logo-erreur\"", "« logo.png »", "Type de fichier refusé",
                "value=\"PVD\"", "<option value=\"blue-ecume\" selected>");
        assertThat(siteAssets("pvd")).isEmpty();

        HttpResponse<String> uploaded = ui.postMultipart(SETTINGS, UiClient.fields("csrf", csrf, "champ.name", "PVD",
                "accent", "blue-ecume", "action", "televerser:logo"), "fichier.logo", "logo-pvd.png",
                narrowLogo, lea);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        assertThat(uploaded.body()).contains("Fichier téléversé : logo-pvd.png", "value=\"PVD\"");
        assertThat(siteAssets("pvd")).hasSize(1);
        Matcher picked = Pattern.compile("name=\"champ\\.logo\" value=\"(/\\.rest/assets/[0-9a-f]{32}/[0-9a-f]{64}/logo-pvd\\.png)\" checked")
                .matcher(uploaded.body());
        assertThat(picked.find()).as("the uploaded file is the chosen logo").isTrue();
        String logo = picked.group(1);
        assertThat(liveOrNull("logo")).as("nothing saved by the upload button").isNull();

        HttpResponse<String> published = ui.postMultipart(SETTINGS, UiClient.fields("csrf", csrf, "champ.name", "PVD",
                "champ.logo", logo, "action", "publish"), lea);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(303);
        assertThat(liveProperty("logo")).isEqualTo(logo);
        assertThat(ui.send("GET", "/sites/pvd/", null, null).body()).contains("<img class=\"fr-mr-2w\" src=\"" + logo + "?w=320\"");
        HttpResponse<byte[]> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(platform.server.uri(logo + "?w=320"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).as("a logo narrower than 320 px is shown as it is").isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(served.body()).isEqualTo(narrowLogo);
    }

    @Test
    void noOneElseUploadsIntoTheSitesFolder() throws Exception {
        byte[] png = TestImages.png(40, 40);
        String marc = ui.signIn("marc", AuthoringFixture.PASSWORD);
        String marcCsrf = UiClient.field(ui.send("GET", "/auteur/sites/acv/reglages", null, marc).body(), "csrf");
        HttpResponse<String> forged = ui.postMultipart(SETTINGS, UiClient.fields("csrf", marcCsrf, "champ.name", "Piraté",
                "action", "publish"), "fichier.logo", "pirate.png", png, marc);
        assertThat(forged.statusCode()).isIn(403, 404);

        String paul = ui.signIn("paul", AuthoringFixture.PASSWORD);
        HttpResponse<String> page = ui.send("GET", SETTINGS, null, paul);
        assertThat(page.body()).as("a publisher may publish the settings but not add files to the site's folder")
                .contains("value=\"publish\"").doesNotContain("name=\"fichier.logo\"");
        HttpResponse<String> refused = ui.postMultipart(SETTINGS, UiClient.fields("csrf", UiClient.field(page.body(), "csrf"),
                "champ.name", "PVD", "action", "televerser:logo"), "fichier.logo", "editeur.png", png, paul);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Le fichier « editeur.png » n&#39;a pas été enregistré : votre compte ne permet pas");

        assertThat(siteAssets("pvd")).as("the repository refused both").isEmpty();
        assertThat(liveProperty("name")).isEqualTo("Petites villes de demain");
        assertThat(liveOrNull("logo")).isNull();
    }

    private List<String> siteAssets(String slug) {
        return fixture.repository.withSystemSession(s -> {
            List<String> names = new ArrayList<>();
            if (s.nodeExists("/oc:assets/sites/" + slug)) {
                for (javax.jcr.NodeIterator it = s.getNode("/oc:assets/sites/" + slug).getNodes(); it.hasNext(); ) {
                    javax.jcr.Node node = it.nextNode();
                    if (node.isNodeType("oc:asset")) {
                        names.add(node.getName());
                    }
                }
            }
            return names;
        });
    }

    private String liveOrNull(String name) {
        return fixture.repository.<String>withSystemSession(s -> s.getNode("/website/sites/pvd").hasProperty(name)
                ? s.getNode("/website/sites/pvd").getProperty(name).getString() : null);
    }

    @Test
    void thePreviewShowsTheAlertsInForceOfADraftAlertsBlock() {
        java.time.Instant now = java.time.Instant.now();
        fixture.repository.withSystemSession(s -> {
            javax.jcr.Node alerts = org.apache.jackrabbit.commons.JcrUtils.getOrCreateByPath("/website/alerts", "mgnl:folder", s);
            alert(alerts, "crue", "Vigilance crues sur la Loire", now.minusSeconds(3600), now.plusSeconds(86_400));
            alert(alerts, "ancienne", "Alerte terminée", now.minusSeconds(3 * 86_400), now.minusSeconds(86_400));
            javax.jcr.Node block = s.getNode("/oc:authoring/website/sites/pvd/agenda").addNode("main", "mgnl:area")
                    .addNode("alerts", "mgnl:component");
            block.setProperty("mgnl:template", "open-collectivites:components/minisite-alerts");
            block.setProperty("territories", new String[] {"departement:42"});
            s.save();
            return null;
        });
        String lea = ui.signIn("lea", AuthoringFixture.PASSWORD);
        HttpResponse<String> preview = ui.send("GET", "/auteur/apercu/sites/pvd/agenda", null, lea);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Vigilance crues sur la Loire", "fr-alert--warning")
                .doesNotContain("Alerte terminée");
        assertThat(ui.send("GET", "/sites/pvd/agenda", null, null).body()).as("the block is not published yet")
                .doesNotContain("Vigilance crues sur la Loire");
    }

    @Test
    void thePreviewOfACommunesBlockListsTheDraftSitesCommunes() {
        fixture.repository.withSystemSession(s -> {
            ContentWriter writer = new ContentWriter();
            writer.upsert(s, CollectivitePaths.item(fixture.contentTypes.require("departement"), "42"),
                    fixture.contentTypes.require("departement"), Map.of("code", "42", "nom", "Loire"));
            writer.upsert(s, CollectivitePaths.commune(fixture.contentTypes.require("commune"), "COM", "42218"),
                    fixture.contentTypes.require("commune"), Map.of("code", "42218", "typecom", "COM", "nom", "Saint-Étienne",
                            "departement", "42", "population", 173_000L));
            s.getNode("/oc:authoring/website/sites/pvd/agenda").addNode("main", "mgnl:area").addNode("communes", "mgnl:component")
                    .setProperty("mgnl:template", "open-collectivites:components/minisite-communes");
            s.save();
            return null;
        });
        String lea = ui.signIn("lea", AuthoringFixture.PASSWORD);
        String csrf = UiClient.field(ui.send("GET", SETTINGS, null, lea).body(), "csrf");
        assertThat(post(SETTINGS, lea, "csrf", csrf, "champ.name", "Petites villes de demain",
                "champ.territories", "commune:42218", "action", "save").statusCode()).isEqualTo(303);

        HttpResponse<String> preview = ui.send("GET", "/auteur/apercu/sites/pvd/agenda", null, lea);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).as("the draft site's territories").contains("<caption>La commune du programme</caption>",
                "<a href=\"/communes/42218-saint-etienne\">Saint-Étienne</a></th><td>42218</td><td>Loire (42)</td>"
                        + "<td class=\"oc-number\">173\u202F000</td>");
    }

    private static void alert(javax.jcr.Node alerts, String name, String title, java.time.Instant from, java.time.Instant until)
            throws javax.jcr.RepositoryException {
        javax.jcr.Node alert = alerts.addNode(name, "oc:alert");
        alert.setProperty("territory", "departement:42");
        alert.setProperty("title", title);
        alert.setProperty("severity", "warning");
        alert.setProperty("validFrom", java.util.GregorianCalendar.from(from.atZone(java.time.ZoneOffset.UTC)));
        alert.setProperty("validUntil", java.util.GregorianCalendar.from(until.atZone(java.time.ZoneOffset.UTC)));
    }
}
