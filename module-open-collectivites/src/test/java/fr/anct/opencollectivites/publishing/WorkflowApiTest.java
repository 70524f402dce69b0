package fr.anct.opencollectivites.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.security.Role;

/** Drafts, validation, sanitising, workflow, versions with diff and restore, audit: through the JSON API. */
@Tag("repository")
@Tag("http")
class WorkflowApiTest {
    private static final String API = "/.rest/authoring/v1/";
    private AuthoringFixture fixture;
    private String editor;
    private String publisher;
    private String admin;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new AuthoringFixture();
        fixture.user("edith", Set.of(Role.EDITOR), Set.of());
        fixture.user("paul", Set.of(Role.PUBLISHER), Set.of());
        fixture.user("ada", Set.of(Role.ADMINISTRATOR), Set.of());
        editor = fixture.token("edith");
        publisher = fixture.token("paul");
        admin = fixture.token("ada");
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    private HttpResponse<String> create(String path, String type, Map<String, Object> properties) {
        return fixture.as(editor, "POST", API + "drafts/website/" + path,
                AuthoringFixture.body(Map.of("type", type, "properties", properties)));
    }

    private HttpResponse<String> edit(String token, String path, Map<String, Object> properties) {
        return fixture.as(token, "PUT", API + "drafts/website/" + path, AuthoringFixture.body(Map.of("properties", properties)));
    }

    private HttpResponse<String> action(String token, String action, String path, String body) {
        return fixture.as(token, "POST", API + "workflow/" + action + "/website/" + path, body);
    }

    private String live(String path, String property) {
        return fixture.repository.withAnonymousSession(s -> s.nodeExists("/website/" + path)
                ? s.getNode("/website/" + path).getProperty(property).getString() : null);
    }

