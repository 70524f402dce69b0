package fr.anct.opencollectivites.i18n;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The French messages of the light module ({@code i18n/open-collectivites-messages_fr.properties}),
 * the one source of every text a user reads. A missing key shows as the key itself, never as an error.
 */
public final class Messages {
    public static final Locale FRENCH = Locale.FRANCE;
    private final Properties bundle;

    private Messages(Properties bundle) {
        this.bundle = bundle;
    }

    public static Messages load(Path lightModuleDir) {
        Properties properties = new Properties();
        Path file = lightModuleDir.resolve("i18n").resolve("open-collectivites-messages_fr.properties");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the message bundle " + file + ": " + e.getMessage(), e);
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

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
