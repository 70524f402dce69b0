package fr.anct.opencollectivites.newsletter;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import fr.anct.opencollectivites.web.Hashes;

/**
 * Tokens of the newsletter. A confirmation token is random (256 bits) and only its SHA-256 is stored. An
 * unsubscribe token is an HMAC of the subscription id under the platform's secret: every digest can
 * carry one without storing it, and it never expires (RFC 8058 links in old mails keep working).
 * Subscription ids are HMACs of the address, so that the address never appears in an id or a path.
 */
final class NewsletterTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;

    NewsletterTokens(byte[] secret) {
        this.secret = secret.clone();
    }

    static byte[] newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return BASE64.encodeToString(bytes);
    }

    String subscriptionId(String normalisedEmail) {
        return HexFormat.of().formatHex(hmac("subscription:" + normalisedEmail)).substring(0, 32);
    }

    String unsubscribeToken(String subscriptionId) {
        return subscriptionId + "." + BASE64.encodeToString(hmac("unsubscribe:" + subscriptionId));
    }

    /** The subscription id when the token is genuine, else null. */
    String verifyUnsubscribeToken(String token) {
        if (token == null || token.indexOf('.') != 32) {
            return null;
        }
        String id = token.substring(0, 32);
        byte[] expected = unsubscribeToken(id).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII)) ? id : null;
    }

    static boolean sameHash(String storedHash, String token) {
        return storedHash != null && token != null && MessageDigest.isEqual(
                storedHash.getBytes(StandardCharsets.US_ASCII), Hashes.sha256Hex(token).getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
