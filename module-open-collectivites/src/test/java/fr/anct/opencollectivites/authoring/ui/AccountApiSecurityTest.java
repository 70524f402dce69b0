package fr.anct.opencollectivites.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.security.Role;

/** Pen-test findings on accounts through the JSON API, with the /auteur/ pages served beside it. */
@Tag("http")
class AccountApiSecurityTest {
    private static final String USERS = "/.rest/authoring/v1/users";

    @RegisterExtension
    final AuthoringUiPlatform platform = new AuthoringUiPlatform().user("ada", Role.ADMINISTRATOR)
            .user("claire", Role.EDITOR);
    private final AuthoringFixture fixture = platform.fixture;
    private final UiClient ui = platform.ui;

    private HttpResponse<String> api(String token, String method, String path, Map<String, Object> body) {
        return fixture.as(token, method, path, body == null ? null : AuthoringFixture.body(body));
    }

    /**
     * Finding 6: disabling a user through the API left their sessions and tokens valid (and /auteur/
     * answered 500); re-enabling revived old cookies. Now the one disable path ends the sessions for good
     * and suspends the tokens while the account is disabled.
     */
    @Test
    void disablingThroughTheApiEndsSessionsAndSuspendsTokens() {
        String admin = fixture.token("ada");
        String claireToken = fixture.token("claire");
        String claireCookie = ui.signIn("claire", AuthoringFixture.PASSWORD);
        assertThat(ui.send("GET", "/auteur/", null, claireCookie).statusCode()).isEqualTo(200);

        assertThat(api(admin, "PUT", USERS + "/claire", Map.of("disabled", true)).statusCode()).isEqualTo(200);
        assertThat(api(claireToken, "GET", "/.rest/authoring/v1/tokens", null).statusCode()).isEqualTo(401);
        assertThat(fixture.send("GET", "/.rest/authoring/v1/tokens", null, "Cookie", "oc_session=" + claireCookie)
                .statusCode()).isEqualTo(401);
        HttpResponse<String> page = ui.send("GET", "/auteur/", null, claireCookie);
        assertThat(page.statusCode()).as("no 500: the login page").isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElseThrow()).contains("/auteur/connexion");

        assertThat(api(admin, "PUT", USERS + "/claire", Map.of("disabled", false)).statusCode()).isEqualTo(200);
        assertThat(ui.send("GET", "/auteur/", null, claireCookie).statusCode()).as("the old cookie stays dead")
                .isEqualTo(303);
        assertThat(api(claireToken, "GET", "/.rest/authoring/v1/tokens", null).statusCode())
                .as("a suspended token works again").isEqualTo(200);
    }

    /** Finding 12: 500 on a reserved login, 400 instead of 403, an administrator demoting themself. */
    @Test
    void userAdministrationAnswersWhatItShould() {
        String admin = fixture.token("ada");
        String editor = fixture.token("claire");
        HttpResponse<String> everyone = api(admin, "POST", USERS, Map.of("login", "everyone", "email", "e@example.fr",
                "password", AuthoringFixture.PASSWORD));
        assertThat(everyone.statusCode()).isEqualTo(400);
        assertThat(everyone.body()).contains("est réservé au dépôt");

        assertThat(api(editor, "PUT", USERS + "/ada", Map.of("roles", List.of("editor"))).statusCode()).isEqualTo(403);
        assertThat(api(editor, "PUT", USERS + "/personne", Map.of("disabled", true)).statusCode()).isEqualTo(403);
        assertThat(api(editor, "POST", USERS, Map.of("login", "pirate", "email", "p@example.fr")).statusCode()).isEqualTo(403);

        HttpResponse<String> demoted = api(admin, "PUT", USERS + "/ada", Map.of("roles", List.of("editor")));
        assertThat(demoted.statusCode()).isEqualTo(400);
        assertThat(demoted.body()).contains("retirer le rôle d'administrateur");
        assertThat(api(admin, "PUT", USERS + "/ada", Map.of("disabled", true)).statusCode()).isEqualTo(400);
        assertThat(api(admin, "GET", USERS, null).body()).contains("\"login\":\"ada\"");
        assertThat(api(admin, "GET", "/.rest/authoring/v1/audit", null).statusCode()).as("still an administrator")
                .isEqualTo(200);
    }

    /** Finding 11: twelve spaces, {@code bbbbbbbbbbbb}, {@code 111111111111111} were accepted (and the blank one never signs in). */
    @Test
    void blankAndLowVarietyPasswordsAreRefusedInFrench() {
        String admin = fixture.token("ada");
        for (String weak : List.of("            ", "bbbbbbbbbbbb", "111111111111111", " une phrase avec espaces ")) {
            HttpResponse<String> refused = api(admin, "POST", USERS, Map.of("login", "faible", "email", "f@example.fr",
                    "password", weak));
            assertThat(refused.statusCode()).as("«%s»", weak).isEqualTo(400);
            assertThat(refused.body()).containsAnyOf("espace", "caractères différents");
        }
        assertThat(api(admin, "GET", USERS, null).body()).doesNotContain("\"faible\"");
        assertThat(api(admin, "POST", USERS, Map.of("login", "forte", "email", "f@example.fr",
                "password", "une phrase de passe solide")).statusCode()).isEqualTo(201);
    }

    /** Finding 12: no cap on sessions per account. Twelve sign-ins: the eleventh and twelfth end the oldest two. */
    @Test
    void anAccountKeepsAtMostItsTenNewestSessions() {
        List<String> cookies = new java.util.ArrayList<>();
        for (int i = 0; i < fr.anct.opencollectivites.security.WebSessions.MAX_PER_USER + 2; i++) {
            cookies.add(ui.signIn("claire", AuthoringFixture.PASSWORD));
        }
        for (String ended : cookies.subList(0, 2)) {
            assertThat(ui.send("GET", "/auteur/", null, ended).statusCode()).as("an oldest session, ended").isEqualTo(303);
        }
        for (String kept : cookies.subList(2, cookies.size())) {
            assertThat(ui.send("GET", "/auteur/", null, kept).statusCode()).isEqualTo(200);
        }
        assertThat(ui.send("GET", "/auteur/", null, ui.signIn("ada", AuthoringFixture.PASSWORD)).statusCode())
                .as("another account's sessions are its own").isEqualTo(200);
        assertThat(ui.send("GET", "/auteur/", null, cookies.get(2)).statusCode()).isEqualTo(200);
    }
}
