package fr.anct.opencollectivites.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import fr.anct.opencollectivites.web.Hashes;

/**
 * Random secrets (session ids, CSRF, API and reset tokens) and their stored form. Only the SHA-256 of a
 * secret is stored: with 256 random bits a plain hash is enough (no dictionary to attack), and a leaked
 * store gives no usable secret.
 */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 256 random bits, URL-safe. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Hex SHA-256: a valid JCR node name, the key under which a secret is stored. */
    public static String hash(String secret) {
        return Hashes.sha256Hex(secret);
    }

    /** Constant-time comparison of two secrets. */
    public static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether a presented secret looks like one of ours (before any repository lookup). */
    public static boolean wellFormed(String secret) {
        return secret != null && secret.matches("[A-Za-z0-9_-]{43}");
    }
}
