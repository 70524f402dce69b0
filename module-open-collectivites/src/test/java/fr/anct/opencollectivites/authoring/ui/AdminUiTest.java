package fr.anct.opencollectivites.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.jackrabbit.api.JackrabbitSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.security.Account;
import fr.anct.opencollectivites.security.Role;

/** The administration pages over real HTTP on a real repository: users, tokens, audit log, mini-sites. */
@Tag("repository")
@Tag("http")
class AdminUiTest {
    private static final String USERS = "/auteur/admin/utilisateurs";
    private static final List<String> PAGES = List.of("/auteur/admin/", USERS, USERS + "/claire", "/auteur/admin/jetons",
            "/auteur/admin/journal", "/auteur/admin/mini-sites");

    @RegisterExtension
    final AuthoringUiPlatform platform = new AuthoringUiPlatform().user("marie", Role.ADMINISTRATOR).user("claire", Role.EDITOR).user("paul", Role.PUBLISHER);
    private final AuthoringFixture fixture = platform.fixture;
    private final UiClient ui = platform.ui;

    private Account account(String login) {
        return fixture.repository.withSystemSession(s -> fixture.feature.accounts.find(s, login)).orElseThrow();
    }

    private boolean exists(String authorizable) {
        return fixture.repository.withSystemSession(s ->
                ((JackrabbitSession) s).getUserManager().getAuthorizable(authorizable) != null);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    private String csrf(String session) {
        return UiClient.field(ui.send("GET", "/auteur/", null, session).body(), "csrf");
    }

    /** A form post; a name may repeat (checkboxes). */
    private HttpResponse<String> post(String path, String session, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return ui.send("POST", path, body.toString(), session);
    }

    @Test
    void nonAdministratorsGet403OnEveryAdministrationRouteAndNoLink() {
        for (String login : List.of("claire", "paul")) {
            String session = ui.signIn(login, AuthoringFixture.PASSWORD);
            assertThat(ui.send("GET", "/auteur/", null, session).body()).doesNotContain("/auteur/admin/");
            for (String page : PAGES) {
                HttpResponse<String> answer = ui.send("GET", page, null, session);
                assertThat(answer.statusCode()).as(login + " GET " + page).isEqualTo(403);
                assertThat(answer.body()).contains("Cette page est réservée aux administrateurs.");
            }
            String csrf = csrf(session);
            List<HttpResponse<String>> posts = List.of(
                    post(USERS, session, "identifiant", "intrus", "courriel", "intrus@example.fr",
                            "motdepasse", "une phrase de passe assez longue", "role", "administrator", "csrf", csrf),
                    post(USERS + "/marie", session, "action", "desactiver", "csrf", csrf),
                    post(USERS + "/" + login, session, "action", "roles", "role", "administrator", "csrf", csrf),
                    post("/auteur/admin/jetons", session, "nom", "script", "csrf", csrf),
                    post("/auteur/admin/jetons/0123456789ab/revoquer", session, "csrf", csrf),
                    post("/auteur/admin/mini-sites", session, "nom", "Intrus", "slug", "intrus", "csrf", csrf));
            posts.forEach(p -> assertThat(p.statusCode()).as(login + " " + p.request().uri()).isEqualTo(403));
        }
        assertThat(exists("intrus")).isFalse();
        assertThat(exists("oc-team-intrus")).isFalse();
        assertThat(account("marie").disabled()).isFalse();
        assertThat(account("claire").roles()).containsExactly(Role.EDITOR);
        assertThat(fixture.feature.apiTokens.list("claire")).isEmpty();

        for (String page : PAGES) {
            assertThat(ui.send("GET", page, null, null).statusCode()).as("anonymous " + page).isEqualTo(303);
        }
        String marie = ui.signIn("marie", AuthoringFixture.PASSWORD);
        assertThat(ui.send("GET", "/auteur/", null, marie).body()).contains("href=\"/auteur/admin/\"");
        for (String page : PAGES) {
            assertThat(ui.send("GET", page, null, marie).statusCode()).as("marie " + page).isEqualTo(200);
        }
    }

    @Test
    void aForgedPostWithoutTheSessionTokenIsRefused() {
        String marie = ui.signIn("marie", AuthoringFixture.PASSWORD);
        HttpResponse<String> noToken = post(USERS, marie, "identifiant", "intrus", "courriel", "intrus@example.fr",
                "motdepasse", "une phrase de passe assez longue", "role", "administrator");
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("Le formulaire a expiré");
        assertThat(post(USERS + "/claire", marie, "action", "desactiver", "csrf", "faux").statusCode()).isEqualTo(403);
        assertThat(post("/auteur/admin/jetons", marie, "nom", "script").statusCode()).isEqualTo(403);
        assertThat(post("/auteur/admin/mini-sites", marie, "nom", "Intrus", "slug", "intrus").statusCode()).isEqualTo(403);
        assertThat(exists("intrus")).isFalse();
        assertThat(exists("oc-team-intrus")).isFalse();
        assertThat(account("claire").disabled()).isFalse();
        assertThat(fixture.feature.apiTokens.list("marie")).isEmpty();
    }

    @Test
    void anAdministratorCreatesAUserChangesTheirRolesDisablesAndEnablesThem() {
        String marie = ui.signIn("marie", AuthoringFixture.PASSWORD);
        String csrf = csrf(marie);
        HttpResponse<String> badEmail = post(USERS, marie, "identifiant", "lucas", "courriel", "pas-une-adresse",
                "motdepasse", "une phrase de passe assez longue", "role", "editor", "csrf", csrf);
        assertThat(badEmail.statusCode()).isEqualTo(400);
        assertThat(badEmail.body()).contains("Adresse électronique invalide").contains("value=\"lucas\"")
                .contains("aria-invalid=\"true\"");
        assertThat(post(USERS, marie, "identifiant", "lucas", "courriel", "lucas@example.fr", "motdepasse", "court",
                "csrf", csrf).body()).contains("au moins 12 caractères");
        assertThat(post(USERS, marie, "identifiant", "claire", "courriel", "c@example.fr", "csrf", csrf).body())
                .contains("est déjà pris");
        assertThat(exists("lucas")).isFalse();

        HttpResponse<String> created = post(USERS, marie, "identifiant", "lucas", "nom", "Lucas Martin",
                "courriel", "lucas@example.fr", "motdepasse", "une phrase de passe assez longue", "role", "editor",
                "role", "reviewer", "csrf", csrf);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        assertThat(location(created)).isEqualTo(USERS + "/lucas?fait=cree");
        assertThat(account("lucas").roles()).containsExactlyInAnyOrder(Role.EDITOR, Role.REVIEWER);
        assertThat(ui.send("GET", USERS, null, marie).body()).contains("href=\"" + USERS + "/lucas\"")
                .contains("Lucas Martin").contains("Rédacteur, Relecteur");
        String lucas = ui.signIn("lucas", AuthoringFixture.PASSWORD);

        HttpResponse<String> roles = post(USERS + "/lucas", marie, "action", "roles", "role", "publisher", "csrf", csrf);
        assertThat(location(roles)).isEqualTo(USERS + "/lucas?fait=roles");
        assertThat(account("lucas").roles()).containsExactly(Role.PUBLISHER);
        assertThat(ui.send("GET", USERS + "/lucas?fait=roles", null, marie).body())
                .contains("Rôles et équipes enregistrés.").contains("value=\"publisher\" checked");

        assertThat(post(USERS + "/lucas", marie, "action", "desactiver", "csrf", csrf).statusCode()).isEqualTo(303);
        assertThat(account("lucas").disabled()).isTrue();
        assertThat(ui.send("GET", "/auteur/", null, lucas).statusCode()).as("their session is closed").isEqualTo(303);
        assertThat(ui.send("GET", USERS, null, marie).body()).contains("Désactivé");
        assertThat(post(USERS + "/lucas", marie, "action", "activer", "csrf", csrf).statusCode()).isEqualTo(303);
        ui.signIn("lucas", AuthoringFixture.PASSWORD);

        HttpResponse<String> self = post(USERS + "/marie", marie, "action", "desactiver", "csrf", csrf);
        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(self.body()).contains("Vous ne pouvez ni désactiver votre propre compte");
        assertThat(post(USERS + "/marie", marie, "action", "roles", "role", "editor", "csrf", csrf).statusCode())
                .isEqualTo(400);
        assertThat(account("marie").roles()).containsExactly(Role.ADMINISTRATOR);
        assertThat(ui.send("GET", USERS + "/personne", null, marie).statusCode()).isEqualTo(404);
    }

    @Test
    void anAdministratorCreatesARevokesATokenShownOnlyOnce() {
        String marie = ui.signIn("marie", AuthoringFixture.PASSWORD);
        HttpResponse<String> created = post("/auteur/admin/jetons", marie, "nom", "import nocturne", "csrf", csrf(marie));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("no-store");
        String secret = created.body().replaceAll("(?s).*id=\"nouveau-jeton\" value=\"(oct_[A-Za-z0-9_-]{43})\".*", "$1");
        assertThat(secret).startsWith("oct_").hasSize(47);
        assertThat(created.body()).contains("il ne sera plus jamais affiché");
        assertThat(fixture.as(secret, "GET", "/.rest/authoring/v1/session", null).statusCode()).isEqualTo(200);

        String id = fixture.feature.apiTokens.list("marie").get(0).id();
        HttpResponse<String> list = ui.send("GET", "/auteur/admin/jetons", null, marie);
        assertThat(list.body()).contains("<code>" + id + "</code>").contains("import nocturne").doesNotContain(secret);

        HttpResponse<String> revoked = post("/auteur/admin/jetons/" + id + "/revoquer", marie, "csrf", csrf(marie));
        assertThat(location(revoked)).isEqualTo("/auteur/admin/jetons?fait=revoque");
        assertThat(fixture.as(secret, "GET", "/.rest/authoring/v1/session", null).statusCode()).isEqualTo(401);
        assertThat(ui.send("GET", "/auteur/admin/jetons?fait=revoque", null, marie).body()).contains("Jeton révoqué.")
                .contains("Vous n&#39;avez aucun jeton.");
    }

    @Test
    void theAuditLogIsFilteredByUserActionAndDateAndPaged() {
        // Days bracketing the entries (the test may run across midnight UTC); entries written in the same
        // millisecond keep their order (AuditLog's names), so page 1 is exactly n59 to n10.
        LocalDate firstDay = LocalDate.now(ZoneOffset.UTC);
        ui.signIn("claire", AuthoringFixture.PASSWORD);
        String marie = ui.signIn("marie", AuthoringFixture.PASSWORD);
        for (int i = 0; i < 60; i++) {
            fixture.feature.audit.record("paul", "publish", "website:/callouts/n" + i, "version 1");
        }
        HttpResponse<String> all = ui.send("GET", "/auteur/admin/journal", null, marie);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("website:/callouts/n59").doesNotContain("website:/callouts/n9<")
                .contains("Page suivante").doesNotContain("Page précédente");
        HttpResponse<String> second = ui.send("GET", "/auteur/admin/journal?page=2", null, marie);
        assertThat(second.body()).contains("website:/callouts/n9<").contains("Page précédente")
                .contains("<td>claire</td><td>Connexion</td>").doesNotContain("Page suivante");

        HttpResponse<String> claireLogins = ui.send("GET", "/auteur/admin/journal?qui=claire&action=login", null, marie);
        assertThat(claireLogins.body()).contains("<td>claire</td><td>Connexion</td>").doesNotContain("<td>paul</td>")
                .doesNotContain("<td>marie</td>");
        LocalDate lastDay = LocalDate.now(ZoneOffset.UTC);
        assertThat(ui.send("GET", "/auteur/admin/journal?du=" + firstDay + "&au=" + lastDay + "&qui=claire", null, marie).body())
                .contains("<td>claire</td>");
        assertThat(ui.send("GET", "/auteur/admin/journal?du=" + lastDay.plusDays(1), null, marie).body())
                .contains("Aucune action ne correspond.");
        HttpResponse<String> badDate = ui.send("GET", "/auteur/admin/journal?du=31-12-2026", null, marie);
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("Date invalide");
    }

    @Test
    void anAdministratorCreatesAMiniSiteWithItsTeamGroupAndPutsAUserInTheTeam() {
        String marie = ui.signIn("marie", AuthoringFixture.PASSWORD);
        String csrf = csrf(marie);
        HttpResponse<String> badSlug = post("/auteur/admin/mini-sites", marie, "nom", "Petites villes", "slug", "Petites Villes",
                "csrf", csrf);
        assertThat(badSlug.statusCode()).isEqualTo(400);
        assertThat(badSlug.body()).contains("est invalide (minuscules, chiffres et tirets)");
        assertThat(post("/auteur/admin/mini-sites", marie, "slug", "pvd", "csrf", csrf).body())
                .contains("Saisissez le nom du mini-site.");

        HttpResponse<String> created = post("/auteur/admin/mini-sites", marie, "nom", "Petites villes de demain",
                "slug", "petites-villes", "csrf", csrf);
        assertThat(location(created)).isEqualTo("/auteur/admin/mini-sites?cree=petites-villes");
        assertThat(exists("oc-team-petites-villes")).isTrue();
        assertThat(ui.send("GET", location(created), null, marie).body()).contains("Petites villes de demain")
                .contains("<code>oc-team-petites-villes</code>").contains("Mini-site « petites-villes » créé");
        assertThat(post("/auteur/admin/mini-sites", marie, "nom", "Encore", "slug", "petites-villes", "csrf", csrf)
                .statusCode()).as("a slug is taken once").isEqualTo(400);

        assertThat(ui.send("GET", USERS + "/claire", null, marie).body()).contains("value=\"petites-villes\"");
        post(USERS + "/claire", marie, "action", "roles", "role", "editor", "equipe", "petites-villes", "csrf", csrf);
        assertThat(account("claire").teams()).containsExactly("petites-villes");
        assertThat(account("claire").roles()).containsExactly(Role.EDITOR);
        assertThat(ui.send("GET", "/auteur/admin/journal?action=minisite.create", null, marie).body())
                .contains("<td>marie</td><td>Mini-site créé</td><td>petites-villes</td>");
    }

    @Test
    void resetByMailFromTheUserPageIsRecorded() {
        String marie = ui.signIn("marie", AuthoringFixture.PASSWORD);
        HttpResponse<String> reset = post(USERS + "/claire", marie, "action", "reinitialiser", "csrf", csrf(marie));
        assertThat(location(reset)).isEqualTo(USERS + "/claire?fait=reinitialiser");
        assertThat(ui.send("GET", location(reset), null, marie).body())
                .contains("Un lien de réinitialisation a été envoyé par courriel.");
        assertThat(ui.send("GET", "/auteur/admin/journal?action=user.reset", null, marie).body())
                .contains("<td>marie</td><td>Réinitialisation demandée</td><td>claire</td>");
    }
}
