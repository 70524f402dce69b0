package fr.anct.opencollectivites;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.i18n.Messages;

/** Where tests find the project's light module and the optional national fixtures. */
public final class TestLightModule {
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
