package fr.anct.opencollectivites.i18n;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The French messages of the light module ({@code i18n/*_fr.properties}, one file per feature),
 * the one source of every text a user reads. A missing key shows as the key itself, never as an error.
 */
public final class Messages {
    public static final Locale FRENCH = Locale.FRANCE;
    private final Properties bundle;

    private Messages(Properties bundle) {
        this.bundle = bundle;
    }

    /** Loads every {@code i18n/*_fr.properties} of the light module (one file per feature). */
    public static Messages load(Path lightModuleDir) {
        Properties properties = new Properties();
        Path dir = lightModuleDir.resolve("i18n");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("_fr.properties")).sorted().toList()) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the message bundles in " + dir + ": " + e.getMessage(), e);
        }
        return new Messages(properties);
    }

    public String get(String key, Object... args) {
        String pattern = bundle.getProperty(key);
        if (pattern == null) {
            return key;
        }
        return args.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, FRENCH).format(args);
    }
}
