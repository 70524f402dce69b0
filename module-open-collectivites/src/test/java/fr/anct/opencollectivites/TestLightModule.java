package fr.anct.opencollectivites;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.i18n.Messages;

/** Where tests find the project's light module and the optional national fixtures. */
public final class TestLightModule {
    /** The official files of the national référentiel, in import order, under the fixtures folder. */
    public static final List<String> NATIONAL_FILES = List.of(
            "public-data/insee-cog/v_region_2024.csv",
            "public-data/insee-cog/v_departement_2024.csv",
            "public-data/insee-cog/v_arrondissement_2024.csv",
            "public-data/insee-cog/v_commune_2026.csv",
            "public-data/insee-cog/v_mvt_commune_2026.csv",
            "public-data/insee-populations-legales/donnees_communes_PL2023.csv",
            "public-data/epci-intercommunalites/dgcl_epcicom2025.xlsx",
            "public-data/epci-intercommunalites/banatic_table_siren_insee_2024.xlsx");

    private TestLightModule() {
    }

    public static Path dir() {
        String configured = System.getProperty("lightModule.dir");
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of("../light-modules/open-collectivites");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Light module not found at " + dir.toAbsolutePath());
        }
        return dir;
    }

    public static ContentTypeRegistry contentTypes() {
        return ContentTypeRegistry.load(dir());
    }

    public static Messages messages() {
        return Messages.load(dir());
    }

    /**
     * A copy of the light module at {@code target}, where a test adds its own content type; without its web
     * resources (the DSFR files are not needed to render).
     */
    public static Path copyTo(Path target) throws IOException {
        Path source = dir();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(f -> !source.relativize(f).startsWith("webresources")).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }

    /**
     * The national fixtures folder given with {@code -Dfixtures.dir}; empty when not given. When given,
     * a missing file is a failure, never a skip: see {@link #fixture(String)}.
     */
    public static Optional<Path> fixturesDir() {
        String configured = System.getProperty("fixtures.dir");
        if (configured == null || configured.isBlank()) {
            return Optional.empty();
        }
        Path dir = Path.of(configured);
        String root = System.getProperty("project.root");
        if (!dir.isAbsolute() && root != null && !root.isBlank()) {
            dir = Path.of(root).resolve(dir).normalize();
        }
        return Optional.of(dir);
    }

    /** A file under the fixtures folder, which must exist once the property is given. */
    public static Path fixture(String relativePath) {
        Path root = fixturesDir().orElseThrow(() -> new IllegalStateException("fixtures.dir is not set"));
        Path file = root.resolve(relativePath);
        if (!Files.exists(file)) {
            throw new AssertionError("fixtures.dir is set but " + file.toAbsolutePath() + " is missing");
        }
        return file;
    }
}
