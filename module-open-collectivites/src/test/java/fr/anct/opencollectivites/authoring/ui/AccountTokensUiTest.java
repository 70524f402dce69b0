package fr.anct.opencollectivites.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.anct.opencollectivites.TestHttpServer;
import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.security.Role;

/**
 * {@code /auteur/compte/jetons} over real HTTP on a real repository: any signed-in author creates, lists
 * and revokes their own API tokens; a token is shown once and acts with its owner's rights only (an
 * editor's token is refused what only administrators may do); a revoked token is refused (401); nobody
 * revokes another's token; every post needs the session's CSRF token.
 */
@Tag("repository")
@Tag("http")
class AccountTokensUiTest {
    private static final String API = "/.rest/authoring/v1/";
    private static final String TOKENS = "/auteur/compte/jetons";
    private static final Pattern SECRET = Pattern.compile("id=\"nouveau-jeton\" value=\"(oct_[^\"]+)\"");
    private static final Pattern ROW_ID = Pattern.compile("<td><code>([0-9a-f]{12})</code></td>");

    private AuthoringFixture fixture;
    private TestHttpServer server;
    private UiClient ui;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new AuthoringFixture();
        fixture.user("claire", Set.of(Role.EDITOR), Set.of());
        fixture.user("paul", Set.of(Role.PUBLISHER), Set.of());
        fixture.user("lea", Set.of(), Set.of());
        List<Object> resources = new ArrayList<>(fixture.feature.resources());
        resources.addAll(new AuthoringUi(fixture.feature, fixture.repository, fixture.contentTypes,
                TestLightModule.dir(), TestLightModule.messages(), false).resources());
        server = new TestHttpServer(resources.toArray());
        ui = new UiClient(server);
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
        fixture.close();
    }

    private HttpResponse<String> post(String path, String session, String... fields) {
        return ui.send("POST", path, UiClient.form(UiClient.fields(fields)), session);
    }

    private HttpResponse<String> api(String token, String method, String path, Map<String, Object> body) {
        return fixture.as(token, method, API + path, body == null ? null : AuthoringFixture.body(body));
    }

    /** Creates a token through the page; its secret, read from the creating answer. */
    private String createToken(String session, String name) {
        String csrf = UiClient.field(ui.send("GET", TOKENS, null, session).body(), "csrf");
        HttpResponse<String> created = post(TOKENS, session, "csrf", csrf, "nom", name);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(created.body()).contains("Jeton « " + name + " » créé. Copiez-le maintenant");
        Matcher secret = SECRET.matcher(created.body());
        assertThat(secret.find()).as("the secret, shown once").isTrue();
        return secret.group(1);
    }

    private static String onlyTokenId(String page) {
        Matcher id = ROW_ID.matcher(page);
        assertThat(id.find()).isTrue();
        String found = id.group(1);
        assertThat(id.find()).as("one token listed").isFalse();
        return found;
    }

    @Test
    void anEditorsTokenActsWithTheEditorsRightsOnlyAndIsRefusedOnceRevoked() {
        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        assertThat(ui.send("GET", "/auteur/", null, claire).body()).as("linked from the header")
                .contains("href=\"" + TOKENS + "\"");
        HttpResponse<String> empty = ui.send("GET", TOKENS, null, claire);
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("<h1>Jetons d&#39;API</h1>", "Vous n&#39;avez aucun jeton.");

        String secret = createToken(claire, "import nocturne");
        HttpResponse<String> list = ui.send("GET", TOKENS, null, claire);
        assertThat(list.body()).contains("import nocturne").doesNotContain(secret);
        String id = onlyTokenId(list.body());

        assertThat(api(secret, "POST", "drafts/website/pages/essai", Map.of("type", "page",
                "properties", Map.of("title", "Essai")))).as("what an editor may do").extracting(HttpResponse::statusCode)
                .isEqualTo(201);
        assertThat(api(secret, "POST", "workflow/publish/website/pages/essai", Map.of()).statusCode())
                .as("an editor does not publish").isEqualTo(403);
        assertThat(api(secret, "GET", "audit", null).statusCode()).as("the audit is the administrators'").isEqualTo(403);
        assertThat(api(secret, "POST", "users", Map.of("login", "intrus", "email", "intrus@example.fr",
                "roles", List.of("administrator"))).statusCode()).as("no account made by an editor's token").isEqualTo(403);
        assertThat(api(secret, "POST", "minisites", Map.of("slug", "pirate", "name", "Pirate")).statusCode())
                .isEqualTo(403);
        fixture.repository.withSystemSession(s -> {
            assertThat(s.nodeExists("/website/pages/essai")).isFalse();
            assertThat(((org.apache.jackrabbit.api.JackrabbitSession) s).getUserManager().getAuthorizable("intrus")).isNull();
            assertThat(s.nodeExists("/website/sites/pirate")).isFalse();
            return null;
        });

        String csrf = UiClient.field(list.body(), "csrf");
        HttpResponse<String> revoked = post(TOKENS + "/" + id + "/revoquer", claire, "csrf", csrf);
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(revoked.headers().firstValue("Location").orElseThrow()).endsWith(TOKENS + "?fait=revoque");
        assertThat(ui.send("GET", TOKENS + "?fait=revoque", null, claire).body()).contains("Jeton révoqué.",
                "Vous n&#39;avez aucun jeton.");
        assertThat(api(secret, "GET", "tokens", null).statusCode()).as("a revoked token").isEqualTo(401);
    }

    @Test
    void eachAuthorSeesAndRevokesTheirOwnTokensOnlyAndEveryPostNeedsTheSessionsToken() {
        String paul = ui.signIn("paul", AuthoringFixture.PASSWORD);
        String paulsSecret = createToken(paul, "script de Paul");
        String paulsId = onlyTokenId(ui.send("GET", TOKENS, null, paul).body());

        String lea = ui.signIn("lea", AuthoringFixture.PASSWORD);
        HttpResponse<String> leasPage = ui.send("GET", TOKENS, null, lea);
        assertThat(leasPage.body()).as("another author's tokens are not listed").doesNotContain(paulsId, "script de Paul");
        String csrf = UiClient.field(leasPage.body(), "csrf");
        assertThat(post(TOKENS + "/" + paulsId + "/revoquer", lea, "csrf", csrf).statusCode()).isEqualTo(404);
        assertThat(post(TOKENS + "/" + paulsId + "/revoquer", paul).statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(api(paulsSecret, "GET", "tokens", null).statusCode()).as("still valid").isEqualTo(200);

        HttpResponse<String> forged = post(TOKENS, lea, "nom", "sans jeton");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Le formulaire a expiré");
        assertThat(ui.send("GET", TOKENS, null, lea).body()).contains("Vous n&#39;avez aucun jeton.");
        assertThat(fixture.feature.apiTokens.list("lea")).isEmpty();

        assertThat(ui.send("GET", TOKENS, null, null).statusCode()).as("signed out: to the login form").isEqualTo(303);
        assertThat(post(TOKENS, null, "nom", "anonyme").statusCode()).isEqualTo(303);
    }
}
