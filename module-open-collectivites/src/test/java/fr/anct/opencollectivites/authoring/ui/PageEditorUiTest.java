package fr.anct.opencollectivites.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.jcr.Node;
import javax.jcr.NodeIterator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.security.Role;

/**
 * The page editor on real HTTP and a real repository: a program team builds a page of its mini-site from
 * generated component forms, reorders and previews it, submits it; it cannot reach another mini-site
 * (404 to look, 403 from the repository to a forged form); a publisher publishes the page.
 */
@Tag("repository")
@Tag("http")
class PageEditorUiTest {
    private static final String API = "/.rest/authoring/v1/";
    private static final String PAGES = "/auteur/pages/sites/pvd";
    private static final String AGENDA = PAGES + "/agenda";

    @RegisterExtension
    final AuthoringUiPlatform platform = new AuthoringUiPlatform().withTwoMiniSites();
    private final AuthoringFixture fixture = platform.fixture;
    private final UiClient ui = platform.ui;

    @BeforeEach
    void setUp() throws Exception {
        String admin = fixture.token("ada");
        assertThat(fixture.as(admin, "POST", API + "drafts/website/sites/acv/home", AuthoringFixture.body(Map.of(
                "type", "page", "properties", Map.of("title", "Accueil ACV")))).statusCode()).isEqualTo(201);
        fixture.user("lea", Set.of(), Set.of("pvd"));
        fixture.user("paul", Set.of(Role.PUBLISHER), Set.of());
        fixture.user("claire", Set.of(Role.EDITOR), Set.of());
    }

    private List<String> components(String draftArea) {
        return fixture.repository.withSystemSession(s -> {
            List<String> names = new ArrayList<>();
            if (s.nodeExists(draftArea)) {
                for (NodeIterator it = s.getNode(draftArea).getNodes(); it.hasNext(); ) {
                    Node node = it.nextNode();
                    names.add(node.getName() + "=" + node.getProperty("mgnl:template").getString());
                }
            }
            return names;
        });
    }

    private String textOf(String path) {
        return fixture.repository.withSystemSession(s -> s.getNode(path).getProperty("text").getString());
    }

    private HttpResponse<String> post(String path, String session, String... fields) {
        return ui.send("POST", path, UiClient.form(UiClient.fields(fields)), session);
    }

