package fr.anct.opencollectivites.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.anct.opencollectivites.TestHttpServer;
import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.security.UserRequests;
import fr.anct.opencollectivites.publications.PublicationsTestSupport;
import fr.anct.opencollectivites.publications.StubWebServer;
import fr.anct.opencollectivites.publications.TaxonomySeeder;
import fr.anct.opencollectivites.publications.harvest.FetchLimits;
import fr.anct.opencollectivites.authoring.publications.HarvestNow;
import fr.anct.opencollectivites.authoring.publications.HarvestNowResource;
import fr.anct.opencollectivites.publications.harvest.Harvester;
import fr.anct.opencollectivites.publications.harvest.HttpFetcher;
import fr.anct.opencollectivites.publications.harvest.OutboundPolicy;
import fr.anct.opencollectivites.publications.harvest.PublicationWriter;
import fr.anct.opencollectivites.publications.harvest.TagPreview;
import fr.anct.opencollectivites.authoring.publications.TagPreviewResource;
import fr.anct.opencollectivites.security.Role;
import fr.anct.opencollectivites.tagging.ReferentielTagger;
import fr.anct.opencollectivites.tagging.TaggingRules;

/**
 * The editors' publication tools over real HTTP on a real repository, with the real tagger over the
 * fixture's référentiel (Loire, Saint-Étienne, Saint-Chamond, Saint-Étienne Métropole) and a real feed served by a
 * local web server: the tag preview (page {@code /auteur/etiquetage} and API) shows the tags a harvest writes for
 * the same text, and "harvest this source now" (page {@code /auteur/sources} and API) is for those who may
 * change the source.
 */
@Tag("http")
class PublicationToolsUiTest {
    private static final String SOURCE = "observatoire";
    private static final String[][] ITEMS = {
            {"obs-1", "Saint-Étienne Métropole : l'offre de médecins généralistes recule",
                    "<p>Dans la <strong>Loire</strong>, hors Saint-Chamond, la densité de médecins baisse depuis 2015.</p>"},
            {"obs-2", "Les Stéphanois et leur logement en 2022",
                    "<p>Le revenu de solidarité Outre-Mer n'est pas concerné ; le <em>nord</em> du département non plus.</p>"},
    };

    private static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newHttpClient();
    private AuthoringFixture fixture;
    private StubWebServer web;
    private TestHttpServer server;
    private UiClient ui;
    private ReferentielTagger tagger;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new AuthoringFixture();
        new TaxonomySeeder(fixture.repository, fixture.contentTypes).seed();
        fixture.user("claire", Set.of(Role.EDITOR), Set.of());
        fixture.user("paul", Set.of(Role.PUBLISHER), Set.of());
        web = new StubWebServer();
        web.body("/flux.xml", rss().getBytes(StandardCharsets.UTF_8), "application/rss+xml", null);
        PublicationsTestSupport.source(fixture.repository, SOURCE, "feed", web.uri("/flux.xml").toString(), false, Map.of());

