package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The page editor on the packaged application with its demo data, in a real browser
 * ({@code src/test/browser/minisite-editor-flows.mjs}): an administrator creates two mini-sites and a
 * program team member of the first; the team member builds a page of its mini-site with a live-content
 * component, previews and submits it (anonymous visitors get nothing yet), cannot reach the other
 * mini-site; a publisher publishes it and visitors see it. axe-core on the page list, page editor,
 * component form and preview in both themes. Same skip/fail policy as {@link SiteIT}.
 */
class MiniSiteEditorIT {
    private static final Path BROWSER_TESTS = Path.of("src/test/browser");
    private static final String PASSWORD = "une phrase de passe assez longue";
    private static Path dataDir;
    private static AppProcess app;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("oc-minisite-editor-it");
        // First start loads the demo data; the administrator is created server stopped, as in production.
        AppProcess.serve(dataDir).close();
        PlatformConfig config = PlatformConfig.load(Optional.empty(), Map.of("OC_DATA_DIR", dataDir.toString(),
                "OC_SERVER_HOST", "127.0.0.1", "OC_SERVER_PORT", "0"));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        assertThat(CreateAdminCommand.run(config, "marie", "marie@example.fr", p -> PASSWORD.toCharArray().clone(),
                new PrintStream(output, true, StandardCharsets.UTF_8))).as(output.toString(StandardCharsets.UTF_8)).isTrue();
        app = AppProcess.serve(dataDir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (dataDir != null) {
            try (var files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + app.port();
    }

    private static HttpResponse<String> send(String method, String path, String json, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The administrator creates the mini-sites pvd (with its team member léa) and acv (with a home page
     * draft, target of the forged form), and the publisher paul, through the JSON API.
     */
    private static void createSitesAndAuthors() throws Exception {
        HttpResponse<String> login = send("POST", "/.rest/authoring/v1/session",
                "{\"login\":\"marie\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        Matcher cookie = Pattern.compile("oc_session=([^;]+)").matcher(login.headers().firstValue("Set-Cookie").orElseThrow());
        assertThat(cookie.find()).isTrue();
        String[] auth = {"Cookie", "oc_session=" + cookie.group(1), "X-CSRF-Token",
                new ObjectMapper().readTree(login.body()).get("csrfToken").asText()};
        String[] requests = {
            "/.rest/authoring/v1/minisites", "{\"slug\":\"pvd\",\"name\":\"Petites villes de demain\"}",
            "/.rest/authoring/v1/minisites", "{\"slug\":\"acv\",\"name\":\"Action cœur de ville\"}",
            "/.rest/authoring/v1/drafts/website/sites/acv/home", "{\"type\":\"page\",\"properties\":{\"title\":\"Accueil ACV\"}}",
            "/.rest/authoring/v1/users", "{\"login\":\"lea\",\"password\":\"" + PASSWORD
                    + "\",\"email\":\"lea@example.fr\",\"teams\":[\"pvd\"]}",
            "/.rest/authoring/v1/users", "{\"login\":\"paul\",\"password\":\"" + PASSWORD
                    + "\",\"email\":\"paul@example.fr\",\"roles\":[\"publisher\"]}"};
        for (int i = 0; i < requests.length; i += 2) {
            HttpResponse<String> created = send("POST", requests[i], requests[i + 1], auth);
            assertThat(created.statusCode()).as(requests[i] + ": " + created.body()).isEqualTo(201);
        }
    }

    @Test
    void aTeamBuildsAMiniSitePageAPublisherPublishesItAndVisitorsSeeItOnlyThen() throws Exception {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(Path.of("/usr/bin/chromium"))) {
            missing.add("/usr/bin/chromium (apt-get install -y chromium)");
        }
        if (!Files.isDirectory(BROWSER_TESTS.resolve("node_modules/playwright-core"))) {
            missing.add("playwright-core and axe-core (npm ci in webapp/src/test/browser)");
        }
        boolean required = Boolean.getBoolean("browser.required") || "true".equals(System.getenv("CI"));
        if (!missing.isEmpty()) {
            String message = "Browser tests need: " + String.join("; ", missing);
            assertThat(required).as(message + " (required here: CI=true or -Dbrowser.required=true)").isFalse();
            assumeTrue(false, message + ": skipped");
        }
        createSitesAndAuthors();
        Path output = Files.createTempFile("oc-minisite-browser", ".log");
        Process node = new ProcessBuilder("node", BROWSER_TESTS.resolve("minisite-editor-flows.mjs").toString(), base(),
                "target/screenshots", "lea", "paul", PASSWORD)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean done = node.waitFor(6, TimeUnit.MINUTES);
        if (!done) {
            node.destroyForcibly().waitFor();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        System.out.println(log);
        assertThat(done).as("browser tests finished in time:\n" + log).isTrue();
        assertThat(node.exitValue()).as(log).isZero();
        assertThat(log).contains(", 0 failed").doesNotContain("not ok");
        assertThat(Path.of("target/screenshots/auteur-apercu-dark.png")).exists();
    }
}
