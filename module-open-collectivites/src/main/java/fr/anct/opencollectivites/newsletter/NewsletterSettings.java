package fr.anct.opencollectivites.newsletter;

import java.time.Duration;

/**
 * What the newsletter needs from the configuration.
 *
 * @param baseUrl              public https address of the site, e.g. {@code https://opencollectivites.anct.gouv.fr}
 *                             (config {@code site.baseUrl}): links in the mails start with it
 * @param from                 sender address (config {@code mail.from})
 * @param confirmationValidity how long a confirmation link works (48 h)
 * @param purgeAfter           unconfirmed subscriptions older than this are deleted (7 days)
 * @param resendInterval       a new confirmation mail to the same address is sent at most this often
 * @param maxItemsPerDigest    the most publications a digest lists
 */
public record NewsletterSettings(String baseUrl, String from, Duration confirmationValidity, Duration purgeAfter,
                                 Duration resendInterval, int maxItemsPerDigest) {
    public static final String API_PATH = "/.rest/open-collectivites/v1/newsletter";

    public NewsletterSettings {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        java.net.URI uri = java.net.URI.create(baseUrl);
        boolean loopback = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
        // RFC 8058: the one-click unsubscribe URL must be https (a loopback test server may use http)
        if (!"https".equals(uri.getScheme()) && !loopback) {
            throw new IllegalArgumentException("site.baseUrl must be an https URL: " + baseUrl);
        }
    }

    public static NewsletterSettings defaults(String baseUrl, String from) {
        return new NewsletterSettings(baseUrl, from, Duration.ofHours(48), Duration.ofDays(7), Duration.ofMinutes(10), 50);
    }

    String apiUrl(String path) {
        return baseUrl + API_PATH + path;
    }
}
