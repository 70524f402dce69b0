package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.content.DefinitionException;

/** A light module edited by hand: a broken definition stops startup; a new indexed field upgrades the repository. */
@Tag("http")
class StartupDefinitionsTest {
    private static final Path LIGHT_MODULE = Path.of(System.getProperty("lightModule.dir",
            "../light-modules/open-collectivites"));

    @Test
    void aBrokenContentTypeStopsStartupWithFileAndLine(@TempDir Path work) throws Exception {
        Path module = copyLightModule(work);
        Path commune = module.resolve("contentTypes/commune.yaml");
        Files.writeString(commune, Files.readString(commune).replace("type: Long", "type: Entier"));
        assertThatThrownBy(() -> Platform.start(config(work, module)))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining(commune + ":")
                .hasMessageContaining("'Entier'");
    }

    @Test
    void aFieldAddedInYamlIsIndexedAndServedAfterRestartWithoutJava(@TempDir Path work) throws Exception {
        Path module = copyLightModule(work);
        try (Platform platform = Platform.start(config(work, module))) {
            assertThat(hasIndex(platform, "oc-codePostal")).isFalse();
        }
        Path commune = module.resolve("contentTypes/commune.yaml");
        Files.writeString(commune, Files.readString(commune) + """
                    - name: codePostal
                      multiple: true
                      indexed: true
                """);
        try (Platform platform = Platform.start(config(work, module))) {
            assertThat(hasIndex(platform, "oc-codePostal")).isTrue();
            Http http = new Http(platform.port());
            assertThat(http.get("/.rest/delivery/communes?codePostal=42000").statusCode()).isEqualTo(200);
        }
    }

    private static boolean hasIndex(Platform platform, String name) {
        Boolean exists = platform.repository().withSystemSession(s -> s.nodeExists("/oak:index/" + name));
        return exists;
    }

    private static PlatformConfig config(Path work, Path module) {
        return PlatformConfig.load(Optional.empty(), Map.of("OC_SERVER_HOST", "127.0.0.1", "OC_SERVER_PORT", "0",
                "OC_DATA_DIR", work.resolve("data").toString(), "OC_LIGHT_MODULE_DIR", module.toString()));
    }

    private static Path copyLightModule(Path work) throws IOException {
        Path target = work.resolve("open-collectivites");
        try (Stream<Path> files = Files.walk(LIGHT_MODULE)) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(LIGHT_MODULE.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
        return target;
    }
}
