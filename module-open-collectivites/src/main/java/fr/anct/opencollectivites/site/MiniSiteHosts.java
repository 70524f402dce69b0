package fr.anct.opencollectivites.site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;

import fr.anct.opencollectivites.delivery.SessionProvider;
import fr.anct.opencollectivites.repository.RepositoryFailure;

/**
 * The own host names of the published mini-sites ({@code hostName} of the live {@code oc:minisite}
 * nodes, read with the anonymous session, so a draft setting never counts). The whole table is read
 * again at most every 30 s: one query per 30 s whatever hosts clients send, and a newly published host
 * name answers within that time.
 */
final class MiniSiteHosts {
    private static final Duration FRESHNESS = Duration.ofSeconds(30);
    private final SessionProvider sessions;
    private final Clock clock;
    private volatile Map<String, String> slugByHost = Map.of();
    private volatile Instant readAt = Instant.MIN;

    MiniSiteHosts(SessionProvider sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The slug of the published mini-site whose host name is {@code hostHeader} (port ignored). */
    Optional<String> slugOf(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return Optional.empty();
        }
        String host = hostHeader.strip().toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        if (colon > 0 && !host.endsWith("]")) {
            host = host.substring(0, colon);
        }
        return Optional.ofNullable(table().get(host));
    }

    private Map<String, String> table() {
        Instant now = clock.instant();
        if (readAt.plus(FRESHNESS).isBefore(now)) {
            slugByHost = read();
            readAt = now;
        }
        return slugByHost;
    }

    private Map<String, String> read() {
        Session session = sessions.open(null);
        try {
            Query query = session.getWorkspace().getQueryManager().createQuery(
                    "SELECT * FROM [oc:minisite] AS m WHERE m.[hostName] IS NOT NULL AND ISDESCENDANTNODE(m, '/website/sites')",
                    Query.JCR_SQL2);
            Map<String, String> table = new HashMap<>();
            for (NodeIterator it = query.execute().getNodes(); it.hasNext(); ) {
                Node site = it.nextNode();
                table.putIfAbsent(site.getProperty("hostName").getString().toLowerCase(Locale.ROOT), site.getName());
            }
            return Map.copyOf(table);
        } catch (RepositoryException e) {
            throw new RepositoryFailure("Cannot read the mini-sites' host names: " + e.getMessage(), e);
        } finally {
            sessions.release(session);
        }
    }
}
