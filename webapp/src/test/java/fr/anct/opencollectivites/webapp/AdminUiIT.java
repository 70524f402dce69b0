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
 * The administration, versions and password pages on the packaged application with its demo data, in a
 * real browser ({@code src/test/browser/admin-flows.mjs}): the administrator creates a user through the
 * form and that user signs in; axe-core on every page in both themes. Same skip/fail policy as
 * {@link AuthoringUiIT}.
 */
class AdminUiIT {
    private static final Path BROWSER_TESTS = Path.of("src/test/browser");
    private static final String PASSWORD = "une phrase de passe assez longue";
    private static Path dataDir;
    private static AppProcess app;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("oc-admin-ui-it");
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

    /** Through the JSON API as the administrator: an editor, and a callout published twice then edited. */
    private static void prepare() throws Exception {
        HttpResponse<String> login = send("POST", "/.rest/authoring/v1/session",
                "{\"login\":\"marie\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        Matcher cookie = Pattern.compile("oc_session=([^;]+)").matcher(login.headers().firstValue("Set-Cookie").orElseThrow());
        assertThat(cookie.find()).isTrue();
        String[] auth = {"Cookie", "oc_session=" + cookie.group(1), "X-CSRF-Token",
                new ObjectMapper().readTree(login.body()).get("csrfToken").asText()};
        List<String[]> calls = List.of(
                new String[] {"POST", "/.rest/authoring/v1/users", "{\"login\":\"claire\",\"password\":\"" + PASSWORD
                        + "\",\"email\":\"claire@example.fr\",\"roles\":[\"editor\"]}"},
                new String[] {"POST", "/.rest/authoring/v1/drafts/website/callouts/ecole", "{\"type\":\"callout\","
                        + "\"properties\":{\"collectivite\":\"commune:42218\",\"title\":\"Inscriptions à l'école\","
                        + "\"message\":\"<p>Jusqu'au 30 juin.</p>\"}}"},
                new String[] {"POST", "/.rest/authoring/v1/workflow/publish/website/callouts/ecole", "{}"},
                new String[] {"PUT", "/.rest/authoring/v1/drafts/website/callouts/ecole",
                        "{\"properties\":{\"title\":\"Inscriptions à l'école prolongées\"}}"},
                new String[] {"POST", "/.rest/authoring/v1/workflow/publish/website/callouts/ecole", "{}"},
                new String[] {"PUT", "/.rest/authoring/v1/drafts/website/callouts/ecole",
                        "{\"properties\":{\"message\":\"<p>Jusqu'au 14 juillet.</p>\"}}"});
        for (String[] call : calls) {
            HttpResponse<String> answer = send(call[0], call[1], call[2], auth);
            assertThat(answer.statusCode()).as(call[1] + " " + answer.body()).isBetween(200, 201);
        }
    }

    @Test
    void anAdministratorCreatesAUserWhoSignsInAndEveryNewPageIsAccessible() throws Exception {
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
        prepare();
        Path output = Files.createTempFile("oc-admin-browser", ".log");
        Process node = new ProcessBuilder("node", BROWSER_TESTS.resolve("admin-flows.mjs").toString(), base(),
                "target/screenshots", "marie", "claire", PASSWORD)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean done = node.waitFor(8, TimeUnit.MINUTES);
        if (!done) {
            node.destroyForcibly().waitFor();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        System.out.println(log);
        assertThat(done).as("browser tests finished in time:\n" + log).isTrue();
        assertThat(node.exitValue()).as(log).isZero();
        assertThat(log).contains(", 0 failed").doesNotContain("not ok");
        assertThat(Path.of("target/screenshots/admin-utilisateurs-dark.png")).exists();
    }
}
