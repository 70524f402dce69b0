package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged composition: the first administrator made by {@code create-admin}, then the real
 * platform: login, a draft with the CSRF token, invisible to the delivery API until published.
 */
@Tag("http")
class AuthoringPlatformTest {
    private static final String PASSWORD = "la premiere phrase de passe";
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void createAdminThenLoginDraftPublishAndDeliver(@TempDir Path dataDir) throws Exception {
        PlatformConfig config = PlatformConfig.load(Optional.empty(), Map.of(
                "OC_SERVER_HOST", "127.0.0.1", "OC_SERVER_PORT", "0", "OC_DATA_DIR", dataDir.toString(),
                "OC_DEMO_ENABLED", "false"));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Deque<String> typed = new ArrayDeque<>(java.util.List.of("autre chose", PASSWORD));
        assertThat(CreateAdminCommand.run(config, "marie", "marie@example.fr", p -> PASSWORD.toCharArray().clone(),
                new PrintStream(output, true, StandardCharsets.UTF_8))).as(output.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("Administrateur « marie » créé");
        ByteArrayOutputStream mismatch = new ByteArrayOutputStream();
        assertThat(CreateAdminCommand.run(config, "admin2", "admin2@example.fr", p -> typed.pop().toCharArray(),
                new PrintStream(mismatch, true, StandardCharsets.UTF_8))).isFalse();
        assertThat(mismatch.toString(StandardCharsets.UTF_8)).contains("diffèrent");

        try (Platform platform = Platform.start(config)) {
            String base = "http://127.0.0.1:" + platform.port();
            HttpResponse<String> login = send(base, "POST", "/.rest/authoring/v1/session",
                    "{\"login\":\"marie\",\"password\":\"" + PASSWORD + "\"}");
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            Matcher cookie = Pattern.compile("oc_session=([^;]+)").matcher(login.headers().firstValue("Set-Cookie").orElseThrow());
            assertThat(cookie.find()).isTrue();
            assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure");
            String csrf = new ObjectMapper().readTree(login.body()).get("csrfToken").asText();
            String[] auth = {"Cookie", "oc_session=" + cookie.group(1), "X-CSRF-Token", csrf};

            HttpResponse<String> created = send(base, "POST", "/.rest/authoring/v1/drafts/website/pages/accueil",
                    "{\"type\":\"page\",\"properties\":{\"title\":\"Bienvenue\"}}", auth);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(send(base, "GET", "/.rest/delivery/pages/pages/accueil", null).statusCode()).isEqualTo(404);

            HttpResponse<String> published = send(base, "POST", "/.rest/authoring/v1/workflow/publish/website/pages/accueil",
                    "{}", auth);
            assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
            HttpResponse<String> delivered = send(base, "GET", "/.rest/delivery/pages/pages/accueil", null);
            assertThat(delivered.statusCode()).isEqualTo(200);
            assertThat(delivered.body()).contains("Bienvenue").contains("open-collectivites:pages/page")
                    .doesNotContain("oc:status").contains("\"mgnl:lastActivated\"")
                    .as("pen-test finding: staff logins in anonymous output").doesNotContain("marie")
                    .doesNotContain("lastActivatedBy");
        }
    }

    private HttpResponse<String> send(String base, String method, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
