package fr.anct.opencollectivites.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import freemarker.cache.TemplateLoader;

/**
 * FreeMarker templates read from a {@link Path}: the light module is a folder in development and a
 * folder inside the application jar in production, which FreeMarker's file loader cannot read.
 */
public final class PathTemplateLoader implements TemplateLoader {
    private final Path root;

    public PathTemplateLoader(Path root) {
        this.root = root;
    }

    @Override
    public Object findTemplateSource(String name) {
        Path file = root.resolve(name).normalize();
        return file.startsWith(root) && Files.isRegularFile(file) ? file : null;
    }

    @Override
    public long getLastModified(Object templateSource) {
        try {
            return Files.getLastModifiedTime((Path) templateSource).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public Reader getReader(Object templateSource, String encoding) throws IOException {
        return Files.newBufferedReader((Path) templateSource, StandardCharsets.UTF_8);
    }

    @Override
    public void closeTemplateSource(Object templateSource) {
        // nothing held open
    }
}
