package fr.anct.opencollectivites.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Calendar;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.jcr.Node;
import javax.jcr.NodeIterator;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.security.MailSettings;
import fr.anct.opencollectivites.security.Role;

/**
 * The password reset pages end to end: the "forgot" form, the mail (GreenMail, real SMTP), the page of the
 * mailed link, the policy messages, signing in with the new password; and an administrator's invitation.
 */
@Tag("repository")
@Tag("http")
class PasswordResetUiTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    private static final String BASE = "https://collectivites.example.fr";
    private static final String NEW_PASSWORD = "un tout nouveau mot de passe";

    private AuthoringUiPlatform platform;
    private AuthoringFixture fixture;
    private UiClient ui;

    @BeforeEach
    void setUp() throws Exception {
        // the mail server's port is known once its extension has started it, after this class's fields
        platform = new AuthoringUiPlatform(new AuthoringFixture(new MailSettings("127.0.0.1", MAIL.getSmtp().getPort(),
                "noreply@example.fr", null, null, false, BASE), null)).user("claire", Role.EDITOR).user("marie", Role.ADMINISTRATOR);
        fixture = platform.fixture;
        ui = platform.ui;
    }

    @AfterEach
    void tearDown() throws Exception {
        platform.close();
    }

    private HttpResponse<String> ask(String login) {
        HttpResponse<String> form = ui.send("GET", "/auteur/mot-de-passe-oublie", null, null);
        assertThat(form.statusCode()).isEqualTo(200);
        return ui.send("POST", "/auteur/mot-de-passe-oublie",
                UiClient.form(UiClient.fields("identifiant", login, "csrf", UiClient.field(form.body(), "csrf"))),
                null, "Cookie", "oc_reset_csrf=" + UiClient.cookie(form, "oc_reset_csrf"));
    }

    /** The path of the link in the only mail received, checked to point at this platform's page. */
    private static String mailedLink(String to) throws Exception {
        assertThat(MAIL.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage[] mails = MAIL.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo(to);
        String text = GreenMailUtil.getBody(mails[0]).replace("=\r\n", "").replace("=3D", "=");
        Matcher link = Pattern.compile(Pattern.quote(BASE) + "(/auteur/mot-de-passe\\?jeton=[A-Za-z0-9_-]{43})").matcher(text);
        assertThat(link.find()).as(text).isTrue();
        return link.group(1);
    }

    private HttpResponse<String> setPassword(String token, String password, String confirmation) {
        return ui.send("POST", "/auteur/mot-de-passe",
                UiClient.form(UiClient.fields("jeton", token, "motdepasse", password, "confirmation", confirmation)), null);
    }

    private int loginStatus(String login, String password) {
        HttpResponse<String> form = ui.send("GET", "/auteur/connexion", null, null);
        return ui.send("POST", "/auteur/connexion",
                UiClient.form(Map.of("login", login, "password", password, "csrf", UiClient.field(form.body(), "csrf"))),
                null, "Cookie", "oc_login_csrf=" + UiClient.cookie(form, "oc_login_csrf")).statusCode();
    }

    @Test
    void theLoginFormLinksToTheForgotPasswordForm() {
        assertThat(ui.send("GET", "/auteur/connexion", null, null).body())
                .contains("href=\"/auteur/mot-de-passe-oublie\"").contains("Mot de passe oublié ?");
    }

    @Test
    void aUserAsksForALinkFollowsItSetsAPasswordAndSignsInWithIt() throws Exception {
        HttpResponse<String> unknown = ask("personne@example.fr");
        HttpResponse<String> known = ask("claire@example.fr");
        assertThat(known.statusCode()).isEqualTo(303);
        assertThat(unknown.statusCode()).isEqualTo(303);
        assertThat(known.headers().firstValue("Location")).isEqualTo(unknown.headers().firstValue("Location"))
                .as("the same answer whether the account exists or not");
        HttpResponse<String> sent = ui.send("GET", "/auteur/mot-de-passe-oublie?envoye", null, null);
        assertThat(sent.body()).contains("Si un compte correspond, un courriel").contains("valable 60 minutes");

        String link = mailedLink("claire@example.fr");
        HttpResponse<String> page = ui.send("GET", link, null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("no-store");
        String token = UiClient.field(page.body(), "jeton");
        assertThat(page.body()).contains("Au moins 12 caractères").contains("autocomplete=\"new-password\"");

        assertThat(setPassword(token, NEW_PASSWORD, "autre chose").body())
                .contains("Les deux mots de passe ne sont pas identiques.");
        assertThat(setPassword(token, "court", "court").body()).contains("au moins 12 caractères");
        HttpResponse<String> common = setPassword(token, "motdepasse123", "motdepasse123");
        assertThat(common.statusCode()).isEqualTo(400);
        assertThat(common.body()).contains("trop courant");
        assertThat(setPassword(token, "claire au jardin", "claire au jardin").body())
                .contains("ne doit pas contenir l&#39;identifiant");

        HttpResponse<String> done = setPassword(token, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/auteur/mot-de-passe?fait");
        assertThat(ui.send("GET", "/auteur/mot-de-passe?fait", null, null).body())
                .contains("Votre mot de passe a été changé");

        assertThat(loginStatus("claire", AuthoringFixture.PASSWORD)).isEqualTo(401);
        ui.signIn("claire", NEW_PASSWORD);

        HttpResponse<String> again = setPassword(token, "encore un autre mot de passe", "encore un autre mot de passe");
        assertThat(again.statusCode()).as("the link works once").isEqualTo(400);
        assertThat(again.body()).contains("Ce lien est invalide, a déjà servi ou a expiré.")
                .contains("href=\"/auteur/mot-de-passe-oublie\"");
        ui.signIn("claire", NEW_PASSWORD);
    }

    @Test
    void anExpiredLinkIsRefusedAndAForgedRequestSendsNoMail() throws Exception {
        HttpResponse<String> forged = ui.send("POST", "/auteur/mot-de-passe-oublie",
                UiClient.form(UiClient.fields("identifiant", "claire", "csrf", "forge")), null);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(MAIL.waitForIncomingEmail(1_000, 1)).as("no mail for a forged request").isFalse();

        ask("claire");
        String token = UiClient.field(ui.send("GET", mailedLink("claire@example.fr"), null, null).body(), "jeton");
        fixture.repository.withSystemSession(s -> {
            for (NodeIterator it = s.getNode("/oc:system/security/resets").getNodes(); it.hasNext(); ) {
                Node reset = it.nextNode();
                Calendar past = Calendar.getInstance();
                past.add(Calendar.MINUTE, -1);
                reset.setProperty("expires", past);
            }
            s.save();
            return null;
        });
        HttpResponse<String> expired = setPassword(token, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(expired.body()).contains("Ce lien est invalide, a déjà servi ou a expiré.");
        assertThat(loginStatus("claire", NEW_PASSWORD)).isEqualTo(401);

        assertThat(ui.send("GET", "/auteur/mot-de-passe?jeton=pas-un-jeton", null, null).body())
                .contains("Ce lien est invalide");
    }

    @Test
    void anAdministratorInvitesAUserWhoChoosesAPasswordFromTheMail() throws Exception {
        String marie = ui.signIn("marie", AuthoringFixture.PASSWORD);
        String csrf = UiClient.field(ui.send("GET", "/auteur/admin/utilisateurs", null, marie).body(), "csrf");
        HttpResponse<String> created = ui.send("POST", "/auteur/admin/utilisateurs", "identifiant=lucas&nom=Lucas+Martin"
                + "&courriel=lucas%40example.fr&motdepasse=&role=editor&csrf=" + csrf, marie);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        assertThat(ui.send("GET", created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""),
                null, marie).body()).contains("un lien pour choisir son mot de passe a été envoyé");

        String link = mailedLink("lucas@example.fr");
        String token = UiClient.field(ui.send("GET", link, null, null).body(), "jeton");
        assertThat(setPassword(token, NEW_PASSWORD, NEW_PASSWORD).statusCode()).isEqualTo(303);
        String lucas = ui.signIn("lucas", NEW_PASSWORD);
        assertThat(ui.send("GET", "/auteur/", null, lucas).body()).contains("Messages sur une fiche");
    }
}
