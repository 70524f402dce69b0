package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The README's start command, for real: the packaged jar started as a separate process with demo
 * data, spoken to over HTTP, stopped with SIGTERM, then restarted on the same data.
 */
@Tag("http")
@Tag("process")
class PackagedApplicationIT {

    @Test
    void startsServesAndStopsCleanlyOnSigterm(@TempDir Path dataDir) throws Exception {
        Path jar = AppProcess.jar();
        assertThat(jar).exists();
        try (AppProcess app = AppProcess.serve(dataDir)) {
            Http http = new Http(app.port());
            assertThat(http.json("/health").path("status").asText()).isEqualTo("UP");
            JsonNode paris = http.json("/.rest/delivery/communes/75/75056");
            assertThat(paris.path("nom").asText()).isEqualTo("Paris");

            AppProcess secondWriter = AppProcess.run("import", dataDir.toString(), "--data-dir", dataDir.toString());
            assertThat(secondWriter.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(secondWriter.process().exitValue()).isEqualTo(1);
            assertThat(secondWriter.output()).contains("déjà ouvert par un autre processus").doesNotContain("\tat ");
            secondWriter.close();

            app.terminate();
            assertThat(app.process().waitFor(30, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
            assertThat(app.output()).contains("Platform stopped");
        }
        assertThat(Files.exists(dataDir.resolve("repository"))).isTrue();
        try (AppProcess again = AppProcess.serve(dataDir)) {
            Http http = new Http(again.port());
            assertThat(http.json("/.rest/delivery/communes/42/42218").path("nom").asText()).isEqualTo("Saint-Étienne");
            assertThat(again.output()).doesNotContain("Demo dataset imported");
        }
    }
}
