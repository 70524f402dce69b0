package fr.anct.opencollectivites.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.security.Role;

/** The generated callout form: validation in French, sanitising, and the workflow buttons per role. */
@Tag("repository")
@Tag("http")
class AuthoringFormUiTest {
    private static final String NEW = "/auteur/contenus/callout/nouveau";
    private static final String EDIT = "/auteur/contenus/callout/callouts/travaux";

    @RegisterExtension
    final AuthoringUiPlatform platform = new AuthoringUiPlatform().user("claire", Role.EDITOR).user("paul", Role.PUBLISHER);
    private final AuthoringFixture fixture = platform.fixture;
    private final UiClient ui = platform.ui;

    private String draftProperty(String name) {
        return fixture.repository.withSystemSession(s ->
                s.getNode("/oc:authoring/website/callouts/travaux").getProperty(name).getString());
    }

    @Test
    void theCalloutFormIsGeneratedFromItsTypeAndRefusesMissingFieldsInFrench() {
        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        HttpResponse<String> form = ui.send("GET", NEW, null, claire);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<input class=\"fr-input\" type=\"text\" value=\"\" id=\"champ-title\" name=\"champ.title\" required")
                .contains("<textarea class=\"fr-input\" rows=\"8\" id=\"champ-message\" name=\"champ.message\" required")
                .contains("type=\"date\" value=\"\" id=\"champ-validFrom\" name=\"champ.validFrom\"")
                .contains("name=\"csrf\" value=\"").doesNotContain("value=\"publish\"");
        String csrf = UiClient.field(form.body(), "csrf");

        HttpResponse<String> refused = ui.send("POST", NEW, UiClient.form(UiClient.fields("csrf", csrf, "nom", "travaux",
                "champ.collectivite", "commune:42218", "champ.title", "", "champ.message", "<p>Fermée</p>", "action", "save")), claire);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("corrigez les champs signalés").contains("fr-input-group--error")
                .contains("id=\"champ-title-erreur\"").contains("value=\"commune:42218\"");
        assertThat(fixture.exists("/oc:authoring/website/callouts/travaux")).isFalse();

        HttpResponse<String> badName = ui.send("POST", NEW, UiClient.form(UiClient.fields("csrf", csrf, "nom", "../x",
                "champ.title", "T", "action", "save")), claire);
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(badName.body()).contains("Ce nom n&#39;est pas valide");

        HttpResponse<String> forged = ui.send("POST", NEW, UiClient.form(UiClient.fields("csrf", "forged", "nom", "travaux",
                "champ.collectivite", "commune:42218", "champ.title", "Travaux", "champ.message", "<p>x</p>")), claire);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Le formulaire a expiré");
        assertThat(fixture.exists("/oc:authoring/website/callouts/travaux")).isFalse();
    }

    /** Pen-test finding: a {@code javascript:} link saved through the form; refused as the JSON API refuses it. */
    @Test
    void aJavascriptLinkIsRefusedByTheFormInFrench() {
        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        HttpResponse<String> form = ui.send("GET", NEW, null, claire);
        assertThat(form.body()).contains("type=\"url\" autocomplete=\"url\" value=\"\" id=\"champ-link\"");
        HttpResponse<String> refused = ui.send("POST", NEW, UiClient.form(UiClient.fields("csrf",
                UiClient.field(form.body(), "csrf"), "nom", "travaux", "champ.collectivite", "commune:42218",
                "champ.title", "Travaux", "champ.message", "<p>x</p>", "champ.link", "javascript:alert(document.cookie)",
                "action", "save")), claire);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"champ-link-erreur\"").contains("n&#39;est pas une adresse web");
        assertThat(fixture.exists("/oc:authoring/website/callouts/travaux")).isFalse();
    }

    @Test
    void anEditorSavesAndSubmitsAPublisherPublishes() {
        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        String csrf = UiClient.field(ui.send("GET", NEW, null, claire).body(), "csrf");
        HttpResponse<String> saved = ui.send("POST", NEW, UiClient.form(UiClient.fields("csrf", csrf, "nom", "travaux",
                "champ.collectivite", "commune:42218", "champ.title", "Travaux à la mairie",
                "champ.message", "<p>Fermée lundi</p><script>alert(1)</script>", "champ.validFrom", "2026-11-01",
                "action", "save")), claire);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith(EDIT + "?fait=save");
        assertThat(draftProperty("message")).contains("Fermée lundi").doesNotContain("script");
        assertThat(draftProperty("oc:status")).isEqualTo("draft");

        HttpResponse<String> edit = ui.send("GET", EDIT + "?fait=save", null, claire);
        assertThat(edit.body()).contains("Brouillon enregistré.").contains("value=\"Travaux à la mairie\"")
                .contains("value=\"2026-11-01\"").contains("value=\"submit\"").doesNotContain("value=\"publish\"")
                .doesNotContain("name=\"commentaire\"");

        // The buttons only mirror the roles: a hand-made publish by an editor is refused by the repository.
        HttpResponse<String> editorPublish = ui.send("POST", EDIT, UiClient.form(UiClient.fields("csrf", csrf,
                "action", "publish")), claire);
        assertThat(editorPublish.statusCode()).isEqualTo(403);
        assertThat(editorPublish.body()).contains("Votre compte ne permet pas cette action sur ce contenu.");
        assertThat(fixture.exists("/website/callouts/travaux")).isFalse();

        HttpResponse<String> submitted = ui.send("POST", EDIT, UiClient.form(UiClient.fields("csrf", csrf,
                "champ.collectivite", "commune:42218", "champ.title", "Travaux à la mairie",
                "champ.message", "<p>Fermée lundi</p>", "champ.validFrom", "2026-11-01", "action", "submit")), claire);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(303);
        assertThat(draftProperty("oc:status")).isEqualTo("submitted");

        String paul = ui.signIn("paul", AuthoringFixture.PASSWORD);
        assertThat(ui.send("GET", "/auteur/?statut=submitted", null, paul).body())
                .contains("href=\"" + EDIT + "\"").contains("Travaux à la mairie");
        HttpResponse<String> review = ui.send("GET", EDIT, null, paul);
        assertThat(review.body()).contains("Soumis").contains("value=\"publish\"").contains("name=\"commentaire\"");
        String paulCsrf = UiClient.field(review.body(), "csrf");
        HttpResponse<String> published = ui.send("POST", EDIT, UiClient.form(UiClient.fields("csrf", paulCsrf,
                "action", "publish")), paul);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(303);
        assertThat(fixture.exists("/website/callouts/travaux")).isTrue();
        assertThat(ui.send("GET", EDIT + "?fait=publish", null, paul).body()).contains("Contenu publié.")
                .contains("value=\"unpublish\"").contains("<a class=\"fr-link\" href=\"/communes/42218\">Voir la page publique</a>");
    }

    @Test
    void unknownTypesAndPathsAnswerNotFound() {
        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        assertThat(ui.send("GET", "/auteur/contenus/inconnu/nouveau", null, claire).statusCode()).isEqualTo(404);
        assertThat(ui.send("GET", "/auteur/contenus/callout/callouts/absent", null, claire).statusCode()).isEqualTo(404);
        assertThat(ui.send("GET", NEW, null, null).statusCode()).isEqualTo(303);
    }
}
