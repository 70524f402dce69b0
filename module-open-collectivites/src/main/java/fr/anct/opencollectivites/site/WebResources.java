package fr.anct.opencollectivites.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import fr.anct.opencollectivites.web.Hashes;

/**
 * The light module's {@code webresources/} (the site's CSS and JS, and the DSFR copied there at build
 * time), served under a fingerprinted base URL {@code /.resources/open-collectivites/<fingerprint>/webresources}:
 * the fingerprint changes whenever a file changes, so the files can be cached for a year.
 */
public final class WebResources {
    public static final String PREFIX = "/.resources/open-collectivites/";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("css", "text/css; charset=UTF-8"), Map.entry("js", "text/javascript; charset=UTF-8"),
            Map.entry("mjs", "text/javascript; charset=UTF-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"),
            Map.entry("woff", "font/woff"), Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("json", "application/json"), Map.entry("txt", "text/plain; charset=UTF-8"));

    private final Path root;
    private final String fingerprint;
    private final boolean dsfrPresent;

    public WebResources(Path lightModule) {
        this.root = lightModule.resolve("webresources");
        this.dsfrPresent = Files.isRegularFile(root.resolve("dsfr/dsfr.min.css"));
        this.fingerprint = fingerprint(root);
    }

    /** Whether the build copied the DSFR (npm) into the light module; without it pages are unstyled. */
    public boolean dsfrPresent() {
        return dsfrPresent;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String baseUrl() {
        return PREFIX + fingerprint + "/webresources";
    }

    /** A file under webresources, never outside it. */
    public Optional<Path> file(String relative) {
        if (relative == null || relative.isEmpty() || relative.contains("..") || relative.startsWith("/")) {
            return Optional.empty();
        }
        Path file = root.resolve(relative).normalize();
        return file.startsWith(root) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    public static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        return TYPES.getOrDefault(dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
    }

    /** Hash of every file's path and content, except the DSFR's, which stands for itself by its version. */
    private static String fingerprint(Path root) {
        if (!Files.isDirectory(root)) {
            return "0";
        }
        try (Stream<Path> files = Files.walk(root)) {
            MessageDigest digest = Hashes.digest();
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (relative.startsWith("dsfr/") && !relative.equals("dsfr/VERSION")) {
                    continue;
                }
                digest.update(relative.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the web resources in " + root, e);
        }
    }
}