    @Test
    void aTeamBuildsItsPageFromGeneratedComponentFormsAndAPublisherPublishesIt() {
        String lea = ui.signIn("lea", AuthoringFixture.PASSWORD);
        HttpResponse<String> dashboard = ui.send("GET", "/auteur/", null, lea);
        assertThat(dashboard.body()).contains("href=\"" + PAGES + "\"").contains("Mini-site Petites villes de demain")
                .doesNotContain("/auteur/pages/sites/acv").doesNotContain("/auteur/pages/editoriales")
                .doesNotContain("ne permet de rédiger aucun");
        assertThat(ui.send("GET", "/auteur/pages/sites/acv", null, lea).statusCode()).isEqualTo(404);
        assertThat(ui.send("GET", "/auteur/pages/sites/acv/home", null, lea).statusCode()).isEqualTo(404);
        assertThat(ui.send("GET", "/auteur/pages/editoriales", null, lea).statusCode()).isEqualTo(404);

        HttpResponse<String> list = ui.send("GET", PAGES, null, lea);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(list.body()).contains("<option value=\"minisite-home\">Accueil de mini-site</option>")
                .contains("<option value=\"minisite-page\" selected>Page de mini-site</option>")
                .contains("id=\"champ-title\" name=\"champ.title\" required");
        String csrf = UiClient.field(list.body(), "csrf");

        HttpResponse<String> badTemplate = post(PAGES, lea, "csrf", csrf, "gabarit", "page", "nom", "agenda",
                "champ.title", "Agenda");
        assertThat(badTemplate.statusCode()).isEqualTo(400);
        assertThat(badTemplate.body()).contains("id=\"gabarit-erreur\"");
        HttpResponse<String> created = post(PAGES, lea, "csrf", csrf, "gabarit", "minisite-page", "nom", "agenda",
                "champ.title", "Agenda du programme");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith(AGENDA + "?fait=create");

        HttpResponse<String> editor = ui.send("GET", AGENDA, null, lea);
        assertThat(editor.statusCode()).isEqualTo(200);
        assertThat(editor.body()).contains("Page de mini-site").contains("Aucun bloc dans cette zone")
                .contains("<option value=\"minisite-fiches\">Fiches des territoires du programme</option>")
                .contains("value=\"submit\"").contains("href=\"/auteur/apercu/sites/pvd/agenda\"");

        HttpResponse<String> form = ui.send("GET", AGENDA + "/composants/nouveau?type=minisite-fiches&zone=main", null, lea);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Une clé de territoire par ligne")
                .contains("<textarea class=\"fr-input\" rows=\"3\" id=\"champ-territories\" name=\"champ.territories\"")
                .contains("value=\"joindre:territories\"");
        assertThat(post(AGENDA + "/composants/nouveau", lea, "csrf", csrf, "type", "minisite-fiches", "zone", "main",
                "champ.title", "Nos communes", "champ.territories", "commune:42218\ncommune:42207").statusCode()).isEqualTo(303);
        HttpResponse<String> missingText = post(AGENDA + "/composants/nouveau", lea, "csrf", csrf, "type", "minisite-text",
                "zone", "main", "champ.title", "Présentation", "champ.text", "");
        assertThat(missingText.statusCode()).isEqualTo(400);
        assertThat(missingText.body()).contains("id=\"champ-text-erreur\"").contains("value=\"Présentation\"");
        assertThat(post(AGENDA + "/composants/nouveau", lea, "csrf", csrf, "type", "minisite-text", "zone", "main",
                "champ.title", "Présentation", "champ.text", "<p>Le programme <script>alert(1)</script></p>").statusCode())
                .isEqualTo(303);
        String area = "/oc:authoring/website/sites/pvd/agenda/main";
        assertThat(components(area)).containsExactly("fiches=open-collectivites:components/minisite-fiches",
                "text=open-collectivites:components/minisite-text");

        assertThat(post(AGENDA + "/composants/main/text/deplacer", lea, "csrf", csrf, "sens", "up").statusCode()).isEqualTo(303);
        assertThat(components(area)).containsExactly("text=open-collectivites:components/minisite-text",
                "fiches=open-collectivites:components/minisite-fiches");
        HttpResponse<String> edit = ui.send("GET", AGENDA + "/composants/main/fiches", null, lea);
        assertThat(edit.body()).contains(">commune:42218\ncommune:42207</textarea>");
        assertThat(post(AGENDA + "/composants/main/fiches", lea, "csrf", csrf, "type", "minisite-fiches",
                "champ.title", "Communes lauréates", "champ.territories", "commune:42218").statusCode()).isEqualTo(303);
        assertThat(post(AGENDA + "/composants/main/text/deplacer", lea, "csrf", "forged", "sens", "down").statusCode())
                .isEqualTo(403);

        HttpResponse<String> preview = ui.send("GET", "/auteur/apercu/sites/pvd/agenda", null, lea);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(preview.headers().firstValue("X-Robots-Tag")).contains("noindex");
        assertThat(preview.body()).contains("Aperçu — brouillon").contains("<meta name=\"robots\" content=\"noindex\">")
                .contains("Agenda du programme").contains("Communes lauréates").contains("href=\"/communes/42218\"")
                .contains("<p>Le programme </p>").doesNotContain("<script>alert");
        assertThat(preview.body().indexOf("Présentation")).isLessThan(preview.body().indexOf("Communes lauréates"));
        assertThat(ui.send("GET", "/auteur/apercu/sites/acv/home", null, lea).statusCode()).isEqualTo(404);

        // Forged forms against the other mini-site: the repository refuses the team's session.
        assertThat(post("/auteur/pages/sites/acv", lea, "csrf", csrf, "gabarit", "minisite-page", "nom", "intrusion",
                "champ.title", "Intrusion").statusCode()).isEqualTo(403);
        assertThat(post("/auteur/pages/sites/acv/home/composants/nouveau", lea, "csrf", csrf, "type", "minisite-text",
                "zone", "main", "champ.text", "<p>Intrusion</p>").statusCode()).isEqualTo(403);
        assertThat(fixture.repository.<Boolean>withSystemSession(s -> s.nodeExists("/oc:authoring/website/sites/acv/intrusion")
                || s.nodeExists("/oc:authoring/website/sites/acv/home/main")).booleanValue()).isFalse();

        HttpResponse<String> submitted = post(AGENDA, lea, "csrf", csrf, "action", "submit");
        assertThat(submitted.statusCode()).isEqualTo(303);
        assertThat(ui.send("GET", AGENDA, null, lea).body()).contains("Soumis").doesNotContain("value=\"submit\"");

        String paul = ui.signIn("paul", AuthoringFixture.PASSWORD);
        assertThat(ui.send("GET", "/auteur/", null, paul).body()).contains("href=\"" + PAGES + "\"")
                .contains("href=\"/auteur/pages/sites/acv\"");
        HttpResponse<String> review = ui.send("GET", AGENDA, null, paul);
        assertThat(review.body()).contains("value=\"publish\"").contains("name=\"commentaire\"")
                .doesNotContain("Ajouter un bloc");
        assertThat(post(AGENDA, paul, "csrf", UiClient.field(review.body(), "csrf"), "action", "publish").statusCode())
                .isEqualTo(303);
        assertThat(components("/website/sites/pvd/agenda/main")).containsExactly(
                "text=open-collectivites:components/minisite-text", "fiches=open-collectivites:components/minisite-fiches");
        assertThat(ui.send("GET", AGENDA, null, lea).body()).contains("Publié").contains("href=\"/sites/pvd/agenda\"");

        // A change inside the page makes it a draft again.
        assertThat(post(AGENDA + "/composants/main/fiches/supprimer", lea, "csrf", csrf).statusCode()).isEqualTo(303);
        assertThat(components(area)).containsExactly("text=open-collectivites:components/minisite-text");
        assertThat(ui.send("GET", AGENDA, null, lea).body()).contains("Brouillon").contains("value=\"submit\"");
    }

