package fr.anct.opencollectivites.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.web.Json;
import fr.anct.opencollectivites.security.Role;

/**
 * A territory is found by its name and picked, never typed as a key by hand; a key that names no
 * collectivité is refused in French next to its field, through the pages and the JSON API alike.
 */
@Tag("repository")
@Tag("http")
class TerritoryPickerUiTest {
    private static final String NEW = "/auteur/contenus/callout/nouveau";
    private static final String DRAFT = "/oc:authoring/website/callouts/travaux";

    @RegisterExtension
    final AuthoringUiPlatform platform = AuthoringUiPlatform.withSearchIndex().user("claire", Role.EDITOR);
    private final AuthoringFixture fixture = platform.fixture;
    private final UiClient ui = platform.ui;

    private HttpResponse<String> post(String session, String... fields) {
        return ui.send("POST", NEW, UiClient.form(UiClient.fields(fields)), session);
    }

    private String property(String path, String name) {
        String value = fixture.repository.withSystemSession(s -> s.getNode(path).getProperty(name).getString());
        return value;
    }

    @Test
    void anEditorFindsSaintEtienneByItsNameAndPicksIt() {
        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        HttpResponse<String> form = ui.send("GET", NEW, null, claire);
        assertThat(form.body()).contains("id=\"champ-collectivite\" name=\"champ.collectivite\" required")
                .contains("data-oc-territory-results=\"champ-collectivite-resultats\"")
                .contains("Chercher un territoire pour : Collectivité");
        String csrf = UiClient.field(form.body(), "csrf");

        HttpResponse<String> found = post(claire, "csrf", csrf, "nom", "travaux", "champ.collectivite", "",
                "champ.title", "Travaux", "recherche.collectivite", "st etienne", "action", "chercher:collectivite");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("Résultats pour « st etienne »")
                .contains("<option value=\"commune:42218\" selected>Saint-Étienne (commune 42218), Loire</option>")
                .contains("<option value=\"epci:244200770\">Saint-Étienne Métropole (intercommunalité 244200770), Loire</option>")
                .contains("value=\"choisir:collectivite\"");
        assertThat(fixture.exists(DRAFT)).isFalse();

        HttpResponse<String> picked = post(claire, "csrf", csrf, "nom", "travaux", "champ.collectivite", "",
                "champ.collectivite.choix", "commune:42218", "champ.title", "Travaux", "action", "choisir:collectivite");
        assertThat(picked.statusCode()).isEqualTo(200);
        assertThat(picked.body()).contains("value=\"commune:42218\"").contains("<li>Saint-Étienne (commune 42218)</li>");

        HttpResponse<String> saved = post(claire, "csrf", csrf, "nom", "travaux", "champ.collectivite", "commune:42218",
                "champ.title", "Travaux", "champ.message", "<p>Fermée lundi</p>", "action", "save");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(property(DRAFT, "collectivite")).isEqualTo("commune:42218");
    }

    @Test
    void aKeyThatNamesNoCollectiviteIsRefusedNextToItsField() {
        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        String csrf = UiClient.field(ui.send("GET", NEW, null, claire).body(), "csrf");

        HttpResponse<String> unknown = post(claire, "csrf", csrf, "nom", "travaux", "champ.collectivite", "commune:42190",
                "champ.title", "Travaux", "champ.message", "<p>x</p>", "action", "save");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("id=\"champ-collectivite-erreur\"")
                .contains("« commune:42190 » ne désigne aucune collectivité du référentiel")
                .contains("commune:42190 : aucune collectivité de ce code dans le référentiel");
        HttpResponse<String> malformed = post(claire, "csrf", csrf, "nom", "travaux", "champ.collectivite", "Saint-Étienne",
                "champ.title", "Travaux", "champ.message", "<p>x</p>", "action", "save");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("« Saint-Étienne » n&#39;est pas une clé de territoire");
        assertThat(fixture.exists(DRAFT)).isFalse();

        String token = fixture.token("claire");
        HttpResponse<String> api = fixture.as(token, "POST", "/.rest/authoring/v1/drafts/website/callouts/api",
                Json.object().put("type", "callout").set("properties", Json.object().put("collectivite", "departement:99")
                        .put("title", "T").put("message", "<p>x</p>")).toString());
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("collectivite").contains("departement:99");
        HttpResponse<String> normalised = fixture.as(token, "POST", "/.rest/authoring/v1/drafts/website/callouts/api",
                Json.object().put("type", "callout").set("properties", Json.object().put("collectivite", " Commune : 42218 ")
                        .put("title", "T").put("message", "<p>x</p>")).toString());
        assertThat(normalised.statusCode()).as(normalised.body()).isEqualTo(201);
        assertThat(property("/oc:authoring/website/callouts/api", "collectivite")).isEqualTo("commune:42218");
    }

    @Test
    void aProgramTeamAddsTerritoriesToItsSiteOneByOneWithoutDuplicates() {
        platform.withTwoMiniSites();
        fixture.user("lea", java.util.Set.of(), java.util.Set.of("pvd"));
        String lea = ui.signIn("lea", AuthoringFixture.PASSWORD);
        String settings = "/auteur/sites/pvd/reglages";
        HttpResponse<String> page = ui.send("GET", settings, null, lea);
        assertThat(page.statusCode()).isEqualTo(200);
        String csrf = UiClient.field(page.body(), "csrf");

        HttpResponse<String> once = ui.send("POST", settings, UiClient.form(UiClient.fields("csrf", csrf,
                "champ.name", "Petites villes de demain", "champ.territories", "commune:42218",
                "champ.territories.choix", "epci:244200770", "action", "joindre:territories")), lea);
        assertThat(once.statusCode()).isEqualTo(200);
        assertThat(once.body()).contains(">commune:42218\nepci:244200770</textarea>")
                .contains("<li>Saint-Étienne Métropole (intercommunalité 244200770)</li>");
        HttpResponse<String> twice = ui.send("POST", settings, UiClient.form(UiClient.fields("csrf", csrf,
                "champ.name", "Petites villes de demain", "champ.territories", "commune:42218\nepci:244200770",
                "champ.territories.choix", "epci:244200770", "action", "joindre:territories")), lea);
        assertThat(twice.body()).contains(">commune:42218\nepci:244200770</textarea>");
    }
}
