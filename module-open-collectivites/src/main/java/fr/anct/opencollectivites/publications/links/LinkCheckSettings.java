package fr.anct.opencollectivites.publications.links;

import java.time.Duration;

/**
 * How hard the link checker tries: per-request timeout, attempts for a timeout, a network error or a
 * 5xx/429 answer (a 4xx other than 429 is final at once), and the first pause between attempts
 * (doubled after each).
 */
public record LinkCheckSettings(Duration timeout, int attempts, Duration backoff) {
    public static final LinkCheckSettings DEFAULT = new LinkCheckSettings(Duration.ofSeconds(15), 3, Duration.ofSeconds(2));
}
