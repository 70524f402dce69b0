package fr.anct.opencollectivites.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.web.Json;
import fr.anct.opencollectivites.publishing.ItemPath;
import fr.anct.opencollectivites.security.Role;

/** The authoring pages' sign-in, sign-out and dashboard over real HTTP, on a real repository. */
@Tag("repository")
@Tag("http")
class AuthoringLoginUiTest {
    @RegisterExtension
    final AuthoringUiPlatform platform = new AuthoringUiPlatform().user("claire", Role.EDITOR).user("lea");
    private final AuthoringFixture fixture = platform.fixture;
    private final UiClient ui = platform.ui;

    @BeforeEach
    void setUp() throws Exception {
        fixture.repository.withSystemSession(session -> {
            fixture.feature.drafts.create(session, ItemPath.of("website", "/callouts/travaux-mairie"), "callout",
                    Json.object().put("collectivite", "commune:42218").put("title", "Travaux à la mairie")
                            .put("message", "<p>Fermée lundi</p>"));
            fixture.feature.drafts.create(session, ItemPath.of("website", "/callouts/fete"), "callout",
                    Json.object().put("collectivite", "commune:42218").put("title", "Fête de la musique")
                            .put("message", "<p>Place Jean-Jaurès</p>"));
            return null;
        });
    }

    @Test
    void everyAuthorPageSendsAnonymousVisitorsToTheLoginForm() {
        HttpResponse<String> dashboard = send("GET", "/auteur/", null, null);
        assertThat(dashboard.statusCode()).isEqualTo(303);
        assertThat(dashboard.headers().firstValue("Location").orElseThrow()).endsWith("/auteur/connexion");

        HttpResponse<String> form = send("GET", "/auteur/connexion", null, null);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("no-store");
        assertThat(form.body()).contains("<form method=\"post\" action=\"/auteur/connexion\"")
                .contains("name=\"csrf\"").contains("Mot de passe").contains("fr-header");
    }

    /** Session fixation through the login form: a session id planted in the browser before login is worthless after it. */
    @Test
    void aSessionIdPlantedBeforeLoginThroughTheFormIsWorthlessAfterIt() {
        String planted = signIn("lea", AuthoringFixture.PASSWORD);
        assertThat(send("GET", "/auteur/", null, planted).statusCode()).isEqualTo(200);

        String fresh = ui.signIn("claire", AuthoringFixture.PASSWORD, planted);

        assertThat(fresh).isNotEqualTo(planted);
        HttpResponse<String> withPlanted = send("GET", "/auteur/", null, planted);
        assertThat(withPlanted.statusCode()).isEqualTo(303);
        assertThat(withPlanted.headers().firstValue("Location").orElseThrow()).endsWith("/auteur/connexion");
        assertThat(fixture.send("GET", "/.rest/authoring/v1/session", null, "Cookie", "oc_session=" + planted)
                .statusCode()).isEqualTo(401);
        HttpResponse<String> withFresh = send("GET", "/auteur/", null, fresh);
        assertThat(withFresh.statusCode()).isEqualTo(200);
        assertThat(withFresh.body()).contains("claire");
    }

    @Test
    void anEditorSignsInSeesTheDraftsFiltersThemAndSignsOut() {
        String session = signIn("claire", AuthoringFixture.PASSWORD);

        HttpResponse<String> dashboard = send("GET", "/auteur/", null, session);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Messages sur une fiche").contains("Travaux à la mairie")
                .contains("Fête de la musique").contains("href=\"/auteur/contenus/callout/callouts/fete\"")
                .contains("href=\"/auteur/contenus/callout/nouveau\"");

        HttpResponse<String> searched = send("GET", "/auteur/?q=mairie", null, session);
        assertThat(searched.body()).contains("Travaux à la mairie").doesNotContain("Fête de la musique");
        HttpResponse<String> submittedOnly = send("GET", "/auteur/?statut=submitted", null, session);
        assertThat(submittedOnly.body()).doesNotContain("Travaux à la mairie").doesNotContain("Fête de la musique");

        String csrf = field(dashboard.body(), "csrf");
        HttpResponse<String> forged = send("POST", "/auteur/deconnexion", form(Map.of("csrf", "forged")), session);
        assertThat(forged.statusCode()).as("a forged sign-out is refused, the session goes on").isEqualTo(403);
        assertThat(send("GET", "/auteur/", null, session).statusCode()).isEqualTo(200);

        HttpResponse<String> out = send("POST", "/auteur/deconnexion", form(Map.of("csrf", csrf)), session);
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/auteur/connexion");
        assertThat(send("GET", "/auteur/", null, session).statusCode()).isEqualTo(303);
    }

    @Test
    void aUserWithoutAnAuthorRoleSeesNoContentType() {
        String session = signIn("lea", AuthoringFixture.PASSWORD);
        HttpResponse<String> dashboard = send("GET", "/auteur/", null, session);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("ne permet de rédiger aucun type").doesNotContain("Travaux à la mairie");
    }

    @Test
    void wrongPasswordsForgedFormsAndRepeatedFailuresAreRefusedInFrench() {
        HttpResponse<String> form = send("GET", "/auteur/connexion", null, null);
        String loginCsrf = loginCsrfCookie(form);
        String token = field(form.body(), "csrf");

        HttpResponse<String> forged = send("POST", "/auteur/connexion",
                form(Map.of("login", "claire", "password", AuthoringFixture.PASSWORD, "csrf", "forged")),
                null, "Cookie", "oc_login_csrf=" + loginCsrf);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Le formulaire a expiré");
        assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("oc_session=") && !c.startsWith("oc_session=;"));

        HttpResponse<String> wrong = null;
        for (int i = 0; i < 8; i++) {
            wrong = send("POST", "/auteur/connexion",
                    form(Map.of("login", "claire", "password", "pas le bon mot de passe", "csrf", token)),
                    null, "Cookie", "oc_login_csrf=" + loginCsrf);
            if (wrong.statusCode() == 429) {
                break;
            }
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("Identifiant ou mot de passe incorrect").contains("value=\"claire\"");
        }
        assertThat(wrong.statusCode()).isEqualTo(429);
        assertThat(wrong.body()).contains("Trop de tentatives");
        assertThat(wrong.headers().firstValue("Retry-After")).isPresent();
    }

    private String signIn(String login, String password) {
        return ui.signIn(login, password);
    }

    private static String loginCsrfCookie(HttpResponse<String> response) {
        return UiClient.cookie(response, "oc_login_csrf");
    }

    private static String field(String html, String name) {
        return UiClient.field(html, name);
    }

    private static String form(Map<String, String> fields) {
        return UiClient.form(fields);
    }

    private HttpResponse<String> send(String method, String path, String formBody, String session, String... headers) {
        return ui.send(method, path, formBody, session, headers);
    }
}
