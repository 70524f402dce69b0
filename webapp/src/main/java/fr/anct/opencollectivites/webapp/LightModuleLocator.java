package fr.anct.opencollectivites.webapp;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the light module: a configured folder (to edit definitions without rebuilding, as Magnolia's
 * {@code magnolia.resources.dir}), else the copy packaged in the application jar.
 */
final class LightModuleLocator {
    static final String BUNDLED = "light-modules/open-collectivites";

    private LightModuleLocator() {
    }

    static Path locate(Optional<Path> configured) {
        if (configured.isPresent()) {
            Path dir = configured.get();
            if (!Files.isDirectory(dir.resolve("contentTypes"))) {
                throw new IllegalArgumentException("lightModule.dir " + dir.toAbsolutePath()
                        + " is not a light module (no contentTypes/ folder)");
            }
            return dir;
        }
        URL marker = LightModuleLocator.class.getClassLoader().getResource(BUNDLED + "/i18n");
        if (marker == null) {
            throw new IllegalStateException("The packaged light module is missing from the classpath");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    FileSystems.newFileSystem(uri, Map.of());
                }
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Cannot open the packaged light module: " + e.getMessage(), e);
        }
    }
}
