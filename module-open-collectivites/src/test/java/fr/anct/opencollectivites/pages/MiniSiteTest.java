package fr.anct.opencollectivites.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.anct.opencollectivites.TestHttpServer;
import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.delivery.DeliveryEndpoints;
import fr.anct.opencollectivites.delivery.DeliveryResource;
import fr.anct.opencollectivites.delivery.DeliveryService;
import fr.anct.opencollectivites.repository.SessionProvider;
import fr.anct.opencollectivites.security.Role;

/** An administrator creates a mini-site; its team builds a page of components; the delivery API serves it. */
@Tag("repository")
@Tag("http")
class MiniSiteTest {
    private static final String API = "/.rest/authoring/v1/";
    private AuthoringFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new AuthoringFixture();
        fixture.user("ada", Set.of(Role.ADMINISTRATOR), Set.of());
        fixture.user("edith", Set.of(Role.EDITOR), Set.of());
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    private HttpResponse<String> post(String token, String path, Map<String, Object> body) {
        return fixture.as(token, "POST", API + path, AuthoringFixture.body(body));
    }

    private HttpResponse<String> put(String token, String path, Map<String, Object> properties) {
        return fixture.as(token, "PUT", API + path, AuthoringFixture.body(Map.of("properties", properties)));
    }

    /**
     * Pen-test finding: through the JSON API a team took another team's host name, the platform's own
     * host, an administrators' group, a new slug; an editor created a mini-site node under the pages. The
     * API now applies the settings form's rules (they live in the domain, {@link MiniSiteRules}).
     */
    @Test
    void theJsonApiAppliesTheMiniSiteRulesOfTheForm() {
        String admin = fixture.token("ada");
        for (String slug : List.of("pvd", "acv")) {
            assertThat(post(admin, "minisites", Map.of("slug", slug, "name", "Site " + slug)).statusCode()).isEqualTo(201);
            assertThat(post(admin, "users", Map.of("login", slug + "1", "password", AuthoringFixture.PASSWORD,
                    "email", slug + "1@example.fr", "teams", List.of(slug))).statusCode()).isEqualTo(201);
        }
        String pvd = fixture.token("pvd1");
        String acv = fixture.token("acv1");
        assertThat(put(acv, "drafts/website/sites/acv", Map.of("hostName", "acv.exemple.fr")).statusCode()).isEqualTo(200);

        HttpResponse<String> taken = put(pvd, "drafts/website/sites/pvd", Map.of("hostName", "ACV.exemple.fr "));
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.body()).contains("hostName").contains("Le nom d'hôte acv.exemple.fr est déjà celui d'un autre mini-site.");
        for (String reserved : List.of("localhost", "pvd.localhost", "127.0.0.1", "exemple")) {
            assertThat(put(pvd, "drafts/website/sites/pvd", Map.of("hostName", reserved)).statusCode()).as(reserved)
                    .isEqualTo(400);
        }
        HttpResponse<String> group = put(pvd, "drafts/website/sites/pvd", Map.of("teamGroup", "oc-administrators"));
        assertThat(group.statusCode()).isEqualTo(400);
        assertThat(group.body()).contains("teamGroup").contains("Fixé à la création du mini-site");
        assertThat(put(pvd, "drafts/website/sites/pvd", Map.of("slug", "acv")).statusCode()).isEqualTo(400);
        assertThat(put(admin, "drafts/website/sites/pvd", Map.of("slug", "autre")).statusCode())
                .as("not even an administrator: the node's name and access rules were made with it").isEqualTo(400);
        assertThat(put(pvd, "drafts/website/sites/pvd", Map.of("accent", "red")).statusCode()).isEqualTo(400);
        assertThat(put(pvd, "drafts/website/sites/pvd", Map.of("navigation", List.of("inexistante"))).statusCode())
                .isEqualTo(400);

        HttpResponse<String> fake = post(fixture.token("edith"), "drafts/website/pages/faux-site", Map.of("type", "minisite",
                "properties", Map.of("name", "Faux", "slug", "faux", "teamGroup", "oc-editors", "hostName", "faux.exemple.fr")));
        assertThat(fake.statusCode()).isEqualTo(400);
        assertThat(fake.body()).contains("Un mini-site se crée depuis l'administration");
        assertThat(fixture.exists("/oc:authoring/website/pages/faux-site")).isFalse();

