package fr.anct.opencollectivites.publications.harvest;

import java.time.Duration;

/**
 * Bounds of one HTTP fetch: connection and whole-request timeouts, and the largest body accepted
 * (a bigger one is refused, never truncated). Redirects are followed by the JDK client (at most 5).
 */
public record FetchLimits(Duration connectTimeout, Duration requestTimeout, long maxBytes) {
    public static final FetchLimits DEFAULT = new FetchLimits(Duration.ofSeconds(10), Duration.ofSeconds(60), 10L * 1024 * 1024);
}
