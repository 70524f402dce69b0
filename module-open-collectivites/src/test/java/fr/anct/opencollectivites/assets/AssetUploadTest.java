package fr.anct.opencollectivites.assets;

import static fr.anct.opencollectivites.TestImages.png;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.security.Role;

/** Uploads: type from the bytes, size limit, safe names, who may upload where; served immutable and resized. */
@Tag("repository")
@Tag("http")
class AssetUploadTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private AuthoringFixture fixture;
    private String editor;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new AuthoringFixture();
        fixture.user("edith", Set.of(Role.EDITOR), Set.of());
        fixture.user("rita", Set.of(Role.REVIEWER), Set.of());
        editor = fixture.token("edith");
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    private HttpResponse<byte[]> upload(String token, String folder, String name, HttpRequest.BodyPublisher body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(fixture.server.uri("/.rest/authoring/v1/assets/" + folder
                        + "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .POST(body).build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(fixture.server.uri(path)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        return fr.anct.opencollectivites.web.Json.MAPPER.readTree(response.body());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void anImageIsStoredServedImmutableAndResized() throws Exception {
        byte[] png = png(1600, 800);
        HttpResponse<byte[]> uploaded = upload(editor, "editorial", "Carte de l'EPCI.jpeg",
                HttpRequest.BodyPublishers.ofByteArray(png));
        assertThat(uploaded.statusCode()).as(text(uploaded)).isEqualTo(201);
        JsonNode asset = json(uploaded);
        assertThat(asset.get("mimeType").asText()).as("type from the bytes, not the name").isEqualTo("image/png");
        assertThat(asset.get("fileName").asText()).isEqualTo("Carte-de-l-EPCI.png");
        assertThat(asset.get("widths").toString()).isEqualTo("[320,640,1280]");

        String url = asset.get("url").asText();
        HttpResponse<byte[]> served = get(url);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(png);
        assertThat(served.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable").contains("max-age=31536000");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        String etag = served.headers().firstValue("ETag").orElseThrow();
        assertThat(get(url, "If-None-Match", etag).statusCode()).isEqualTo(304);

        BufferedImage small = ImageIO.read(new ByteArrayInputStream(get(url + "?w=320").body()));
        assertThat(small.getWidth()).isEqualTo(320);
        assertThat(small.getHeight()).isEqualTo(160);
        assertThat(get(url.replace(asset.get("sha256").asText(), "0".repeat(64))).statusCode()).isEqualTo(404);
    }

    @Test
    void anImageNotWiderThanTheWidthAskedIsServedAsItIs() throws Exception {
        byte[] png = png(200, 100);
        JsonNode asset = json(upload(editor, "editorial", "logo.png", HttpRequest.BodyPublishers.ofByteArray(png)));
        assertThat(asset.get("widths").toString()).as("no copy larger than the original").isEqualTo("[]");
        String url = asset.get("url").asText();

        for (int width : AssetStore.WIDTHS) {
            HttpResponse<byte[]> served = get(url + "?w=" + width);
            assertThat(served.statusCode()).as("w=" + width).isEqualTo(200);
            assertThat(served.body()).isEqualTo(png);
            assertThat(served.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
            assertThat(served.headers().firstValue("ETag")).as("the original's bytes, the original's tag")
                    .isEqualTo(get(url).headers().firstValue("ETag"));
        }
        String etag = get(url + "?w=320").headers().firstValue("ETag").orElseThrow();
        assertThat(get(url + "?w=320", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(get(url + "?w=500").statusCode()).as("a width that is never made").isEqualTo(404);
    }

    @Test
    void aPdfIsAcceptedAndDownloaded() throws Exception {
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        HttpResponse<byte[]> uploaded = upload(editor, "editorial", "rapport.pdf", HttpRequest.BodyPublishers.ofByteArray(pdf));
        assertThat(uploaded.statusCode()).isEqualTo(201);
        HttpResponse<byte[]> served = get(json(uploaded).get("url").asText());
        assertThat(served.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(served.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(get(json(uploaded).get("url").asText() + "?w=320").statusCode()).as("no width of a PDF").isEqualTo(404);
    }

    @Test
    void wronglyTypedFilesAreRefusedWhateverTheirName() throws Exception {
        for (Map.Entry<String, String> file : Map.of(
                "photo.png", "<html><script>alert(document.cookie)</script></html>",
                "logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
                "rapport.pdf", "MZ\u0090\u0000 not a pdf").entrySet()) {
            HttpResponse<byte[]> response = upload(editor, "editorial", file.getKey(),
                    HttpRequest.BodyPublishers.ofString(file.getValue()));
            assertThat(response.statusCode()).as(file.getKey()).isEqualTo(415);
            assertThat(text(response)).contains("Type de fichier refusé");
        }
        assertThat(ImportTestSupport.dump(fixture.repository, "/oc:assets").keySet()).noneMatch(k -> k.endsWith("/sha256"));
    }

    @Test
    void oversizeUploadsAreRefusedWithOrWithoutADeclaredLength() throws Exception {
        byte[] big = Arrays.copyOf(png(10, 10), (int) AssetStore.DEFAULT_MAX_BYTES + 1);
        HttpResponse<byte[]> declared = upload(editor, "editorial", "grand.png", HttpRequest.BodyPublishers.ofByteArray(big));
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(text(declared)).contains("taille maximale");
        HttpResponse<byte[]> streamed = upload(editor, "editorial", "grand.png",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
        assertThat(streamed.statusCode()).as("chunked, no Content-Length").isEqualTo(413);
        assertThat(ImportTestSupport.dump(fixture.repository, "/oc:assets").keySet()).noneMatch(k -> k.endsWith("/sha256"));
    }

    /** Pen-test finding: a 100-megapixel PNG (a few bytes declaring 10,000 × 10,000) was refused as over "10 Mo". */
    @Test
    void anImageWithTooManyPixelsIsRefusedForWhatItIs() throws Exception {
        byte[] bomb = png(10, 10);
        // the IHDR chunk (after the 8-byte signature, 4-byte length, 4-byte type) declares 10,000 × 10,000
        java.nio.ByteBuffer.wrap(bomb, 16, 8).putInt(10_000).putInt(10_000);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bomb, 12, 17);
        java.nio.ByteBuffer.wrap(bomb, 29, 4).putInt((int) crc.getValue());
        HttpResponse<byte[]> refused = upload(editor, "editorial", "immense.png", HttpRequest.BodyPublishers.ofByteArray(bomb));
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(text(refused)).contains("trop grande").contains("pixels").doesNotContain("Mo)");
    }

    @Test
    void pathTraversalInFileNamesIsRefused() throws Exception {
        byte[] png = png(10, 10);
        for (String name : new String[] {"../../oc:system/evil.png", "..\\..\\evil.png", "a/b.png", "..", ".htaccess"}) {
            HttpResponse<byte[]> response = upload(editor, "editorial", name, HttpRequest.BodyPublishers.ofByteArray(png));
            assertThat(response.statusCode()).as(name).isEqualTo(400);
        }
        assertThat(ImportTestSupport.dump(fixture.repository, "/oc:assets").keySet()).noneMatch(k -> k.endsWith("/sha256"));
        assertThat(ImportTestSupport.dump(fixture.repository, "/oc:system").keySet())
                .noneMatch(path -> path.contains("evil"));
    }

    @Test
    void onlyThoseWhoWriteAFolderUploadIntoIt() throws Exception {
        byte[] png = png(10, 10);
        assertThat(upload(fixture.token("rita"), "editorial", "a.png", HttpRequest.BodyPublishers.ofByteArray(png))
                .statusCode()).isEqualTo(403);
        assertThat(upload(editor, "sites/alpha", "a.png", HttpRequest.BodyPublishers.ofByteArray(png))
                .statusCode()).isIn(403, 404);
        assertThat(get("/.rest/authoring/v1/assets/editorial").statusCode()).isIn(404, 405);
    }
}
