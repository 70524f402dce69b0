package fr.anct.opencollectivites.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.apache.jackrabbit.commons.JcrUtils;

import fr.anct.opencollectivites.repository.OakRepository;

/**
 * Who did what, when: one node per action under {@code /oc:system/audit/<yyyy>/<MM>/<dd>/}, written by
 * the system after the action succeeded (so that no user can write, alter or remove an entry), read by
 * administrators through their own session (the repository lets no one else read it).
 *
 * <p>Entries are read newest first by name, so a name orders entries by when they were written: a
 * 16-digit key, the epoch millisecond times 1000 plus a counter, strictly increasing within the JVM
 * (entries written in the same millisecond keep their order; a random name suffix alone would not),
 * then a random suffix so that two instances of a cluster never collide. Older 13-digit names sort
 * before the new names of their millisecond.
 */
public final class AuditLog {
    /** The last key given; shared by every instance writing in this JVM. */
    private static final AtomicLong LAST_KEY = new AtomicLong();
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
        // the first entries of a day on two instances both create its folder: the second is done again
        repository.writeAsSystem(session -> {
            Node entry = JcrUtils.getOrCreateByPath(day, "mgnl:folder", session)
                    .addNode(name(now), "nt:unstructured");
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

    /** The entry's node name: a key increasing with every entry written, then a random suffix. */
    static String name(Instant now) {
        long key = LAST_KEY.updateAndGet(last -> Math.max(last + 1, now.toEpochMilli() * 1000));
        return String.format("%016d-%s", key, UUID.randomUUID().toString().substring(0, 8));
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