    @Test
    void anEditorWritesAnEditorialPageButCannotPublishItAndTeamsCannotSeeIt() {
        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        assertThat(ui.send("GET", "/auteur/", null, claire).body()).contains("href=\"/auteur/pages/editoriales\"")
                .doesNotContain("href=\"/auteur/pages/sites/");
        HttpResponse<String> list = ui.send("GET", "/auteur/pages/editoriales", null, claire);
        assertThat(list.body()).contains("<option value=\"page\" selected>Page éditoriale</option>")
                .doesNotContain("minisite-");
        String csrf = UiClient.field(list.body(), "csrf");
        assertThat(post("/auteur/pages/editoriales", claire, "csrf", csrf, "gabarit", "page", "nom", "charte",
                "champ.title", "Charte éditoriale").statusCode()).isEqualTo(303);
        assertThat(post("/auteur/pages/editoriales/charte/composants/nouveau", claire, "csrf", csrf, "type", "minisite-text",
                "zone", "main", "champ.text", "<p>Nos engagements.</p>").statusCode()).isEqualTo(303);

        HttpResponse<String> editor = ui.send("GET", "/auteur/pages/editoriales/charte", null, claire);
        assertThat(editor.body()).contains("Page éditoriale").contains("value=\"submit\"")
                .doesNotContain("value=\"publish\"").contains("Modifier le bloc 1 (Texte libre)");
        HttpResponse<String> preview = ui.send("GET", "/auteur/apercu/pages/charte", null, claire);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Aperçu — brouillon").contains("<h1>Charte éditoriale</h1>")
                .contains("<p>Nos engagements.</p>").contains("href=\"/auteur/pages/editoriales/charte\"");
        assertThat(post("/auteur/pages/editoriales/charte", claire, "csrf", csrf, "action", "publish").statusCode())
                .as("an editor's session cannot write the live tree").isEqualTo(403);
        assertThat(fixture.repository.<Boolean>withSystemSession(s -> s.nodeExists("/website/pages/charte"))
                .booleanValue()).isFalse();

        String lea = ui.signIn("lea", AuthoringFixture.PASSWORD);
        assertThat(ui.send("GET", "/auteur/pages/editoriales/charte", null, lea).statusCode()).isEqualTo(404);
        assertThat(ui.send("GET", "/auteur/apercu/pages/charte", null, lea).statusCode()).isEqualTo(404);
        assertThat(ui.send("GET", "/auteur/apercu/pages/charte", null, null).statusCode()).isEqualTo(303);
    }

