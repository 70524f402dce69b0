package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ContentWriter;

/**
 * The platform harvests its sources on {@code harvest.schedule} by itself, and the catalogue serves what it
 * harvested, tagged with the commune its title names (the référentiel tagger is wired in).
 */
@Tag("http")
class ScheduledPublicationsTest {
    private static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Études</title><link>http://example.org/</link><description>d</description>
            <item><title>Les finances de Saint-Étienne en 2023</title><link>http://example.org/etude-1</link>
            <guid>etude-1</guid><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate>
            <description><![CDATA[<p>Dépenses et recettes de la commune.</p>]]></description></item>
            </channel></rss>
            """;

    @Test
    void aScheduledHarvestFillsTheCatalogue(@TempDir Path dataDir) throws Exception {
        HttpServer feeds = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feeds.createContext("/feed.xml", exchange -> {
            byte[] body = FEED.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        feeds.start();
        PlatformConfig config = PlatformConfig.load(Optional.empty(), Map.of(
                "OC_SERVER_HOST", "127.0.0.1", "OC_SERVER_PORT", "0", "OC_DATA_DIR", dataDir.toString(),
                "OC_HARVEST_SCHEDULE", "0/2 * * * * ?", "OC_OUTBOUND_TRUSTED_HOSTS", "127.0.0.1"));
        try (Platform platform = Platform.start(config)) {
            ContentTypeRegistry types = ContentTypeRegistry.load(Path.of(System.getProperty("lightModule.dir",
                    "../light-modules/open-collectivites")));
            platform.repository().withSystemSession(session -> {
                Map<String, Object> source = new LinkedHashMap<>();
                source.put("code", "etudes");
                source.put("name", "Études de test");
                source.put("kind", "feed");
                source.put("url", "http://127.0.0.1:" + feeds.getAddress().getPort() + "/feed.xml");
                source.put("autoPublish", true);
                source.put("defaultThemes", List.of());
                new ContentWriter().upsert(session, "/publications/sources/etudes", types.require("source"), source);
                session.save();
                return null;
            });
            Http http = new Http(platform.port());
            await("harvested within 30 s").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(http.json(
                            "/.rest/open-collectivites/v1/publications?territory=commune:42218&limit=50").toString())
                            .contains("Les finances de Saint-Étienne en 2023"));
        } finally {
            feeds.stop(0);
        }
    }
}
