package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} on a port of its own and behind a token ({@code metrics.port}, {@code metrics.token}). */
@Tag("http")
class MetricsAccessTest {
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void metricsLeaveThePublicPortForTheirOwnBehindAToken(@TempDir Path dataDir) throws Exception {
        int metricsPort;
        try (ServerSocket free = new ServerSocket(0)) {
            metricsPort = free.getLocalPort();
        }
        PlatformConfig config = PlatformConfig.load(Optional.empty(), Map.of("OC_SERVER_HOST", "127.0.0.1",
                "OC_SERVER_PORT", "0", "OC_DATA_DIR", dataDir.toString(), "OC_DEMO_ENABLED", "false",
                "OC_METRICS_PORT", String.valueOf(metricsPort), "OC_METRICS_TOKEN", "un-jeton-de-supervision"));
        try (Platform platform = Platform.start(config)) {
            assertThat(get(platform.port(), "Bearer un-jeton-de-supervision").statusCode()).as("public port").isEqualTo(404);
            assertThat(get(metricsPort, null).statusCode()).isEqualTo(401);
            assertThat(get(metricsPort, "Bearer autre-chose").statusCode()).isEqualTo(401);
            HttpResponse<String> scraped = get(metricsPort, "Bearer un-jeton-de-supervision");
            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(scraped.body()).contains("oc_repository_up");
        }
    }

    private HttpResponse<String> get(int port, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