    @Test
    void componentFormsHaveTheFullWidgetsTakeMultipartPostsAndSanitiseRichText() {
        String lea = ui.signIn("lea", AuthoringFixture.PASSWORD);
        String csrf = UiClient.field(ui.send("GET", PAGES, null, lea).body(), "csrf");
        assertThat(post(PAGES, lea, "csrf", csrf, "gabarit", "minisite-page", "nom", "agenda",
                "champ.title", "Agenda du programme").statusCode()).isEqualTo(303);

        HttpResponse<String> form = ui.send("GET", AGENDA + "/composants/nouveau?type=minisite-text&zone=main", null, lea);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("enctype=\"multipart/form-data\"").contains("data-oc-richtext")
                .contains("role=\"toolbar\"").contains("/quill/quill.js\" defer").contains("/js/authoring-form.js\" defer")
                .contains("/quill/quill.core.css");

        // A re-rendering button keeps what was typed and saves nothing.
        HttpResponse<String> rerendered = ui.postMultipart(AGENDA + "/composants/nouveau", UiClient.fields("csrf", csrf,
                "type", "minisite-text", "zone", "main", "champ.title", "Présentation", "champ.text", "<p>Brouillon</p>",
                "action", "chercher:title"), lea);
        assertThat(rerendered.statusCode()).isEqualTo(200);
        assertThat(rerendered.body()).contains("value=\"Présentation\"");
        String area = "/oc:authoring/website/sites/pvd/agenda/main";
        assertThat(components(area)).isEmpty();

        HttpResponse<String> saved = ui.postMultipart(AGENDA + "/composants/nouveau", UiClient.fields("csrf", csrf,
                "type", "minisite-text", "zone", "main", "champ.title", "Présentation",
                "champ.text", "<h2>Le programme</h2><p><strong>Bienvenue</strong> <em>à tous</em></p>"
                        + "<script>alert(1)</script><p onclick=\"steal()\"><a href=\"javascript:alert(1)\">lien</a></p>",
                "action", "save"), lea);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith(AGENDA + "?fait=componentAdded");
        assertThat(components(area)).containsExactly("text=open-collectivites:components/minisite-text");
        String text = textOf(area + "/text");
        assertThat(text).contains("<h2>Le programme</h2>").contains("<strong>Bienvenue</strong>").contains("<em>à tous</em>")
                .doesNotContain("script").doesNotContain("onclick").doesNotContain("javascript:");

        HttpResponse<String> edited = ui.postMultipart(AGENDA + "/composants/main/text", UiClient.fields("csrf", csrf,
                "type", "minisite-text", "champ.title", "Présentation", "champ.text", "<ul><li>Un</li></ul><style>p{}</style>",
                "action", "save"), lea);
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(303);
        assertThat(textOf(area + "/text")).contains("<ul><li>Un</li></ul>").doesNotContain("style");
        HttpResponse<String> forgedMultipart = ui.postMultipart(AGENDA + "/composants/main/text", UiClient.fields("csrf", "forged",
                "type", "minisite-text", "champ.text", "<p>x</p>"), lea);
        assertThat(forgedMultipart.statusCode()).isEqualTo(403);
        assertThat(forgedMultipart.body()).contains("Le formulaire a expiré");

        // The page's own properties form too: multipart, its re-rendering buttons, rich text sanitised.
        HttpResponse<String> editor = ui.send("GET", AGENDA, null, lea);
        assertThat(editor.body()).contains("enctype=\"multipart/form-data\"").contains("value=\"televerser:image\"")
                .contains("/quill/quill.js\" defer");
        HttpResponse<String> upload = ui.postMultipart(AGENDA, UiClient.fields("csrf", csrf, "champ.title", "Agenda modifié",
                "action", "televerser:image"), lea);
        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(upload.body()).contains("value=\"Agenda modifié\"");
        String page = "/oc:authoring/website/sites/pvd/agenda";
        String title = fixture.repository.withSystemSession(s -> s.getNode(page).getProperty("title").getString());
        assertThat(title).as("a re-rendering button saves nothing").isEqualTo("Agenda du programme");
        HttpResponse<String> pageSaved = ui.postMultipart(AGENDA, UiClient.fields("csrf", csrf, "champ.title", "Agenda",
                "champ.text", "<p><em>Ouvert</em></p><script>alert(1)</script>", "action", "save"), lea);
        assertThat(pageSaved.statusCode()).as(pageSaved.body()).isEqualTo(303);
        assertThat(textOf(page)).contains("<em>Ouvert</em>").doesNotContain("script");
    }

