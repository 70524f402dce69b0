package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged application with its demo data for the browser tests, registered on a static field
 * ({@code @RegisterExtension static final BrowserPlatform PLATFORM = ...}): a temporary data directory, the
 * first start that loads the demo data, the administrator {@value #ADMINISTRATOR} made by {@code create-admin}
 * server stopped (as in production), then the application serving until the class's tests are done, when
 * everything is removed. The tests prepare content through the administrator's JSON API session and run a
 * harness of {@code src/test/browser} against it.
 *
 * <p>The browser part needs {@code /usr/bin/chromium}, {@code node} and {@code npm ci} in
 * {@code src/test/browser} (see README). Without them it is skipped with a message saying what is missing,
 * except when {@code -Dbrowser.required=true} or the environment variable {@code CI=true} is set (as in
 * {@code .ci/run}): then it fails.
 */
final class BrowserPlatform implements BeforeAllCallback, AfterAllCallback {
    static final String ADMINISTRATOR = "marie";
    static final String PASSWORD = "une phrase de passe assez longue";
    private static final Path BROWSER_TESTS = Path.of("src/test/browser");
    private static final String SCREENSHOTS = "target/screenshots";

    private final String name;
    private final boolean withAdministrator;
    private final Map<String, String> contentTypes;
    private final HttpClient client = HttpClient.newHttpClient();
    private Path dataDir;
    private Path lightModule;
    private Path config;
    private AppProcess app;
    private String[] administratorSession;

    private BrowserPlatform(String name, boolean withAdministrator, Map<String, String> contentTypes) {
        this.name = name;
        this.withAdministrator = withAdministrator;
        this.contentTypes = contentTypes;
    }

    /** The demo platform alone, no account; {@code name} prefixes its temporary directories. */
    static BrowserPlatform demo(String name) {
        return new BrowserPlatform(name, false, Map.of());
    }

    /** The demo platform and its administrator {@value #ADMINISTRATOR}, password {@value #PASSWORD}. */
    static BrowserPlatform withAdministrator(String name) {
        return new BrowserPlatform(name, true, Map.of());
    }

    /**
     * Served with a copy of the light module that adds the content type {@code type} (as a site's own light
     * module would).
     */
    BrowserPlatform withContentType(String type, String definition) {
        Map<String, String> types = new HashMap<>(contentTypes);
        types.put(type, definition);
        return new BrowserPlatform(name, withAdministrator, types);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory(name);
        List<String> options = new ArrayList<>();
        Map<String, String> environment = new HashMap<>(Map.of("OC_DATA_DIR", dataDir.toString(),
                "OC_SERVER_HOST", "127.0.0.1", "OC_SERVER_PORT", "0"));
        if (!contentTypes.isEmpty()) {
            lightModule = Files.createTempDirectory(name + "-module").resolve("open-collectivites");
            copy(Path.of("..", "light-modules", "open-collectivites"), lightModule);
            for (Map.Entry<String, String> type : contentTypes.entrySet()) {
                Files.writeString(lightModule.resolve("contentTypes/" + type.getKey() + ".yaml"), type.getValue());
            }
            config = dataDir.resolveSibling(dataDir.getFileName() + ".properties");
            Files.writeString(config, "lightModule.dir=" + lightModule.toAbsolutePath().toString().replace("\\", "/") + "\n");
            options.addAll(List.of("--config", config.toString()));
            environment.put("OC_LIGHT_MODULE_DIR", lightModule.toString());
        }
        if (withAdministrator) {
            // First start loads the demo data; the administrator is created server stopped, as in production.
            AppProcess.serve(dataDir, options.toArray(String[]::new)).close();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            assertThat(CreateAdminCommand.run(PlatformConfig.load(Optional.empty(), environment), ADMINISTRATOR,
                    ADMINISTRATOR + "@example.fr", p -> PASSWORD.toCharArray().clone(),
                    new PrintStream(output, true, StandardCharsets.UTF_8))).as(output.toString(StandardCharsets.UTF_8)).isTrue();
        }
        // the authoring flows harvest the platform's own feed on loopback: trusted as an operator trusts an
        // intranet source (outbound.trustedHosts), everything else stays refused
        app = AppProcess.serve(dataDir, Map.of(PlatformConfig.environmentName("outbound.trustedHosts"), "127.0.0.1"),
                options.toArray(String[]::new));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (app != null) {
            app.close();
        }
        for (Path path : new Path[] {dataDir, lightModule == null ? null : lightModule.getParent(), config}) {
            if (path != null && Files.exists(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }

    String base() {
        return "http://127.0.0.1:" + app.port();
    }

    int port() {
        return app.port();
    }

    /** The copy of the light module served ({@link #withContentType}). */
    Path lightModule() {
        return lightModule;
    }

    /**
     * A JSON request of the administrator, signed in through the session API on the first one (its cookie
     * and CSRF token then sent with every request).
     */
    HttpResponse<String> asAdministrator(String method, String path, String json) throws Exception {
        if (administratorSession == null) {
            HttpResponse<String> login = send("POST", "/.rest/authoring/v1/session",
                    "{\"login\":\"" + ADMINISTRATOR + "\",\"password\":\"" + PASSWORD + "\"}");
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            Matcher cookie = Pattern.compile("oc_session=([^;]+)").matcher(login.headers().firstValue("Set-Cookie").orElseThrow());
            assertThat(cookie.find()).isTrue();
            administratorSession = new String[] {"Cookie", "oc_session=" + cookie.group(1), "X-CSRF-Token",
                    new ObjectMapper().readTree(login.body()).get("csrfToken").asText()};
        }
        return send(method, path, json, administratorSession);
    }

    private HttpResponse<String> send(String method, String path, String json, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Skips the test, or fails it where browsers are required, when chromium, the harness's node modules or
     * one of {@code alsoNeeded} (what it is, whether it is there) are missing.
     */
    void requireBrowser(Map<String, Boolean> alsoNeeded) {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(Path.of("/usr/bin/chromium"))) {
            missing.add("/usr/bin/chromium (apt-get install -y chromium)");
        }
        if (!Files.isDirectory(BROWSER_TESTS.resolve("node_modules/playwright-core"))) {
            missing.add("playwright-core and axe-core (npm ci in webapp/src/test/browser)");
        }
        alsoNeeded.forEach((what, present) -> {
            if (!present) {
                missing.add(what);
            }
        });
        boolean required = Boolean.getBoolean("browser.required") || "true".equals(System.getenv("CI"));
        if (!missing.isEmpty()) {
            String message = "Browser tests need: " + String.join("; ", missing);
            assertThat(required).as(message + " (required here: CI=true or -Dbrowser.required=true)").isFalse();
            assumeTrue(false, message + ": skipped");
        }
    }

    void requireBrowser() {
        requireBrowser(Map.of());
    }

    /**
     * Runs {@code node src/test/browser/<script> <base-url> target/screenshots <args>} and checks that it ends
     * in time with every check passed; its output is printed and returned.
     */
    String runHarness(String script, Duration timeout, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", BROWSER_TESTS.resolve(script).toString(), base(), SCREENSHOTS));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(name + "-browser", ".log");
        Process node = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean done = node.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
            node.destroyForcibly().waitFor();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        System.out.println(log);
        assertThat(done).as("browser tests finished in time:\n" + log).isTrue();
        assertThat(node.exitValue()).as(log).isZero();
        assertThat(log).contains(", 0 failed").doesNotContain("not ok");
        return log;
    }

    /** A screenshot the harness took, named {@code <name>.png}. */
    static Path screenshot(String name) {
        return Path.of(SCREENSHOTS, name + ".png");
    }
}
