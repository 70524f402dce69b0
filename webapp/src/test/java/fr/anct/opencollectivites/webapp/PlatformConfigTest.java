package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class PlatformConfigTest {

    @Test
    void environmentOverridesFileWhichOverridesDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("oc.properties");
        Files.writeString(file, "server.port=9000\ndata.dir=/srv/oc\n");
        PlatformConfig config = PlatformConfig.load(Optional.of(file), Map.of("OC_SERVER_PORT", "9100"));
        assertThat(config.port()).isEqualTo(9100);
        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/oc"));
        assertThat(config.demoData()).isTrue();
    }

    @Test
    void environmentNamesFollowTheKeys() {
        assertThat(PlatformConfig.environmentName("lightModule.dir")).isEqualTo("OC_LIGHT_MODULE_DIR");
        assertThat(PlatformConfig.environmentName("delivery.maxAgeSeconds")).isEqualTo("OC_DELIVERY_MAX_AGE_SECONDS");
    }

    @Test
    void unknownKeyOrBadValueStopsWithItsName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("oc.properties");
        Files.writeString(file, "server.prot=9000\n");
        assertThatThrownBy(() -> PlatformConfig.load(Optional.of(file), Map.of()))
                .hasMessageContaining("server.prot");
        assertThatThrownBy(() -> PlatformConfig.load(Optional.empty(), Map.of("OC_SERVER_PORT", "huit")))
                .hasMessageContaining("server.port").hasMessageContaining("huit");
        assertThatThrownBy(() -> PlatformConfig.load(Optional.empty(), Map.of("OC_IMPORTS_SCHEDULE", "chaque nuit")))
                .hasMessageContaining("imports.schedule").hasMessageContaining("chaque nuit");
    }
}
