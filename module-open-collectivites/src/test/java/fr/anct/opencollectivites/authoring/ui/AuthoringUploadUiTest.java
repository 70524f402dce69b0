package fr.anct.opencollectivites.authoring.ui;

import static fr.anct.opencollectivites.TestImages.png;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;
import javax.jcr.Node;
import javax.jcr.NodeIterator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.TestHttpServer;
import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.security.Role;

/**
 * The asset picker's upload, a multipart/form-data form over real HTTP, stores through the same
 * {@code AssetStore} as the JSON route: type from the bytes, 10 MB cap, name rules; refusals in French
 * naming the file, next to the field; nothing saved when a file is refused.
 */
@Tag("repository")
@Tag("http")
class AuthoringUploadUiTest {
    private static final String POSTER_TYPE = """
            datasource:
              workspace: website
              rootPath: /affiches
              autoCreate: true
            model:
              nodeType: oc:affiche
              properties:
                - name: title
                  required: true
                - name: image
                  type: asset
            """;
    private static final String FORM = "/auteur/contenus/affiche/nouveau";

    @TempDir
    Path temp;
    private AuthoringUiPlatform platform;
    private OakRepository repository;
    private TestHttpServer server;
    private UiClient ui;
    private String session;
    private String csrf;

    @BeforeEach
    void start() throws Exception {
        platform = AuthoringUiPlatform.withContentType(temp, "affiche", POSTER_TYPE).user("marie", Role.ADMINISTRATOR);
        repository = platform.fixture.repository;
        server = platform.server;
        ui = platform.ui;
        session = ui.signIn("marie", AuthoringFixture.PASSWORD);
        csrf = UiClient.field(ui.send("GET", FORM, null, session).body(), "csrf");
    }

    @AfterEach
    void stop() throws Exception {
        platform.close();
    }

