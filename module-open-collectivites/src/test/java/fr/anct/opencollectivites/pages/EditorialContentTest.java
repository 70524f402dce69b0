package fr.anct.opencollectivites.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.security.Role;

/** Callouts, alerts (territory and those inside it, expiry, RSS) and démarches, as the public reads them. */
@Tag("repository")
@Tag("http")
class EditorialContentTest {
    private static final String API = "/.rest/authoring/v1/";
    private AuthoringFixture fixture;
    private String editor;
    private String publisher;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new AuthoringFixture();
        fixture.user("edith", Set.of(Role.EDITOR), Set.of());
        fixture.user("paul", Set.of(Role.PUBLISHER), Set.of());
        editor = fixture.token("edith");
        publisher = fixture.token("paul");
        fixture.repository.withSystemSession(session -> {
            new ContentWriter().upsert(session, "/collectivites/communes/42/42218", fixture.contentTypes.require("commune"),
                    Map.of("code", "42218", "typecom", "COM", "nom", "Saint-Étienne", "departement", "42",
                            "region", "84", "epci", "244200770"));
            session.save();
            return null;
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    private void publish(String path, String type, Map<String, Object> properties) {
        assertThat(fixture.as(editor, "POST", API + "drafts/website/" + path,
                AuthoringFixture.body(Map.of("type", type, "properties", properties))).statusCode()).isEqualTo(201);
        assertThat(fixture.as(publisher, "POST", API + "workflow/publish/website/" + path, "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void alertsShowOnTheirTerritoryAndThoseInsideItAndExpireByThemselves() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant soon = now.plusSeconds(3);
        publish("alerts/crue", "alert", Map.of("territory", "departement:42", "title", "Crue du Furan",
                "severity", "alert", "validFrom", now.minusSeconds(60).toString(), "validUntil", soon.toString()));
        publish("alerts/eau", "alert", Map.of("territory", "commune:42218", "title", "Coupure d'eau",
                "severity", "info", "validFrom", now.minusSeconds(60).toString(),
                "validUntil", now.plusSeconds(3600).toString()));
        publish("alerts/ailleurs", "alert", Map.of("territory", "departement:69", "title", "Ailleurs",
                "severity", "warning", "validFrom", now.minusSeconds(60).toString(),
                "validUntil", now.plusSeconds(3600).toString()));
        fixture.as(editor, "POST", API + "drafts/website/alerts/brouillon", AuthoringFixture.body(Map.of("type", "alert",
                "properties", Map.of("territory", "commune:42218", "title", "Brouillon", "severity", "info",
                        "validFrom", now.minusSeconds(60).toString(), "validUntil", now.plusSeconds(3600).toString()))));

        String alerts = fixture.send("GET", "/.rest/open-collectivites/v1/editorial/alerts?commune=42218", null).body();
        assertThat(alerts).contains("Crue du Furan").contains("Coupure d'eau").doesNotContain("Ailleurs")
                .doesNotContain("Brouillon");
        assertThat(alerts.indexOf("Crue du Furan")).as("most severe first").isLessThan(alerts.indexOf("Coupure d'eau"));
        assertThat(fixture.send("GET", "/.rest/open-collectivites/v1/editorial/alerts.rss?commune=42218", null).body())
                .contains("<rss").contains("<title>Crue du Furan</title>").doesNotContain("Brouillon");

        await("the alert's end").atMost(Duration.between(Instant.now(), soon).plusSeconds(10))
                .untilAsserted(() -> assertThat(fixture.send("GET", "/.rest/open-collectivites/v1/editorial/alerts?commune=42218",
                        null).body()).doesNotContain("Crue du Furan").contains("Coupure d'eau"));
        assertThat(fixture.send("GET", "/.rest/open-collectivites/v1/editorial/alerts.rss?commune=42218", null).body())
                .as("the feed drops an expired alert too").doesNotContain("Crue du Furan").contains("<title>Coupure d'eau</title>");
        assertThat(fixture.send("GET", "/.rest/open-collectivites/v1/editorial/alerts?territoire=x", null).statusCode())
                .isEqualTo(400);
    }

    @Test
    void calloutsAndDemarchesArePublishedContent() {
        publish("callouts/marche", "callout", Map.of("collectivite", "commune:42218", "title", "Marché de Noël",
                "message", "<p>Place Jean-Jaurès</p><script>x()</script>"));
        publish("demarches/passeport", "demarche", Map.of("code", "passeport", "title", "Passeport",
                "url", "https://passeport.ants.gouv.fr/", "position", 2));
        publish("demarches/cni", "demarche", Map.of("code", "cni", "title", "Carte nationale d'identité",
                "url", "https://ants.gouv.fr/", "position", 1));
        String callouts = fixture.send("GET", "/.rest/open-collectivites/v1/editorial/callouts?collectivite=commune:42218",
                null).body();
        assertThat(callouts).contains("Marché de Noël").contains("Place Jean-Jaurès").doesNotContain("script");
        String demarches = fixture.send("GET", "/.rest/open-collectivites/v1/editorial/demarches", null).body();
        assertThat(demarches.indexOf("cni")).isLessThan(demarches.indexOf("passeport"));
    }

    /**
     * Pen-test finding: {@code javascript:} addresses were accepted in link fields and rendered into
     * {@code href}. A {@code url} property now takes absolute http(s) only, on every save; an address
     * stored before the rule is dropped again where it is read for a page or a feed.
     */
    @Test
    void onlyAbsoluteHttpAddressesAreAcceptedInLinkFieldsAndServed() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (String bad : new String[] {"javascript:alert(document.cookie)", " JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>",
                "//evil.example/", "/auteur/", "vbscript:x", "https://user:pw@evil.example/", "http://"}) {
            var refused = fixture.as(editor, "POST", API + "drafts/website/callouts/piege", AuthoringFixture.body(Map.of(
                    "type", "callout", "properties", Map.of("collectivite", "commune:42218", "title", "Piège",
                            "message", "<p>x</p>", "link", bad))));
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.body()).as(bad).contains("\"link\"").contains("n'est pas une adresse web");
        }
        assertThat(fixture.as(editor, "POST", API + "drafts/website/demarches/piege", AuthoringFixture.body(Map.of(
                "type", "demarche", "properties", Map.of("code", "piege", "title", "Piège", "url", "javascript:x()"))))
                .statusCode()).isEqualTo(400);
        publish("alerts/eau", "alert", Map.of("territory", "commune:42218", "title", "Coupure d'eau", "severity", "info",
                "validFrom", now.minusSeconds(60).toString(), "validUntil", now.plusSeconds(3600).toString(),
                "link", "https://www.saint-etienne.fr/eau"));
        assertThat(fixture.as(editor, "PUT", API + "drafts/website/alerts/eau", AuthoringFixture.body(Map.of(
                "properties", Map.of("link", "javascript:alert(1)")))).statusCode()).isEqualTo(400);
        publish("callouts/marche", "callout", Map.of("collectivite", "commune:42218", "title", "Marché",
                "message", "<p>x</p>", "link", "https://www.saint-etienne.fr/marche"));
        publish("demarches/cni", "demarche", Map.of("code", "cni", "title", "Carte d'identité", "url", "https://ants.gouv.fr/"));

        // stored before the rule (written straight into the live tree): never served as a link
        fixture.repository.withSystemSession(session -> {
            session.getNode("/website/alerts/eau").setProperty("link", "javascript:alert(1)");
            session.getNode("/website/callouts/marche").setProperty("link", "javascript:alert(2)");
            session.getNode("/website/demarches/cni").setProperty("url", "javascript:alert(3)");
            session.save();
            return null;
        });
        String alerts = fixture.send("GET", "/.rest/open-collectivites/v1/editorial/alerts?commune=42218", null).body();
        assertThat(alerts).contains("Coupure d'eau").doesNotContain("javascript");
        String rss = fixture.send("GET", "/.rest/open-collectivites/v1/editorial/alerts.rss?commune=42218", null).body();
        assertThat(rss).contains("Coupure d'eau").doesNotContain("javascript");
        assertThat(fixture.send("GET", "/.rest/open-collectivites/v1/editorial/callouts?collectivite=commune:42218", null)
                .body()).contains("Marché").doesNotContain("javascript");
        assertThat(fixture.send("GET", "/.rest/open-collectivites/v1/editorial/demarches", null).body())
                .doesNotContain("javascript").doesNotContain("Carte d'identité");
    }
}
