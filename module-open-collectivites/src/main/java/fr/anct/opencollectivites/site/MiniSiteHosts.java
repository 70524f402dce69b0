package fr.anct.opencollectivites.site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.repository.SessionProvider;
import fr.anct.opencollectivites.repository.RepositoryFailure;

/**
 * The own host names of the published mini-sites ({@code hostName} of the live {@code oc:minisite}
 * nodes, read with the anonymous session, so a draft setting never counts). The whole table is read
 * again at most every 30 s: one query per 30 s whatever hosts clients send, and a newly published host
 * name answers within that time. A team writes its own site's host name, so a team must not take the
 * platform's host (the reserved hosts: never mapped) nor another site's (a host name two live sites
 * claim is mapped to neither, and logged).
 */
final class MiniSiteHosts {
    private static final Duration FRESHNESS = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(MiniSiteHosts.class);
    private final SessionProvider sessions;
    private final Clock clock;
    private final Set<String> reserved;
    private volatile Map<String, String> slugByHost = Map.of();
    private volatile Instant readAt = Instant.MIN;

    /** @param reserved the platform's own host names (lower case), never given to a mini-site */
    MiniSiteHosts(SessionProvider sessions, Clock clock, Set<String> reserved) {
        this.sessions = sessions;
        this.clock = clock;
        this.reserved = Set.copyOf(reserved);
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
            Set<String> claimedTwice = new HashSet<>();
            for (NodeIterator it = query.execute().getNodes(); it.hasNext(); ) {
                Node site = it.nextNode();
                String host = site.getProperty("hostName").getString().strip().toLowerCase(Locale.ROOT);
                if (reserved.contains(host)) {
                    LOG.warn("Mini-site {} claims the platform's own host name {}: ignored", site.getName(), host);
                } else if (table.putIfAbsent(host, site.getName()) != null) {
                    claimedTwice.add(host);
                }
            }
            for (String host : claimedTwice) {
                LOG.warn("Host name {} is claimed by several mini-sites: served by none", host);
                table.remove(host);
            }
            return Map.copyOf(table);
        } catch (RepositoryException e) {
            throw new RepositoryFailure("Cannot read the mini-sites' host names: " + e.getMessage(), e);
        } finally {
            sessions.release(session);
        }
    }
}
