package fr.anct.opencollectivites.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Password rules (ANSSI / NIST 800-63B style): at least 12 characters, not one of the most common
 * passwords, not the login itself. No composition rules: length beats them.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    private final Set<String> common;

    public PasswordPolicy() {
        common = loadCommon();
    }

    /** Empty when acceptable; else the i18n key of the reason. */
    public Optional<String> problem(String login, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("security.password.tooShort");
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (common.contains(folded)) {
            return Optional.of("security.password.common");
        }
        if (login != null && folded.contains(login.toLowerCase(Locale.ROOT))) {
            return Optional.of("security.password.containsLogin");
        }
        return Optional.empty();
    }

    private static Set<String> loadCommon() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.trim().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return words;
    }
}
