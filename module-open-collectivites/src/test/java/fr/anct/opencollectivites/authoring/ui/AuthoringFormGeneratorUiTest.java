package fr.anct.opencollectivites.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.security.Role;

/** A content type added in a light module gets its authoring form without any Java change. */
@Tag("repository")
@Tag("http")
class AuthoringFormGeneratorUiTest {
    private static final String EVENT_TYPE = """
            datasource:
              workspace: website
              rootPath: /evenements
              autoCreate: true
            model:
              nodeType: oc:evenement
              properties:
                - name: title
                  required: true
                - name: places
                  type: Long
                - name: tarif
                  type: Double
                - name: jour
                  type: Date
                - name: gratuit
                  type: Boolean
                - name: description
                  type: richText
                - name: motsCles
                  multiple: true
                - name: region
                  type: reference:region
                - name: affiche
                  type: asset
                - name: lieu
                  type: adresse
                - name: intervenants
                  type: intervenant
                  multiple: true
              subModels:
                - name: adresse
                  properties:
                    - name: rue
                    - name: ville
                      required: true
                - name: intervenant
                  properties:
                    - name: nom
                      required: true
                    - name: bio
                      type: richText
            """;

    @TempDir
    Path temp;

    @Test
    void aNewContentTypeGetsAGeneratedFormWhoseErrorsComeFromTheService() throws Exception {
        try (AuthoringUiPlatform platform = AuthoringUiPlatform.withContentType(temp, "evenement", EVENT_TYPE)
                .user("marie", Role.ADMINISTRATOR)) {
            OakRepository repository = platform.fixture.repository;
            ContentTypeRegistry registry = platform.fixture.contentTypes;
            repository.withSystemSession(session -> {
                var writer = new fr.anct.opencollectivites.content.ContentWriter();
                writer.upsert(session, "/collectivites/regions/84", registry.require("region"),
                        java.util.Map.of("code", "84", "nom", "Auvergne-Rhône-Alpes"));
                writer.upsert(session, "/collectivites/regions/53", registry.require("region"),
                        java.util.Map.of("code", "53", "nom", "Bretagne"));
                session.save();
                return null;
            });
            UiClient ui = platform.ui;
            String admin = ui.signIn("marie", AuthoringFixture.PASSWORD);
            assertThat(ui.send("GET", "/auteur/", null, admin).body())
                    .contains("href=\"/auteur/contenus/evenement/nouveau\"");

            HttpResponse<String> form = ui.send("GET", "/auteur/contenus/evenement/nouveau", null, admin);
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body())
                    .contains("type=\"text\" value=\"\" id=\"champ-title\" name=\"champ.title\" required")
                    .contains("type=\"number\" step=\"1\" value=\"\" id=\"champ-places\"")
                    .contains("type=\"number\" step=\"any\" value=\"\" id=\"champ-tarif\"")
                    .contains("type=\"date\" value=\"\" id=\"champ-jour\"")
                    .contains("type=\"checkbox\" id=\"champ-gratuit\" name=\"champ.gratuit\"")
                    .contains("id=\"champ-description\" name=\"champ.description\"")
                    .contains("Une valeur par ligne.")
                    .contains("enctype=\"multipart/form-data\"")
                    // rich text: a textarea the editor enhances, with the toolbar it will show
                    .contains("id=\"champ-description\" name=\"champ.description\" data-oc-richtext>")
                    .contains("id=\"champ-description-outils\" role=\"toolbar\"")
                    .contains("class=\"ql-bold fr-btn")
                    .contains("/quill/quill.js\" defer></script>")
                    // reference: a select of the live regions, with a search field
                    .contains("<select class=\"fr-select\" id=\"champ-region\" name=\"champ.region\"")
                    .contains("<option value=\"84\">Auvergne-Rhône-Alpes (84)</option>")
                    .contains("name=\"recherche.region\"")
                    // asset: a picker with a file input and its upload button
                    .contains("id=\"champ-affiche-aucun\" name=\"champ.affiche\" value=\"\" checked")
                    .contains("type=\"file\" id=\"champ-affiche-fichier\" name=\"fichier.affiche\"")
                    .contains("value=\"televerser:affiche\"")
                    // sub-models: nested fieldsets with dotted names; a multiple one starts empty
                    .contains("id=\"champ-lieu-legende\">lieu")
                    .contains("id=\"champ-lieu-rue\" name=\"champ.lieu.rue\"")
                    .contains("name=\"champ.intervenants.lignes\" value=\"0\"")
                    .contains("value=\"ajouter:intervenants\"");

            // the reference search (GET, no JavaScript): accents and case folded, over titles and codes
            String searched = ui.send("GET", "/auteur/contenus/evenement/nouveau?recherche.region=bretagne",
                    null, admin).body();
            assertThat(searched).contains("<option value=\"53\">Bretagne (53)</option>")
                    .doesNotContain("<option value=\"84\">").contains("Résultats pour « bretagne »");
            assertThat(ui.send("GET", "/auteur/contenus/evenement/nouveau?recherche.region=84", null, admin)
                    .body()).contains("<option value=\"84\">").doesNotContain("<option value=\"53\">");

            String csrf = UiClient.field(form.body(), "csrf");
            // "Ajouter" re-renders the form with one more row, the values typed kept, nothing saved
            HttpResponse<String> added = ui.send("POST", "/auteur/contenus/evenement/nouveau",
                    UiClient.form(UiClient.fields("csrf", csrf, "nom", "forum", "champ.title", "Forum",
                            "champ.intervenants.lignes", "1", "champ.intervenants.0.nom", "Ada",
                            "action", "ajouter:intervenants")), admin);
            assertThat(added.statusCode()).isEqualTo(200);
            assertThat(added.body()).contains("name=\"champ.intervenants.lignes\" value=\"2\"")
                    .contains("name=\"champ.intervenants.0.nom\" required aria-required=\"true\">")
                    .contains("value=\"Ada\" id=\"champ-intervenants-0-nom\"")
                    .contains("id=\"champ-intervenants-1-nom\"").contains("value=\"retirer:intervenants.1\"")
                    .contains("value=\"Forum\" id=\"champ-title\"");
            HttpResponse<String> removed = ui.send("POST", "/auteur/contenus/evenement/nouveau",
                    UiClient.form(UiClient.fields("csrf", csrf, "nom", "forum", "champ.intervenants.lignes", "2",
                            "champ.intervenants.0.nom", "Ada", "champ.intervenants.1.nom", "Grace",
                            "action", "retirer:intervenants.0")), admin);
            assertThat(removed.body()).contains("value=\"Grace\" id=\"champ-intervenants-0-nom\"")
                    .doesNotContain("Ada").doesNotContain("id=\"champ-intervenants-1-nom\"");
            repository.withSystemSession(s -> {
                assertThat(s.nodeExists("/oc:authoring/website/evenements/forum")).as("nothing saved yet").isFalse();
                return null;
            });

            HttpResponse<String> refused = ui.send("POST", "/auteur/contenus/evenement/nouveau",
                    UiClient.form(UiClient.fields("csrf", csrf, "nom", "forum", "champ.title", "Forum",
                            "champ.places", "beaucoup", "action", "save")), admin);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("id=\"champ-places-erreur\"");

            HttpResponse<String> saved = ui.send("POST", "/auteur/contenus/evenement/nouveau",
                    UiClient.form(UiClient.fields("csrf", csrf, "nom", "forum", "champ.title", "Forum",
                            "champ.places", "120", "champ.gratuit", "true", "champ.motsCles", "emploi\nformation",
                            "champ.description", "<h2>Programme</h2><p><strong>Ateliers</strong></p><script>alert(1)</script>",
                            "champ.region", "84", "champ.lieu.rue", "1 place Bellecour", "champ.lieu.ville", "Lyon",
                            "champ.intervenants.lignes", "3", "champ.intervenants.0.nom", "Ada",
                            "champ.intervenants.0.bio", "<p>Pionnière</p><img src=x onerror=alert(1)>",
                            "champ.intervenants.2.nom", "Grace",
                            "action", "save")), admin);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
            repository.withSystemSession(s -> {
                var node = s.getNode("/oc:authoring/website/evenements/forum");
                assertThat(node.getProperty("places").getLong()).isEqualTo(120);
                assertThat(node.getProperty("gratuit").getBoolean()).isTrue();
                assertThat(node.getProperty("motsCles").getValues()).hasSize(2);
                assertThat(node.getProperty("description").getString())
                        .isEqualTo("<h2>Programme</h2><p><strong>Ateliers</strong></p>");
                assertThat(node.getProperty("region").getString()).isEqualTo("84");
                assertThat(node.getNode("lieu").getProperty("ville").getString()).isEqualTo("Lyon");
                assertThat(node.getNode("intervenants").getNode("0").getProperty("bio").getString())
                        .startsWith("<p>Pionnière</p>").doesNotContain("onerror");
                assertThat(node.getNode("intervenants").getNode("1").getProperty("nom").getString())
                        .as("the empty row is dropped").isEqualTo("Grace");
                assertThat(node.getNode("intervenants").hasNode("2")).isFalse();
                return null;
            });

            // the saved item's form shows every value back in its widget
            String edit = ui.send("GET", "/auteur/contenus/evenement/evenements/forum", null, admin).body();
            assertThat(edit).contains("&lt;h2&gt;Programme&lt;/h2&gt;")
                    .contains("<option value=\"84\" selected>Auvergne-Rhône-Alpes (84)</option>")
                    .contains("value=\"Lyon\" id=\"champ-lieu-ville\"")
                    .contains("name=\"champ.intervenants.lignes\" value=\"2\"")
                    .contains("value=\"Grace\" id=\"champ-intervenants-1-nom\"");
            // a required field of a sub-model is checked by the service and shown next to the field
            HttpResponse<String> missingCity = ui.send("POST", "/auteur/contenus/evenement/evenements/forum",
                    UiClient.form(UiClient.fields("csrf", csrf, "champ.title", "Forum", "champ.lieu.rue", "2 rue Neuve",
                            "action", "save")), admin);
            assertThat(missingCity.statusCode()).isEqualTo(400);
            assertThat(missingCity.body()).contains("id=\"champ-lieu-ville-erreur\"");
        }
    }
}
