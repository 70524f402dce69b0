package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** Health, metrics, and a backup restored into a fresh data directory, on the real embedded platform. */
@Tag("http")
class OperationsHttpTest {

    private static PlatformConfig config(Path dataDir) {
        return PlatformConfig.load(Optional.empty(), Map.of(
                "OC_SERVER_HOST", "127.0.0.1", "OC_SERVER_PORT", "0", "OC_DATA_DIR", dataDir.toString()));
    }

    @Test
    void metricsCountRequestsByRouteAndHealthNamesTheMode(@TempDir Path dataDir) throws Exception {
        try (Platform platform = Platform.start(config(dataDir))) {
            Http http = new Http(platform.port());
            JsonNode health = http.json("/health/ready");
            assertThat(health.path("mode").asText()).isEqualTo("embedded");
            assertThat(health.has("database")).isFalse();
            for (int i = 0; i < 3; i++) {
                http.json("/.rest/delivery/communes/42/42218");
            }
            http.get("/.rest/delivery/communes/42/99999");

            HttpResponse<String> metrics = http.get("/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
            assertThat(metrics.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
            String text = metrics.body();
            assertThat(text).containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/\\.rest/delivery/[^\"]+\"[^}]*} 3");
            assertThat(text).containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"404\"[^}]*uri=\"/\\.rest/delivery/[^\"]+\"");
            assertThat(text).doesNotContain("42218").doesNotContain("99999");
            assertThat(text).contains("oc_repository_up 1.0").contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void aBackupRestoredIntoAFreshDataDirectoryServesTheSameContent(@TempDir Path work) throws Exception {
        Path original = work.resolve("original");
        Path backup = work.resolve("oc.zip");
        try (Platform platform = Platform.start(config(original))) {
            platform.repository().withSystemSession(session -> {
                session.getNode("/collectivites/communes/42/42218").setProperty("nom", "Saint-Étienne (sauvegardée)");
                session.save();
                return null;
            });
        }
        assertThat(BackupCommands.backup(config(original), backup)).isTrue();

        Path restored = work.resolve("restored");
        assertThat(BackupCommands.restore(config(restored), backup)).isTrue();
        assertThat(BackupCommands.restore(config(restored), backup)).as("a second restore into a full repository").isFalse();
        try (Platform platform = Platform.start(config(restored))) {
            Http http = new Http(platform.port());
            assertThat(http.json("/.rest/delivery/communes/42/42218").path("nom").asText()).isEqualTo("Saint-Étienne (sauvegardée)");
            assertThat(http.json("/.rest/open-collectivites/v1/search?q=sauvegardee").path("results").get(0).path("code").asText())
                    .isEqualTo("42218");
        }
    }
}