    @Test
    void aPngIsStoredResizedAndSelectedThenSavedWithTheItem() throws Exception {
        HttpResponse<String> uploaded = upload("photo.png", png(2000, 1000));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        assertThat(uploaded.body()).contains("Fichier téléversé : photo.png").contains("value=\"Affiche\" id=\"champ-title\"");
        Stored asset = onlyAsset();
        assertThat(asset.path()).matches("/oc:assets/editorial/[0-9a-f]{32}");
        assertThat(asset.mimeType()).isEqualTo("image/png");
        assertThat(asset.resized()).isTrue();
        String url = "/.rest/assets/" + asset.id() + "/" + asset.sha256() + "/photo.png";
        assertThat(uploaded.body()).contains("name=\"champ.image\" value=\"" + url + "\" checked")
                .contains("<img src=\"" + url + "?w=320\" alt=\"\"");
        HttpResponse<byte[]> thumbnail = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri(url + "?w=320"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail.body())).getWidth()).isEqualTo(320);

        HttpResponse<String> saved = ui.send("POST", FORM, UiClient.form(UiClient.fields("csrf", csrf, "nom", "salon",
                "champ.title", "Affiche", "champ.image", url, "action", "save")), session);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        repository.withSystemSession(s -> {
            assertThat(s.getNode("/oc:authoring/website/affiches/salon").getProperty("image").getString()).isEqualTo(url);
            return null;
        });
        assertThat(ui.send("GET", "/auteur/contenus/affiche/affiches/salon", null, session).body())
                .contains("name=\"champ.image\" value=\"" + url + "\" checked");
    }

    @Test
    void theTypeComesFromTheBytesNotTheName() throws Exception {
        HttpResponse<String> renamed = upload("rapport.pdf", png(50, 50));
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        Stored asset = onlyAsset();
        assertThat(asset.fileName()).isEqualTo("rapport.png");
        assertThat(asset.mimeType()).isEqualTo("image/png");

        HttpResponse<String> html = upload("page.png",
                "<!doctype html><html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(html.statusCode()).isEqualTo(400);
        assertThat(html.body()).contains("id=\"champ-image-erreur\"").contains("« page.png »")
                .contains("Type de fichier refusé");
        assertThat(assets()).hasSize(1);
        repository.withSystemSession(s -> {
            assertThat(s.nodeExists("/oc:authoring/website/affiches/affiche")).as("nothing saved").isFalse();
            return null;
        });
    }

    @Test
    void aFileOverTenMegabytesIsRefusedWithAFrenchMessageNamingIt() throws Exception {
        byte[] big = Arrays.copyOf(png(10, 10), 11 * 1024 * 1024);
        HttpResponse<String> refused = upload("enorme.png", big);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("« enorme.png »").contains("dépasse la taille maximale (10 Mo)")
                .contains("value=\"Affiche\" id=\"champ-title\"");
        assertThat(assets()).isEmpty();

        // far over the cap, the body is refused from its declared length, before it is read (and buffered):
        // only the headers and the first bytes are sent
        String huge = declaringOnly(40L * 1024 * 1024);
        assertThat(huge).startsWith("HTTP/1.1 413").contains("dépasse la taille maximale (10 Mo)");
        assertThat(assets()).isEmpty();
    }

    @Test
    void aPathInTheFileNameIsNeutralised() throws Exception {
        HttpResponse<String> uploaded = upload("../../../etc/passwd.png", png(40, 40));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        Stored asset = onlyAsset();
        assertThat(asset.path()).matches("/oc:assets/editorial/[0-9a-f]{32}");
        assertThat(asset.fileName()).isEqualTo("passwd.png");
        assertThat(uploaded.body()).contains("Fichier téléversé : passwd.png");
        repository.withSystemSession(s -> {
            assertThat(s.nodeExists("/etc")).isFalse();
            return null;
        });
    }

    private HttpResponse<String> upload(String fileName, byte[] bytes) throws Exception {
        String boundary = "----oc" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : new String[][] {{"csrf", csrf}, {"nom", "affiche"}, {"champ.title", "Affiche"},
                {"action", "televerser:image"}}) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                    + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"fichier.image\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(bytes);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(server.uri(FORM)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", "oc_session=" + session)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart POST whose headers declare {@code length} bytes, of which only the first part is sent. */
    private String declaringOnly(long length) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.uri("/").getPort())) {
            socket.setSoTimeout(20_000);
            var out = socket.getOutputStream();
            out.write(("POST " + FORM + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: oc_session=" + session
                    + "\r\nContent-Type: multipart/form-data; boundary=oc\r\nContent-Length: " + length
                    + "\r\n\r\n--oc\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            var in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            String headers = head.toString(StandardCharsets.ISO_8859_1);
            java.util.regex.Matcher size = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(headers);
            byte[] body = size.find() ? in.readNBytes(Integer.parseInt(size.group(1))) : new byte[0];
            return headers + new String(body, StandardCharsets.UTF_8);
        }
    }

    private List<String> assets() {
        return repository.withSystemSession(s -> {
            List<String> paths = new ArrayList<>();
            if (s.nodeExists("/oc:assets/editorial")) {
                for (NodeIterator it = s.getNode("/oc:assets/editorial").getNodes(); it.hasNext(); ) {
                    Node node = it.nextNode();
                    if (node.isNodeType("oc:asset")) {
                        paths.add(node.getPath());
                    }
                }
            }
            return paths;
        });
    }

    private record Stored(String path, String id, String fileName, String mimeType, String sha256, boolean resized) {
    }

    private Stored onlyAsset() {
        List<String> paths = assets();
        assertThat(paths).hasSize(1);
        return repository.withSystemSession(s -> {
            Node node = s.getNode(paths.get(0));
            return new Stored(node.getPath(), node.getName(), node.getProperty("fileName").getString(),
                    node.getProperty("mimeType").getString(), node.getProperty("sha256").getString(),
                    node.hasNode("w320") && node.hasNode("w640") && node.hasNode("w1280"));
        });
    }
}
