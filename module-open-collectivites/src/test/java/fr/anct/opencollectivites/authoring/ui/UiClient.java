package fr.anct.opencollectivites.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fr.anct.opencollectivites.TestHttpServer;

/** A browser-like client of the authoring pages: form posts, cookies by hand, no redirect following. */
public final class UiClient {
    private final TestHttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public UiClient(TestHttpServer server) {
        this.server = server;
    }

    /** Signs in through the login form; the session cookie's value. */
    public String signIn(String login, String password) {
        return signIn(login, password, null);
    }

    /** The same from a browser that already holds the session cookie {@code presented} (null: none). */
    public String signIn(String login, String password, String presented) {
        HttpResponse<String> form = send("GET", "/auteur/connexion", null, null);
        HttpResponse<String> response = send("POST", "/auteur/connexion",
                form(Map.of("login", login, "password", password, "csrf", field(form.body(), "csrf"))),
                null, "Cookie", "oc_login_csrf=" + cookie(form, "oc_login_csrf")
                        + (presented == null ? "" : "; oc_session=" + presented));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/auteur/");
        String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("oc_session="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        return cookie.substring("oc_session=".length(), cookie.indexOf(';'));
    }

    static String cookie(HttpResponse<String> response, String name) {
        String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .findFirst().orElseThrow();
        return cookie.substring(name.length() + 1, cookie.indexOf(';'));
    }

    public static String field(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as("hidden field " + name).isTrue();
        return matcher.group(1);
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    public static Map<String, String> fields(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** A multipart/form-data POST of plain fields, as a browser sends a form with a file input. */
    HttpResponse<String> postMultipart(String path, Map<String, String> fields, String session) {
        return postMultipart(path, fields, null, null, null, session);
    }

    /** The same with one chosen file ({@code fileField} null: none), its name as the browser gives it. */
    HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField, String fileName,
                                       byte[] content, String session) {
        String boundary = "----oc" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (fileField != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", "oc_session=" + session)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return TestHttpServer.send(client, request);
    }

    public HttpResponse<String> send(String method, String path, String formBody, String session, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(20))
                .method(method, formBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(formBody));
        if (formBody != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (session != null) {
            request.header("Cookie", "oc_session=" + session);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return TestHttpServer.send(client, request.build());
    }
}