        tagger = new ReferentielTagger(fixture.repository, fixture.contentTypes, TaggingRules.load(fixture.lightModule));
        Harvester harvester = new Harvester(fixture.repository, fixture.contentTypes, tagger,
                new HttpFetcher(FetchLimits.DEFAULT, OutboundPolicy.trusting("127.0.0.1")), fixture.messages, Clock.systemUTC());
        TagPreview preview = new TagPreview(harvester.tagging(), fixture.messages);
        HarvestNow harvestNow = new HarvestNow(harvester, fixture.feature.audit);
        UserRequests requests = new UserRequests(fixture.feature.userSessions);
        List<Object> resources = new ArrayList<>(fixture.feature.resources());
        resources.add(new TagPreviewResource(requests, preview));
        resources.add(new HarvestNowResource(requests, harvestNow));
        resources.addAll(new AuthoringUi(fixture.feature, fixture.repository, fixture.contentTypes, fixture.lightModule,
                fixture.messages, false).withPublicationTools(preview, harvestNow).resources());
        server = new TestHttpServer(resources.toArray());
        ui = new UiClient(server);
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
        web.close();
        tagger.close();
        fixture.close();
    }

    private static String rss() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Observatoire</title><link>https://observatoire.example/</link><description>Études</description>");
        for (String[] item : ITEMS) {
            xml.append("<item><guid>").append(item[0]).append("</guid><title>").append(item[1].replace("&", "&amp;"))
                    .append("</title><link>https://observatoire.example/").append(item[0]).append("</link>")
                    .append("<description><![CDATA[").append(item[2]).append("]]></description>")
                    .append("<pubDate>Tue, 03 Mar 2026 09:00:00 GMT</pubDate></item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    private static String draftPath(String guid) {
        return "/oc:authoring/publications" + PublicationWriter.relativePath(PublicationWriter.code(SOURCE,
                new fr.anct.opencollectivites.publications.harvest.HarvestedItem(guid, "t", null, "https://x", null, null)));
    }

    private String property(String path, String name) {
        return PublicationsTestSupport.property(fixture.repository, path, name);
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static Set<String> split(String joined) {
        return joined == null || joined.isEmpty() ? Set.of() : new TreeSet<>(List.of(joined.split("\\|")));
    }

    @Test
    void thePreviewShowsTheTagsTheHarvestWritesForTheSameText() {
        HttpResponse<String> run = api(fixture.token("paul"), "POST",
                "/.rest/authoring/v1/sources/" + SOURCE + "/harvest", null);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        assertThat(AuthoringFixture.json(run).get("status").asText()).isEqualTo("ok");
        assertThat(AuthoringFixture.json(run).get("created").asInt()).isEqualTo(ITEMS.length);

        String claire = fixture.token("claire");
        for (String[] item : ITEMS) {
            String draft = draftPath(item[0]);
            assertThat(property(draft, "title")).isEqualTo(item[1]);
            HttpResponse<String> preview = api(claire, "POST", "/.rest/authoring/v1/tagging/preview",
                    AuthoringFixture.body(Map.of("title", item[1], "summary", item[2])));
            assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
            JsonNode tags = AuthoringFixture.json(preview).get("tags");
            assertThat(values(tags.get("territories"))).as(item[1]).isEqualTo(split(property(draft, "autoTerritories")));
            assertThat(values(tags.get("themes"))).as(item[1]).isEqualTo(split(property(draft, "autoThemes")));
        }

        // What the editor reads: each tag, the words read and why; the words left out and why.
        JsonNode first = AuthoringFixture.json(api(claire, "POST", "/.rest/authoring/v1/tagging/preview",
                AuthoringFixture.body(Map.of("title", ITEMS[0][1], "summary", ITEMS[0][2]))));
        assertThat(values(first.get("tags").get("territories"))).containsExactly("departement:42", "epci:244200770");
        assertThat(first.get("territories").findValuesAsText("name")).contains("Saint-Étienne Métropole", "Loire");
        assertThat(first.get("territories").findValuesAsText("reason")).contains("son nom officiel");
        assertThat(first.get("ignored").get(0).get("words").asText()).isEqualTo("Saint-Chamond");
        assertThat(first.get("ignored").get(0).get("reason").asText()).isEqualTo("un territoire exclu (« hors … »)");
        assertThat(first.get("themes").get(0).get("code").asText()).isEqualTo("sante-social");
        assertThat(first.get("themes").get(0).get("keywords").get(0).asText()).isEqualTo("médecins");
        JsonNode second = AuthoringFixture.json(api(claire, "POST", "/.rest/authoring/v1/tagging/preview",
                AuthoringFixture.body(Map.of("title", ITEMS[1][1], "summary", ITEMS[1][2]))));
        assertThat(values(second.get("tags").get("territories"))).containsExactly("commune:42218");
        assertThat(second.get("territories").get(0).get("reason").asText()).startsWith("un gentilé ou un adjectif");
        assertThat(second.get("ignored").findValuesAsText("words")).contains("Outre-Mer");
    }

    @Test
    void theFormShowsEachTagAndWhyWithoutJavaScript() {
        assertThat(ui.send("GET", "/auteur/etiquetage", null, null).statusCode()).isEqualTo(303);
        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        HttpResponse<String> dashboard = ui.send("GET", "/auteur/", null, claire);
        assertThat(dashboard.body()).contains("href=\"/auteur/etiquetage\">Aperçu de l&#39;étiquetage</a>",
                "href=\"/auteur/sources\">Sources des publications</a>");
        HttpResponse<String> form = ui.send("GET", "/auteur/etiquetage", null, claire);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Cache-Control")).contains("no-store");
        String csrf = UiClient.field(form.body(), "csrf");

        HttpResponse<String> shown = ui.send("POST", "/auteur/etiquetage", UiClient.form(UiClient.fields("csrf", csrf,
                "titre", ITEMS[0][1], "resume", ITEMS[0][2] + "<script>alert(1)</script>")), claire);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("Territoires (2)",
                        "<th scope=\"row\"><a href=\"/epci/244200770\">Saint-Étienne Métropole</a></th>",
                        "<code>epci:244200770</code>", "<th scope=\"row\"><a href=\"/departements/42\">Loire</a></th>",
                        "son nom officiel", "<a href=\"/publications?theme=sante-social\">Santé &amp; Social</a>",
                        "Thématiques (1)", "« médecins »", "Mots écartés (1)", "<th scope=\"row\">« Saint-Chamond »</th>",
                        "un territoire exclu (« hors … »)")
                .as("what was pasted is shown back escaped").doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");

        HttpResponse<String> empty = ui.send("POST", "/auteur/etiquetage", UiClient.form(UiClient.fields("csrf", csrf,
                "titre", " ", "resume", "")), claire);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Saisissez un titre ou un résumé.");
        HttpResponse<String> tooLong = ui.send("POST", "/auteur/etiquetage", UiClient.form(UiClient.fields("csrf", csrf,
                "titre", "Loire", "resume", "a".repeat(TagPreview.MAX_SUMMARY + 1))), claire);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("Le résumé dépasse 20000 caractères.");
        assertThat(ui.send("POST", "/auteur/etiquetage", UiClient.form(UiClient.fields("csrf", "faux",
                "titre", "Loire")), claire).statusCode()).isEqualTo(403);

        // The API: signed in (401 otherwise), the same French refusals.
        HttpResponse<String> anonymous = api(null, "POST", "/.rest/authoring/v1/tagging/preview", "{\"title\":\"Loire\"}");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> invalid = api(fixture.token("claire"), "POST", "/.rest/authoring/v1/tagging/preview", "{}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(AuthoringFixture.json(invalid).get("error").get("message").asText())
                .isEqualTo("Saisissez un titre ou un résumé.");
    }

    /** A request to the authoring API served here, with a bearer token (null: none) and a JSON body (null: none). */
    private HttpResponse<String> api(String token, String method, String path, String json) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(server.uri(path))
                .timeout(java.time.Duration.ofSeconds(30)).method(method, json == null
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return TestHttpServer.send(CLIENT, request.build());
    }

    @Test
    void onlyThoseWhoMayChangeASourceHarvestItNow() {
        // An editor sees the sources and their state, without the button; the action is refused to her.
        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        HttpResponse<String> list = ui.send("GET", "/auteur/sources", null, claire);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("<tr id=\"source-observatoire\">",
                "<a href=\"/auteur/contenus/source/sources/observatoire\">Source observatoire</a>", "Jamais moissonnée",
                "Éléments à relire", "Réservé aux publieurs et administrateurs").doesNotContain("Moissonner maintenant");
        String csrf = UiClient.field(list.body(), "csrf");
        HttpResponse<String> refused = ui.send("POST", "/auteur/sources/" + SOURCE + "/moissonner",
                UiClient.form(UiClient.fields("csrf", csrf)), claire);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Vous ne pouvez pas moissonner la source « observatoire »");
        HttpResponse<String> refusedApi = api(fixture.token("claire"), "POST",
                "/.rest/authoring/v1/sources/" + SOURCE + "/harvest", null);
        assertThat(refusedApi.statusCode()).isEqualTo(403);
        assertThat(web.hits("/flux.xml")).as("nothing fetched for a refused request").isZero();
        assertThat(property("/publications/sources/" + SOURCE, "lastStatus")).isNull();

        // A publisher harvests it from the page: back to the list, which says what the run did.
        String paul = ui.signIn("paul", AuthoringFixture.PASSWORD);
        HttpResponse<String> page = ui.send("GET", "/auteur/sources", null, paul);
        assertThat(page.body()).contains("action=\"/auteur/sources/observatoire/moissonner\"",
                "Moissonner maintenant<span class=\"fr-sr-only\"> la source « Source observatoire »</span>");
        String paulCsrf = UiClient.field(page.body(), "csrf");
        assertThat(ui.send("POST", "/auteur/sources/" + SOURCE + "/moissonner", UiClient.form(UiClient.fields("csrf",
                "faux")), paul).statusCode()).as("a forged form").isEqualTo(403);
        assertThat(web.hits("/flux.xml")).isZero();
        HttpResponse<String> done = ui.send("POST", "/auteur/sources/" + SOURCE + "/moissonner",
                UiClient.form(UiClient.fields("csrf", paulCsrf)), paul);
        assertThat(done.statusCode()).isEqualTo(303);
        String location = done.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/auteur/sources?moissonnee=observatoire&nouvelles=2&modifiees=0&inchangees=0");
        HttpResponse<String> after = ui.send("GET", location.substring(location.indexOf("/auteur")), null, paul);
        assertThat(after.body()).contains("Source « Source observatoire » moissonnée : 2 nouvelle(s) publication(s), "
                + "0 modifiée(s), 0 inchangée(s).", "Réussi", "2 élément(s)");
        assertThat(fixture.exists(draftPath("obs-1"))).isTrue();
        List<fr.anct.opencollectivites.security.AuditLog.Entry> audit = fixture.repository.withSystemSession(
                session -> fixture.feature.audit.latest(session, 5));
        assertThat(audit).anySatisfy(entry -> {
                    assertThat(entry.who()).isEqualTo("paul");
                    assertThat(entry.action()).isEqualTo("source.harvest");
                    assertThat(entry.target()).isEqualTo(SOURCE);
                });

        // A second run through the API: unchanged items; an unknown source is a 404.
        HttpResponse<String> again = api(fixture.token("paul"), "POST",
                "/.rest/authoring/v1/sources/" + SOURCE + "/harvest", null);
        assertThat(AuthoringFixture.json(again).get("unchanged").asInt()).isEqualTo(2);
        assertThat(api(fixture.token("paul"), "POST", "/.rest/authoring/v1/sources/inconnue/harvest", null)
                .statusCode()).isEqualTo(404);
        assertThat(ui.send("POST", "/auteur/sources/inconnue/moissonner", UiClient.form(UiClient.fields("csrf", paulCsrf)),
                paul).body()).contains("Source inconnue : « inconnue ».");
    }

    @Test
    void aFailedHarvestSaysWhyInFrench() {
        PublicationsTestSupport.source(fixture.repository, "disparue", "feed", web.uri("/absent.xml").toString(), true,
                Map.of());
        String paul = ui.signIn("paul", AuthoringFixture.PASSWORD);
        String csrf = UiClient.field(ui.send("GET", "/auteur/sources", null, paul).body(), "csrf");
        HttpResponse<String> done = ui.send("POST", "/auteur/sources/disparue/moissonner",
                UiClient.form(UiClient.fields("csrf", csrf)), paul);
        assertThat(done.statusCode()).isEqualTo(303);
        String location = done.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> after = ui.send("GET", location.substring(location.indexOf("/auteur")), null, paul);
        assertThat(after.body()).contains("Le moissonnage de la source « Source disparue » a échoué : ",
                "a répondu avec le statut HTTP 404", "Échec");
        JsonNode sources = AuthoringFixture.json(api(fixture.token("paul"), "GET", "/.rest/authoring/v1/sources",
                null)).get("results");
        assertThat(sources.findValuesAsText("code")).containsExactly("disparue", SOURCE);
        assertThat(sources.get(0).get("lastStatus").asText()).isEqualTo("error");
        assertThat(sources.get(0).get("mayHarvest").asBoolean()).isTrue();
    }
}