    @Test
    void draftsAreValidatedAgainstTheirContentType() {
        HttpResponse<String> missing = create("pages/vide", "page", Map.of("description", "sans titre"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"field\":\"title\"").contains("obligatoire");

        HttpResponse<String> unknown = create("pages/inconnu", "page", Map.of("title", "T", "couleur", "rouge"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"couleur\"");

        HttpResponse<String> wrongType = create("pages/faux", "page", Map.of("title", "T", "hideInNav", "oui"));
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("\"field\":\"hideInNav\"");

        assertThat(fixture.as(admin, "POST", API + "minisites", AuthoringFixture.body(Map.of("slug", "xy", "name", "X")))
                .statusCode()).isEqualTo(201);
        HttpResponse<String> badReference = fixture.as(admin, "PUT", API + "drafts/website/sites/xy",
                AuthoringFixture.body(Map.of("properties", Map.of("themes", List.of("theme-qui-n-existe-pas")))));
        assertThat(badReference.statusCode()).isEqualTo(400);
        assertThat(badReference.body()).contains("theme-qui-n-existe-pas").contains("aucun contenu publié");

        assertThat(create("pages/ok", "page", Map.of("title", "Bon")).statusCode()).isEqualTo(201);
        assertThat(create("pages/ok", "page", Map.of("title", "Encore")).statusCode()).isEqualTo(409);
        JsonNode list = AuthoringFixture.json(fixture.as(editor, "GET", API + "drafts/website?type=page&q=bon", null));
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.get("results").get(0).get("@path").asText()).isEqualTo("/pages/ok");
    }

    @Test
    void pathTraversalInItemPathsIsRefused() {
        for (String path : List.of("pages/..%2F..%2Foc:system", "pages/%2E%2E/x", "pages/a%2Fb/..", "pages/oc:x")) {
            HttpResponse<String> response = create(path, "page", Map.of("title", "T"));
            assertThat(response.statusCode()).as(path).isIn(400, 404, 409);
        }
        for (String raw : List.of("/pages/../../oc:system/x", "/pages/./x", "/pages//x", "/pages/a:b", "/pages/x\\y", "..")) {
            assertThatThrownBy(() -> ItemPath.of("website", raw)).as(raw).isInstanceOf(ItemPath.InvalidPathException.class);
        }
        assertThatThrownBy(() -> ItemPath.of("oc:system", "/x")).isInstanceOf(ItemPath.InvalidPathException.class);
        boolean escaped = fixture.repository.withSystemSession(s -> s.nodeExists("/oc:system/x") || s.nodeExists("/x"));
        assertThat(escaped).isFalse();
    }

    @Test
    void richTextIsSanitisedOnSaveSoStoredXssNeverReachesReaders() {
        String hostile = "<p onclick=\"steal()\">Bonjour <script>alert(document.cookie)</script>"
                + "<a href=\"javascript:alert(1)\">lien</a><img src=x onerror=alert(1)><b>gras</b></p>";
        assertThat(create("pages/xss", "page", Map.of("title", "XSS", "text", hostile)).statusCode()).isEqualTo(201);
        String stored = fixture.repository.withSystemSession(s ->
                s.getNode("/oc:authoring/website/pages/xss").getProperty("text").getString());
        assertThat(stored).contains("Bonjour").contains("<b>gras</b>")
                .doesNotContainIgnoringCase("script").doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("javascript:");
        edit(editor, "pages/xss", Map.of("text", "<iframe src=\"https://evil.example\"></iframe><i>ok</i>"));
        String updated = fixture.repository.withSystemSession(s ->
                s.getNode("/oc:authoring/website/pages/xss").getProperty("text").getString());
        assertThat(updated).contains("<i>ok</i>").doesNotContainIgnoringCase("iframe");

        // pen-test finding: https images from anywhere were kept, then blocked by the pages' CSP (img-src 'self')
        edit(editor, "pages/xss", Map.of("text", "<p><img src=\"https://tracker.example/pixel.png\" alt=\"a\">"
                + "<img src=\"//tracker.example/p.png\" alt=\"b\"><img src=\"/.rest/assets/abc/0123/carte.png?w=640\" alt=\"c\"></p>"));
        String images = fixture.repository.withSystemSession(s ->
                s.getNode("/oc:authoring/website/pages/xss").getProperty("text").getString());
        assertThat(images).doesNotContain("tracker.example").contains("src=\"/.rest/assets/abc/0123/carte.png?w&#61;640\"");
    }

    @Test
    void submitRejectWithACommentThenPublishAndUnpublish() {
        create("pages/guide", "page", Map.of("title", "Guide"));
        assertThat(action(editor, "submit", "pages/guide", "{}").body()).contains("\"status\":\"submitted\"");
        assertThat(action(editor, "reject", "pages/guide", "{\"comment\":\"non\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> rejected = action(publisher, "reject", "pages/guide", "{\"comment\":\"Titre trop court\"}");
        assertThat(rejected.body()).contains("\"status\":\"rejected\"");
        JsonNode draft = AuthoringFixture.json(fixture.as(editor, "GET", API + "drafts/website/pages/guide", null));
        assertThat(draft.get("comment").asText()).isEqualTo("Titre trop court");
        assertThat(live("pages/guide", "title")).isNull();

        edit(editor, "pages/guide", Map.of("title", "Guide des démarches"));
        action(editor, "submit", "pages/guide", "{}");
        assertThat(action(publisher, "publish", "pages/guide", "{}").statusCode()).isEqualTo(200);
        assertThat(live("pages/guide", "title")).isEqualTo("Guide des démarches");
        boolean metadataLive = fixture.repository.withAnonymousSession(s ->
                s.getNode("/website/pages/guide").hasProperty("oc:status"));
        assertThat(metadataLive).as("workflow metadata stays on the draft").isFalse();

        assertThat(action(publisher, "unpublish", "pages/guide", "{}").statusCode()).isEqualTo(200);
        assertThat(live("pages/guide", "title")).isNull();
    }

    @Test
    void editPublishEditPublishRestoreTheFirstPublishesTheFirstAgain() {
        create("pages/aides", "page", Map.of("title", "Aides v1", "description", "Première"));
        assertThat(AuthoringFixture.json(action(publisher, "publish", "pages/aides", "{}")).get("version").asInt()).isEqualTo(1);
        edit(editor, "pages/aides", Map.of("title", "Aides v2", "description", "Seconde"));
        assertThat(live("pages/aides", "title")).as("an edit is not live before publishing").isEqualTo("Aides v1");
        assertThat(AuthoringFixture.json(action(publisher, "publish", "pages/aides", "{}")).get("version").asInt()).isEqualTo(2);
        assertThat(live("pages/aides", "title")).isEqualTo("Aides v2");

        JsonNode diff = AuthoringFixture.json(fixture.as(editor, "GET", API + "diff/website/pages/aides?from=1&to=2", null));
        assertThat(diff.get("changes").toString())
                .contains("{\"property\":\"title\",\"before\":\"Aides v1\",\"after\":\"Aides v2\"}")
                .contains("{\"property\":\"description\",\"before\":\"Première\",\"after\":\"Seconde\"}");

        assertThat(fixture.as(editor, "POST", API + "restore/website/pages/aides?version=1", "{}").statusCode())
                .as("restoring publishes: editors may not").isEqualTo(403);
        HttpResponse<String> restored = fixture.as(publisher, "POST", API + "restore/website/pages/aides?version=1", "{}");
        assertThat(AuthoringFixture.json(restored).get("version").asInt()).isEqualTo(3);
        assertThat(live("pages/aides", "title")).isEqualTo("Aides v1");
        assertThat(live("pages/aides", "description")).isEqualTo("Première");
        JsonNode versions = AuthoringFixture.json(fixture.as(editor, "GET", API + "versions/website/pages/aides", null));
        assertThat(versions.get("versions")).hasSize(3);
        assertThat(versions.get("versions").get(2).get("publishedBy").asText()).isEqualTo("paul");
        assertThat(AuthoringFixture.json(fixture.as(editor, "GET", API + "diff/website/pages/aides?from=1&to=3", null))
                .get("changes")).isEmpty();
    }

    @Test
    void theAuditLogNamesWhoDidWhatAndOnlyAdministratorsReadIt() {
        create("pages/journal", "page", Map.of("title", "Journal"));
        action(publisher, "publish", "pages/journal", "{}");
        assertThat(fixture.as(editor, "GET", API + "audit", null).statusCode()).isEqualTo(403);
        JsonNode audit = AuthoringFixture.json(fixture.as(admin, "GET", API + "audit", null));
        String entries = audit.get("entries").toString();
        assertThat(entries).contains("\"who\":\"edith\",\"action\":\"create\",\"target\":\"website:/pages/journal\"")
                .contains("\"who\":\"paul\",\"action\":\"publish\",\"target\":\"website:/pages/journal\"");
        assertThat(audit.get("entries").get(0).get("action").asText()).as("newest first").isEqualTo("publish");
    }
}
