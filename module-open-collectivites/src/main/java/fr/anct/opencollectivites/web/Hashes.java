package fr.anct.opencollectivites.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.ws.rs.core.EntityTag;

/**
 * SHA-256 as the platform uses it: hex digests (valid JCR node names; stored secrets, asset and change
 * fingerprints) and the strong ETag of an answer's bytes (the digest's first 128 bits).
 */
public final class Hashes {
    private Hashes() {
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A strong ETag for a body: equal bytes, equal tag. */
    public static EntityTag etag(byte[] body) {
        return new EntityTag(HexFormat.of().formatHex(digest().digest(body), 0, 16));
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
