package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pen-test findings retried against the real platform (Jetty, configuration, composition): one
 * platform with the demo dataset, behind a configured trusted proxy (127.0.0.1, the test's own address),
 * with its public address configured ({@code site.baseUrl}), two administrators.
 */
@Tag("http")
class SecurityPlatformTest {
    private static final String PASSWORD = "une phrase de passe assez longue";
    private static final String BASE_URL = "https://collectivites.example.fr";
    @TempDir
    static Path dataDir;
    private static Platform platform;
    private static String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        PlatformConfig config = PlatformConfig.load(Optional.empty(), Map.of(
                "OC_SERVER_HOST", "127.0.0.1", "OC_SERVER_PORT", "0", "OC_DATA_DIR", dataDir.toString(),
                "OC_SECURITY_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8", "OC_SITE_BASE_URL", BASE_URL));
        for (String login : new String[] {"marie", "jean"}) {
            assertThat(CreateAdminCommand.run(config, login, login + "@example.fr", p -> PASSWORD.toCharArray().clone(),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isTrue();
        }
        platform = Platform.start(config);
        base = "http://127.0.0.1:" + platform.port();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> login(String login, String password, String forwardedFor) throws Exception {
        return send("POST", "/.rest/authoring/v1/session", "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}",
                "X-Forwarded-For", forwardedFor);
    }

    /**
     * Finding 3: a guesser behind the reverse proxy (203.0.113.9) fails 25 logins over many accounts; a
     * colleague behind the same proxy, and even one on the guesser's own address, still sign in, while
     * the guessed accounts are slowed from that address only.
     */
    @Test
    void aGuesserBehindTheProxyDoesNotLockOutItsOtherUsers() throws Exception {
        for (int i = 0; i < 25; i++) {
            HttpResponse<String> refused = login("compte" + i, "mauvais mot de passe",
                    "198.51.100.20, 203.0.113.9"); // the left part is the client's own claim: not trusted
            assertThat(refused.statusCode()).isEqualTo(401);
        }
        HttpResponse<String> guessed = login("compte3", "encore un essai", "203.0.113.9");
        assertThat(guessed.statusCode()).as("a guessed account, from the guesser's address").isEqualTo(429);
        assertThat(guessed.headers().firstValue("Retry-After")).isPresent();
        assertThat(login("compte3", "encore un essai", "198.51.100.7").statusCode())
                .as("the same account from another client of the proxy: checked").isEqualTo(401);

        assertThat(login("marie", PASSWORD, "198.51.100.7").statusCode()).as("a colleague behind the same proxy")
                .isEqualTo(200);
        assertThat(login("jean", PASSWORD, "203.0.113.9, 10.1.2.3").statusCode())
                .as("an account nobody guessed, from the guesser's own address (through two proxies)").isEqualTo(200);
    }

    /**
     * Finding 8: {@code Host: evil.example} gave a 301 {@code Location}, canonical link, {@code og:url},
     * JSON-LD {@code @id}, sitemap and robots.txt in that host, on publicly cached pages. Every absolute
     * address now comes from {@code site.baseUrl}.
     */
    @Test
    void aForgedHostHeaderNeverReachesAnAddress() throws Exception {
        String moved = raw(get("/communes/42190", "evil.example"));
        assertThat(moved).startsWith("HTTP/1.1 301");
        assertThat(header(moved, "Location")).isEqualTo("/communes/42218-saint-etienne");

        String fiche = raw(get("/communes/42218-saint-etienne", "evil.example"));
        assertThat(fiche).startsWith("HTTP/1.1 200").contains("Cache-Control: public").doesNotContain("evil.example")
                .contains("<link rel=\"canonical\" href=\"" + BASE_URL + "/communes/42218-saint-etienne\">")
                .contains("<meta property=\"og:url\" content=\"" + BASE_URL + "/communes/42218-saint-etienne\">")
                .contains("\"@id\":\"" + BASE_URL + "/communes/42218-saint-etienne\"");
        for (String path : new String[] {"/robots.txt", "/sitemap.xml", "/sitemaps/pages.xml", "/",
                "/.rest/open-collectivites/v1/publications/feed.atom"}) {
            String answer = raw(get(path, "evil.example:8443"));
            assertThat(answer).as(path).startsWith("HTTP/1.1 200").doesNotContain("evil.example").contains(BASE_URL);
        }
    }

    private static String get(String path, String host) {
        return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
    }

    private static String header(String response, String name) {
        for (String line : response.substring(0, response.indexOf("\r\n\r\n")).split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return null;
    }

    /**
     * Finding 12: the broken-links route answered 403 to everyone (it waited for a security context nobody
     * set); {@code /metrics} was open on the public port.
     */
    @Test
    void editorsRoutesAndMetricsAnswerWhomTheyShould() throws Exception {
        String brokenLinks = "/.rest/open-collectivites/v1/editor/publications/broken-links";
        assertThat(send("GET", brokenLinks, null).statusCode()).isEqualTo(403);
        HttpResponse<String> login = login("marie", PASSWORD, "198.51.100.8");
        assertThat(login.statusCode()).isEqualTo(200);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        String session = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<String> listed = send("GET", brokenLinks, null, "Cookie", session);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(listed.body()).startsWith("{\"results\":");

        String csrf = login.body().replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1");
        for (String[] user : new String[][] {{"camille", "editor"}, {"rachid", "reviewer"}}) {
            assertThat(send("POST", "/.rest/authoring/v1/users", "{\"login\":\"" + user[0] + "\",\"email\":\"" + user[0]
                    + "@example.fr\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"" + user[1] + "\"]}",
                    "Cookie", session, "X-CSRF-Token", csrf).statusCode()).isEqualTo(201);
        }
        String editor = login("camille", PASSWORD, "198.51.100.8").headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(send("GET", brokenLinks, null, "Cookie", editor.substring(0, editor.indexOf(';'))).statusCode())
                .as("an editor").isEqualTo(200);
        String reviewer = login("rachid", PASSWORD, "198.51.100.8").headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(send("GET", brokenLinks, null, "Cookie", reviewer.substring(0, reviewer.indexOf(';'))).statusCode())
                .as("a reviewer").isEqualTo(403);

        assertThat(raw("GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .as("on this machine, directly").startsWith("HTTP/1.1 200").contains("oc_repository_up");
        assertThat(raw("GET /metrics HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 203.0.113.9\r\nConnection: close\r\n\r\n"))
                .as("through the reverse proxy").startsWith("HTTP/1.1 404").doesNotContain("oc_repository_up");
    }

    /** A raw request, to send a Host header of one's choosing. */
    static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", platform.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
