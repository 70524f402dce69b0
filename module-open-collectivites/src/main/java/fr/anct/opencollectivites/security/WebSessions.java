package fr.anct.opencollectivites.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Calendar;
import java.util.Date;
import java.util.Optional;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.apache.jackrabbit.commons.JcrUtils;

import fr.anct.opencollectivites.repository.OakRepository;

/**
 * Signed-in browser sessions, kept in the repository (so that every instance of a cluster knows them)
 * under {@code /oc:system/security/sessions/<sha-256 of the id>}: the id itself is only in the user's
 * cookie. Each session carries its CSRF synchroniser token. A login always creates a new session
 * (ids are never reused: no session fixation); logout, a password change and disabling the account
 * delete them, and a session of a user disabled or deleted is not found.
 */
public final class WebSessions {
    public static final Duration LIFETIME = Duration.ofHours(10);
    /** Browser sessions per account at most: a new login ends the oldest beyond it. */
    public static final int MAX_PER_USER = 10;
    static final String ROOT = SecurityPaths.SESSIONS_ROOT;

    private final OakRepository repository;
    private final Clock clock;

    public WebSessions(OakRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** A session of a signed-in user: its id (for the cookie) and CSRF token. */
    public record WebSession(String id, String userId, String csrfToken, Instant expires) {
    }

    public WebSession create(String userId) {
        String id = Secrets.newSecret();
        String csrf = Secrets.newSecret();
        Instant expires = clock.instant().plus(LIFETIME);
        repository.writeAsSystem(session -> {
            Node root = JcrUtils.getOrCreateByPath(ROOT, "mgnl:folder", session);
            keepNewest(root, userId, MAX_PER_USER - 1);
            Node node = root.addNode(Secrets.hash(id), "nt:unstructured");
            node.setProperty("userId", userId);
            node.setProperty("csrf", csrf);
            node.setProperty("expires", calendar(expires));
            session.save();
            return null;
        });
        return new WebSession(id, userId, csrf, expires);
    }

    /** The live session of this id, if any (an expired one is removed). */
    public Optional<WebSession> find(String id) {
        if (!Secrets.wellFormed(id)) {
            return Optional.empty();
        }
        // an expired session is removed on the way: another instance may remove it at the same moment
        return repository.writeAsSystem(session -> {
            String path = ROOT + "/" + Secrets.hash(id);
            if (!session.nodeExists(path)) {
                return Optional.empty();
            }
            Node node = session.getNode(path);
            Instant expires = node.getProperty("expires").getDate().toInstant();
            if (!expires.isAfter(clock.instant())) {
                node.remove();
                session.save();
                return Optional.empty();
            }
            String userId = node.getProperty("userId").getString();
            if (!Accounts.active(session, userId)) {
                return Optional.empty(); // disabled or deleted since (on another instance, or mid-way)
            }
            return Optional.of(new WebSession(id, userId, node.getProperty("csrf").getString(), expires));
        });
    }

    public void delete(String id) {
        if (!Secrets.wellFormed(id)) {
            return;
        }
        repository.writeAsSystem(session -> {
            String path = ROOT + "/" + Secrets.hash(id);
            if (session.nodeExists(path)) {
                session.getNode(path).remove();
                session.save();
            }
            return null;
        });
    }

    /** Ends every session of a user (after a password change). */
    public void deleteAllOf(String userId) {
        repository.writeAsSystem(session -> {
            deleteWhere(session, userId);
            session.save();
            return null;
        });
    }

    /** Removes the user's oldest sessions beyond {@code kept}, and any expired session on the way. */
    private void keepNewest(Node root, String userId, int kept) throws RepositoryException {
        Instant now = clock.instant();
        java.util.List<Node> mine = new java.util.ArrayList<>();
        for (NodeIterator it = root.getNodes(); it.hasNext(); ) {
            Node node = it.nextNode();
            if (!node.getProperty("expires").getDate().toInstant().isAfter(now)) {
                node.remove();
            } else if (node.getProperty("userId").getString().equals(userId)) {
                mine.add(node);
            }
        }
        mine.sort(java.util.Comparator.comparing(WebSessions::expires));
        for (int i = 0; i < mine.size() - kept; i++) {
            mine.get(i).remove();
        }
    }

    private static Instant expires(Node node) {
        try {
            return node.getProperty("expires").getDate().toInstant();
        } catch (RepositoryException e) {
            return Instant.MIN;
        }
    }

    private void deleteWhere(Session session, String userId) throws RepositoryException {
        if (!session.nodeExists(ROOT)) {
            return;
        }
        Instant now = clock.instant();
        for (NodeIterator it = session.getNode(ROOT).getNodes(); it.hasNext(); ) {
            Node node = it.nextNode();
            if (node.getProperty("userId").getString().equals(userId)
                    || !node.getProperty("expires").getDate().toInstant().isAfter(now)) {
                node.remove();
            }
        }
    }

    static Calendar calendar(Instant instant) {
        Calendar calendar = Calendar.getInstance();
        calendar.setTime(Date.from(instant));
        return calendar;
    }
}
