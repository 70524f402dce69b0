package fr.anct.opencollectivites.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.web.Json;
import fr.anct.opencollectivites.publishing.ItemPath;
import fr.anct.opencollectivites.security.Role;

/** The versions page of an item: list, diff as a table, restore for publishers only, over real HTTP. */
@Tag("repository")
@Tag("http")
class VersionsUiTest {
    private static final String PAGE = "/auteur/versions/callout/callouts/travaux";
    private static final ItemPath ITEM = ItemPath.of("website", "/callouts/travaux");

    @RegisterExtension
    final AuthoringUiPlatform platform = new AuthoringUiPlatform().user("claire", Role.EDITOR).user("paul", Role.PUBLISHER);
    private final AuthoringFixture fixture = platform.fixture;
    private final UiClient ui = platform.ui;

    @BeforeEach
    void setUp() throws Exception {
        fixture.repository.withSystemSession(s -> {
            fixture.feature.drafts.create(s, ITEM, "callout", Json.object().put("collectivite", "commune:42218")
                    .put("title", "Travaux à la mairie").put("message", "<p>Fermée lundi</p>"));
            return null;
        });
        publishAsPaul();
        editDraft("Travaux prolongés à la mairie");
        publishAsPaul();
        editDraft("Brouillon en cours");
    }

    private void publishAsPaul() {
        fixture.feature.userSessions.as("paul", s -> fixture.feature.workflow.publish(s, ITEM));
    }

    private void editDraft(String title) {
        fixture.repository.withSystemSession(s -> {
            fixture.feature.drafts.update(s, ITEM, Json.object().put("title", title));
            return null;
        });
    }

    private String liveTitle() {
        return fixture.repository.withSystemSession(s ->
                s.getNode("/website/callouts/travaux").getProperty("title").getString());
    }

    private int versionCount() {
        return fixture.feature.userSessions.as("paul", s -> fixture.feature.workflow.versions(s, ITEM).size());
    }

    @Test
    void anEditorReadsTheVersionsAndTheirDiffButIsOfferedNoRestore() {
        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        HttpResponse<String> form = ui.send("GET", "/auteur/contenus/callout/callouts/travaux", null, claire);
        assertThat(form.body()).as("the edit form links to the versions").contains("href=\"" + PAGE + "\"");

        HttpResponse<String> page = ui.send("GET", PAGE, null, claire);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("no-store");
        assertThat(page.body()).contains("Versions publiées : Brouillon en cours")
                .contains("<td>1</td><td>paul</td>").contains("<td>2</td><td>paul</td>")
                .doesNotContain("Restaurer cette version");

        HttpResponse<String> diff = ui.send("GET", PAGE + "?de=1&a=2", null, claire);
        assertThat(diff.statusCode()).isEqualTo(200);
        assertThat(diff.body()).contains("Différences entre « Version 1 » et « Version 2 »")
                .contains("<th scope=\"row\"><code>title</code></th>")
                .contains("<del><span class=\"fr-sr-only\">Retiré : </span>Travaux à la mairie</del>")
                .contains("<ins><span class=\"fr-sr-only\">Ajouté : </span>Travaux prolongés à la mairie</ins>")
                .doesNotContain("<code>message</code>");

        HttpResponse<String> toDraft = ui.send("GET", PAGE + "?de=2&a=0", null, claire);
        assertThat(toDraft.body()).contains("« Version 2 » et « Brouillon actuel »")
                .contains("<ins><span class=\"fr-sr-only\">Ajouté : </span>Brouillon en cours</ins>");

        assertThat(ui.send("GET", PAGE + "?de=9&a=0", null, claire).body()).contains("La version 9 n&#39;existe pas")
                .as("an unknown version is said, not a 500");
        assertThat(ui.send("GET", "/auteur/versions/callout/callouts/inconnu", null, claire).statusCode()).isEqualTo(404);
        assertThat(ui.send("GET", PAGE, null, null).statusCode()).as("anonymous: to the login form").isEqualTo(303);
    }

    @Test
    void aPublisherRestoresAVersionWhichIsPublishedAgain() {
        String paul = ui.signIn("paul", AuthoringFixture.PASSWORD);
        HttpResponse<String> page = ui.send("GET", PAGE, null, paul);
        assertThat(page.body()).contains("Restaurer cette version").contains("Restaurer cette version<span class=\"fr-sr-only\"> (version 1)</span>");

        HttpResponse<String> restored = ui.send("POST", PAGE,
                UiClient.form(UiClient.fields("version", "1", "csrf", UiClient.field(page.body(), "csrf"))), paul);
        assertThat(restored.statusCode()).isEqualTo(303);
        assertThat(restored.headers().firstValue("Location").orElseThrow()).endsWith(PAGE + "?restauree=1&publiee=3");
        assertThat(liveTitle()).isEqualTo("Travaux à la mairie");
        assertThat(versionCount()).isEqualTo(3);

        HttpResponse<String> after = ui.send("GET", PAGE + "?restauree=1&publiee=3", null, paul);
        assertThat(after.body()).contains("La version 1 a été restaurée et publiée comme version 3.")
                .contains("<td>3</td><td>paul</td>");
    }

    @Test
    void aRestoreWithoutTheFormTokenOrByAnEditorChangesNothing() {
        String paul = ui.signIn("paul", AuthoringFixture.PASSWORD);
        HttpResponse<String> forged = ui.send("POST", PAGE, UiClient.form(UiClient.fields("version", "1")), paul);
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = ui.send("POST", PAGE, UiClient.form(UiClient.fields("version", "1", "csrf", "faux")), paul);
        assertThat(wrong.statusCode()).isEqualTo(403);

        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        String csrf = UiClient.field(ui.send("GET", PAGE, null, claire).body(), "csrf");
        HttpResponse<String> byEditor = ui.send("POST", PAGE, UiClient.form(UiClient.fields("version", "1", "csrf", csrf)), claire);
        assertThat(byEditor.statusCode()).as("the repository refuses an editor's restore").isEqualTo(403);
        assertThat(byEditor.body()).contains("Votre compte ne permet pas de restaurer");

        assertThat(liveTitle()).isEqualTo("Travaux prolongés à la mairie");
        assertThat(versionCount()).isEqualTo(2);
    }
}