    private boolean exists(String path) {
        return fixture.repository.<Boolean>withSystemSession(s -> s.nodeExists(path)).booleanValue();
    }

    @Test
    void aTeamRenamesAndDeletesItsOwnPageButNotAnotherTeamsOnes() {
        String lea = ui.signIn("lea", AuthoringFixture.PASSWORD);
        String csrf = UiClient.field(ui.send("GET", PAGES, null, lea).body(), "csrf");
        for (String name : List.of("agenda", "actus")) {
            assertThat(post(PAGES, lea, "csrf", csrf, "gabarit", "minisite-page", "nom", name,
                    "champ.title", "Page " + name).statusCode()).isEqualTo(303);
        }
        assertThat(post(AGENDA + "/composants/nouveau", lea, "csrf", csrf, "type", "minisite-text", "zone", "main",
                "champ.title", "Présentation", "champ.text", "<p>Le programme</p>").statusCode()).isEqualTo(303);
        HttpResponse<String> editor = ui.send("GET", AGENDA, null, lea);
        assertThat(editor.body()).contains("action=\"" + AGENDA + "/supprimer\"").contains("Supprimer la page")
                .contains("action=\"" + AGENDA + "/renommer\"").contains("name=\"nouveauNom\" value=\"agenda\"");
        String paul = ui.signIn("paul", AuthoringFixture.PASSWORD);
        assertThat(ui.send("GET", AGENDA, null, paul).body()).as("a publisher may not delete a mini-site's page")
                .doesNotContain("Supprimer la page").doesNotContain("/renommer");
        assertThat(ui.send("GET", PAGES + "/home", null, lea).statusCode()).isEqualTo(404);

        HttpResponse<String> badName = post(AGENDA + "/renommer", lea, "csrf", csrf, "nouveauNom", "Agenda 2026 !");
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(badName.body()).contains("La page n&#39;a pas été renommée").contains("id=\"nouveauNom-erreur\"")
                .contains("lettres sans accent").contains("value=\"Agenda 2026 !\"");
        HttpResponse<String> taken = post(AGENDA + "/renommer", lea, "csrf", csrf, "nouveauNom", "actus");
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.body()).contains("Une page porte déjà ce nom ici.");
        HttpResponse<String> home = post(AGENDA + "/renommer", lea, "csrf", csrf, "nouveauNom", "home");
        assertThat(home.statusCode()).isEqualTo(400);
        assertThat(home.body()).contains("s&#39;appelle toujours « home »");
        assertThat(post(AGENDA + "/renommer", lea, "csrf", "forged", "nouveauNom", "evenements").statusCode()).isEqualTo(403);
        String draft = "/oc:authoring/website/sites/pvd/";
        assertThat(exists(draft + "agenda")).isTrue();
        assertThat(exists(draft + "evenements")).isFalse();