        assertThat(put(pvd, "drafts/website/sites/pvd", Map.of("hostName", "petites-villes.exemple.fr", "accent",
                "green-emeraude")).statusCode()).isEqualTo(200);
        JsonNode draft = AuthoringFixture.json(fixture.as(pvd, "GET", API + "drafts/website/sites/pvd", null));
        assertThat(draft.path("properties").path("teamGroup").asText()).isEqualTo("oc-team-pvd");
        assertThat(draft.path("properties").path("slug").asText()).isEqualTo("pvd");
        assertThat(draft.path("properties").path("hostName").asText()).isEqualTo("petites-villes.exemple.fr");
    }

    @Test
    void aTeamBuildsItsMiniSiteFromComponentsAndTheDeliveryApiServesThePageModel() {
        String admin = fixture.token("ada");
        assertThat(post(fixture.token("edith"), "minisites", Map.of("slug", "pvd", "name", "Petites villes de demain"))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> created = post(admin, "minisites", Map.of("slug", "pvd", "name", "Petites villes de demain"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(AuthoringFixture.json(created).get("teamGroup").asText()).isEqualTo("oc-team-pvd");

        assertThat(post(admin, "users", Map.of("login", "pvd1", "password", AuthoringFixture.PASSWORD,
                "email", "pvd1@example.fr", "teams", List.of("pvd"))).statusCode()).isEqualTo(201);
        String team = fixture.token("pvd1");

        assertThat(post(team, "drafts/website/sites/pvd/home", Map.of("type", "page",
                "properties", Map.of("title", "Accueil PVD"))).statusCode()).isEqualTo(201);
        assertThat(post(team, "drafts/website/sites/pvd/home/main", Map.of("type", "area")).statusCode()).isEqualTo(201);
        HttpResponse<String> component = post(team, "drafts/website/sites/pvd/home/main/intro", Map.of(
                "type", "component:minisite-text", "properties", Map.of("title", "Le programme",
                        "text", "<p>Mille communes <img src=x onerror=alert(1)></p>")));
        assertThat(component.statusCode()).as(component.body()).isEqualTo(201);
        assertThat(post(team, "drafts/website/sites/pvd/home/main/fiches", Map.of(
                "type", "component:minisite-fiches", "properties", Map.of("territories", List.of("commune:42218"))))
                .statusCode()).isEqualTo(201);
        HttpResponse<String> invalid = post(team, "drafts/website/sites/pvd/home/main/bad", Map.of(
                "type", "component:minisite-text", "properties", Map.of("title", "sans texte")));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(fixture.as(team, "PUT", API + "drafts/website/sites/pvd", AuthoringFixture.body(Map.of("properties",
                Map.of("accent", "green-emeraude", "navigation", List.of("home"))))).statusCode()).isEqualTo(200);
        assertThat(post(team, "drafts/website/pages/intrusion", Map.of("type", "page",
                "properties", Map.of("title", "Hors du mini-site"))).statusCode()).isIn(403, 404);

        assertThat(fixture.as(team, "POST", API + "workflow/publish/website/sites/pvd", "{}").statusCode()).isEqualTo(200);
        assertThat(fixture.as(team, "POST", API + "workflow/publish/website/sites/pvd/home", "{}").statusCode()).isEqualTo(200);

        DeliveryService delivery = new DeliveryService(DeliveryEndpoints.load(TestLightModule.dir(), fixture.contentTypes),
                fixture.contentTypes);
        try (TestHttpServer server = new TestHttpServer(new DeliveryResource(delivery,
                SessionProvider.anonymous(fixture.repository), TestLightModule.messages()))) {
            JsonNode home = AuthoringFixture.json(server.get("/.rest/delivery/pages/sites/pvd/home"));
            assertThat(home.get("mgnl:template").asText()).isEqualTo("open-collectivites:pages/minisite-home");
            assertThat(home.get("title").asText()).isEqualTo("Accueil PVD");
            JsonNode intro = home.get("main").get("intro");
            assertThat(intro.get("mgnl:template").asText()).isEqualTo("open-collectivites:components/minisite-text");
            assertThat(intro.get("text").asText()).contains("Mille communes").doesNotContain("onerror");
            assertThat(home.get("main").get("@nodes").toString()).isEqualTo("[\"intro\",\"fiches\"]");
            String order = fixture.repository.withAnonymousSession(s -> {
                StringBuilder names = new StringBuilder();
                for (var it = s.getNode("/website/sites/pvd/home/main").getNodes(); it.hasNext(); ) {
                    names.append(it.nextNode().getName()).append(' ');
                }
                return names.toString().trim();
            });
            assertThat(order).as("components keep the authored order").isEqualTo("intro fiches");
            JsonNode site = AuthoringFixture.json(server.get("/.rest/delivery/pages/sites/pvd"));
            assertThat(site.get("accent").asText()).isEqualTo("green-emeraude");

            // a new draft over the published page stays the team's until it is published
            assertThat(fixture.as(team, "PUT", API + "drafts/website/sites/pvd/home", AuthoringFixture.body(Map.of(
                    "properties", Map.of("title", "Accueil PVD, version de travail")))).statusCode()).isEqualTo(200);
            assertThat(server.get("/.rest/delivery/pages/sites/pvd/home").body()).contains("Accueil PVD")
                    .doesNotContain("version de travail");
            assertThat(fixture.as(team, "POST", API + "workflow/publish/website/sites/pvd/home", "{}").statusCode()).isEqualTo(200);
            assertThat(server.get("/.rest/delivery/pages/sites/pvd/home").body()).contains("Accueil PVD, version de travail");
        }
    }
}
