package fr.anct.opencollectivites.publishing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.apache.jackrabbit.commons.JcrUtils;

import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.security.SecurityPaths;

/**
 * Who did what, when: one node per action under {@code /oc:system/audit/<yyyy>/<MM>/<dd>/}, written by
 * the system after the action succeeded (so that no user can write, alter or remove an entry), read by
 * administrators through their own session (the repository lets no one else read it).
 */
public final class AuditLog {
    private final OakRepository repository;
    private final Clock clock;

    public AuditLog(OakRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public record Entry(Instant at, String who, String action, String target, String detail) {
    }

    public void record(String who, String action, String target, String detail) {
        Instant now = clock.instant();
        ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
        String day = String.format("%s/%04d/%02d/%02d", SecurityPaths.AUDIT_ROOT, utc.getYear(), utc.getMonthValue(),
                utc.getDayOfMonth());
        repository.withSystemSession(session -> {
            Node entry = JcrUtils.getOrCreateByPath(day, "mgnl:folder", session)
                    .addNode(String.format("%013d-%s", now.toEpochMilli(), UUID.randomUUID().toString().substring(0, 8)),
                            "nt:unstructured");
            Calendar at = Calendar.getInstance();
            at.setTime(Date.from(now));
            entry.setProperty("at", at);
            entry.setProperty("who", who);
            entry.setProperty("action", action);
            entry.setProperty("target", target);
            if (detail != null) {
                entry.setProperty("detail", detail);
            }
            session.save();
            return null;
        });
    }

    /** The latest entries, newest first, read with the given (administrator's) session. */
    public List<Entry> latest(Session session, int limit) throws RepositoryException {
        List<Entry> entries = new ArrayList<>();
        if (!session.nodeExists(SecurityPaths.AUDIT_ROOT)) {
            return entries;
        }
        collect(session.getNode(SecurityPaths.AUDIT_ROOT), 0, entries, limit);
        return entries;
    }

    private static void collect(Node folder, int depth, List<Entry> entries, int limit) throws RepositoryException {
        List<Node> children = new ArrayList<>();
        for (NodeIterator it = folder.getNodes(); it.hasNext(); ) {
            children.add(it.nextNode());
        }
        children.sort((a, b) -> name(b).compareTo(name(a)));
        for (Node child : children) {
            if (entries.size() >= limit) {
                return;
            }
            if (depth < 3) {
                collect(child, depth + 1, entries, limit);
            } else {
                entries.add(entry(child));
            }
        }
    }

    static Entry entry(Node node) throws RepositoryException {
        return new Entry(node.getProperty("at").getDate().toInstant(), node.getProperty("who").getString(),
                node.getProperty("action").getString(), node.getProperty("target").getString(),
                node.hasProperty("detail") ? node.getProperty("detail").getString() : null);
    }

    private static String name(Node node) {
        try {
            return node.getName();
        } catch (RepositoryException e) {
            throw new IllegalStateException(e);
        }
    }
}