        HttpResponse<String> renamed = post(AGENDA + "/renommer", lea, "csrf", csrf, "nouveauNom", "evenements");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(303);
        assertThat(renamed.headers().firstValue("Location").orElseThrow()).endsWith(PAGES + "/evenements?fait=renamed");
        assertThat(exists(draft + "agenda")).isFalse();
        assertThat(components(draft + "evenements/main")).containsExactly("text=open-collectivites:components/minisite-text");
        assertThat(ui.send("GET", AGENDA, null, lea).statusCode()).isEqualTo(404);
        assertThat(ui.send("GET", PAGES + "/evenements?fait=renamed", null, lea).body()).contains("Page renommée")
                .contains("Page agenda").contains("Présentation");

        HttpResponse<String> deleted = post(PAGES + "/evenements/supprimer", lea, "csrf", csrf);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("Location").orElseThrow()).endsWith(PAGES + "?fait=deleted");
        assertThat(exists(draft + "evenements")).isFalse();
        assertThat(ui.send("GET", PAGES + "?fait=deleted", null, lea).body()).contains("Page supprimée.")
                .doesNotContain(PAGES + "/evenements").contains(PAGES + "/actus");

        // Forged posts against the other mini-site: the team's session cannot even see its pages.
        assertThat(post("/auteur/pages/sites/acv/home/supprimer", lea, "csrf", csrf).statusCode()).isIn(403, 404);
        assertThat(post("/auteur/pages/sites/acv/home/renommer", lea, "csrf", csrf, "nouveauNom", "intrusion")
                .statusCode()).isIn(403, 404);
        assertThat(exists("/oc:authoring/website/sites/acv/home")).isTrue();
        assertThat(exists("/oc:authoring/website/sites/acv/intrusion")).isFalse();
    }

    @Test
    void thePageListRenamesAndDeletesPagesWithTheEditorsRoutesButNotALiveOne() {
        String lea = ui.signIn("lea", AuthoringFixture.PASSWORD);
        String csrf = UiClient.field(ui.send("GET", PAGES, null, lea).body(), "csrf");
        assertThat(post(PAGES, lea, "csrf", csrf, "gabarit", "minisite-home", "champ.title", "Accueil").statusCode()).isEqualTo(303);
        for (String name : List.of("agenda", "actus")) {
            assertThat(post(PAGES, lea, "csrf", csrf, "gabarit", "minisite-page", "nom", name,
                    "champ.title", "Page " + name).statusCode()).isEqualTo(303);
        }
        assertThat(post(PAGES + "/actus", lea, "csrf", csrf, "action", "publish").statusCode()).isEqualTo(303);

        String list = ui.send("GET", PAGES, null, lea).body();
        assertThat(list).contains("action=\"" + AGENDA + "/renommer\"", "name=\"retour\" value=\"liste\"",
                        "action=\"" + AGENDA + "/supprimer\"", "Supprimer<span class=\"fr-sr-only\"> la page « Page agenda »</span>",
                        "action=\"" + PAGES + "/home/supprimer\"", "elle est définitive",
                        "En ligne : dépubliez-la d&#39;abord pour la renommer ou la supprimer.")
                .as("home keeps its name; a live page is unpublished first")
                .doesNotContain("action=\"" + PAGES + "/home/renommer\"", "action=\"" + PAGES + "/actus/supprimer\"",
                        "action=\"" + PAGES + "/actus/renommer\"");
        String paul = ui.signIn("paul", AuthoringFixture.PASSWORD);
        assertThat(ui.send("GET", PAGES, null, paul).body()).as("a publisher may not delete or rename a mini-site's pages")
                .doesNotContain("/supprimer\"", "/renommer\"", "En ligne : dépubliez-la", "elle est définitive");

        HttpResponse<String> renamed = post(AGENDA + "/renommer", lea, "csrf", csrf, "nouveauNom", "evenements", "retour", "liste");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(303);
        assertThat(renamed.headers().firstValue("Location").orElseThrow()).endsWith(PAGES + "?fait=renamed");
        assertThat(ui.send("GET", PAGES + "?fait=renamed", null, lea).body()).contains("Page renommée",
                "action=\"" + PAGES + "/evenements/supprimer\"").doesNotContain(AGENDA);
        HttpResponse<String> deleted = post(PAGES + "/evenements/supprimer", lea, "csrf", csrf);
        assertThat(deleted.headers().firstValue("Location").orElseThrow()).endsWith(PAGES + "?fait=deleted");
        String draft = "/oc:authoring/website/sites/pvd/";
        assertThat(exists(draft + "agenda")).isFalse();
        assertThat(exists(draft + "evenements")).isFalse();

        assertThat(post(PAGES + "/actus/supprimer", lea, "csrf", csrf).statusCode()).as("a forged post for the live page")
                .isEqualTo(400);
        assertThat(post(PAGES + "/home/supprimer", paul, "csrf", UiClient.field(ui.send("GET", PAGES, null, paul).body(), "csrf"))
                .statusCode()).as("the publisher's forged post, refused by the repository").isIn(403, 404);
        assertThat(exists(draft + "actus")).isTrue();
        assertThat(exists(draft + "home")).isTrue();
    }

    @Test
    void aLivePageIsUnpublishedBeforeItCanBeRenamedOrDeleted() {
        String lea = ui.signIn("lea", AuthoringFixture.PASSWORD);
        String csrf = UiClient.field(ui.send("GET", PAGES, null, lea).body(), "csrf");
        assertThat(post(PAGES, lea, "csrf", csrf, "gabarit", "minisite-page", "nom", "agenda",
                "champ.title", "Agenda du programme").statusCode()).isEqualTo(303);
        assertThat(post(AGENDA, lea, "csrf", csrf, "action", "publish").statusCode()).isEqualTo(303);
        String draft = "/oc:authoring/website/sites/pvd/agenda";
        String live = "/website/sites/pvd/agenda";
        assertThat(exists(live)).isTrue();

        HttpResponse<String> editor = ui.send("GET", AGENDA, null, lea);
        assertThat(editor.body()).contains("Cette page est en ligne : dépubliez-la d&#39;abord pour pouvoir la renommer ou la supprimer.")
                .doesNotContain("action=\"" + AGENDA + "/supprimer\"").doesNotContain("action=\"" + AGENDA + "/renommer\"");
        HttpResponse<String> delete = post(AGENDA + "/supprimer", lea, "csrf", csrf);
        assertThat(delete.statusCode()).isEqualTo(400);
        assertThat(delete.body()).contains("dépubliez-la d&#39;abord, puis supprimez-la");
        HttpResponse<String> rename = post(AGENDA + "/renommer", lea, "csrf", csrf, "nouveauNom", "evenements");
        assertThat(rename.statusCode()).isEqualTo(400);
        assertThat(rename.body()).contains("dépubliez-la d&#39;abord, puis renommez-la");
        assertThat(exists(draft)).isTrue();
        assertThat(exists(live)).isTrue();
        assertThat(exists("/oc:authoring/website/sites/pvd/evenements")).isFalse();

        assertThat(post(AGENDA, lea, "csrf", csrf, "action", "unpublish").statusCode()).isEqualTo(303);
        assertThat(ui.send("GET", AGENDA, null, lea).body()).contains("action=\"" + AGENDA + "/supprimer\"");
        assertThat(post(AGENDA + "/renommer", lea, "csrf", csrf, "nouveauNom", "evenements").statusCode()).isEqualTo(303);
        assertThat(post(PAGES + "/evenements/supprimer", lea, "csrf", csrf).statusCode()).isEqualTo(303);
        assertThat(exists(draft)).isFalse();
        assertThat(exists("/oc:authoring/website/sites/pvd/evenements")).isFalse();
        assertThat(exists(live)).isFalse();
    }
}
