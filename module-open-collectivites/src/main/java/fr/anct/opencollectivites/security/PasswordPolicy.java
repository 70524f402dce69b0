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
 * passwords, not the login itself, at least {@value #MIN_DISTINCT} different characters (twelve spaces,
 * {@code bbbbbbbbbbbb} or {@code 111111111111111} are long but guessed at once), no space at either end. No
 * composition rules: length beats them. A password is never trimmed — not when it is set, not at login
 * — so refusing surrounding spaces is what keeps a password that looks right from failing at login.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MIN_DISTINCT = 5;
    private final Set<String> common;

    public PasswordPolicy() {
        common = loadCommon();
    }

    /** Empty when acceptable; else the i18n key of the reason. */
    public Optional<String> problem(String login, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("security.password.tooShort");
        }
        if (password.isBlank() || !password.equals(password.strip())) {
            return Optional.of("security.password.spaces");
        }
        if (password.codePoints().distinct().count() < MIN_DISTINCT) {
            return Optional.of("security.password.lowVariety");
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
