package fr.anct.opencollectivites.repository;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import jakarta.ws.rs.core.SecurityContext;


/**
 * Anonymous sessions kept one per server thread: a repository login goes through JAAS and cost about
 * a fifth of a delivery request. Each request first refreshes its thread's session to the latest
 * state, so it sees exactly what a new session would; a session is never shared between threads.
 * Anonymous sessions never write, so there is nothing to discard.
 */
public final class PerThreadAnonymousSessions implements SessionProvider, AutoCloseable {
    private final OakRepository repository;
    private final ThreadLocal<Session> sessions = new ThreadLocal<>();
    private final Queue<Session> opened = new ConcurrentLinkedQueue<>();

    PerThreadAnonymousSessions(OakRepository repository) {
        this.repository = repository;
    }

    @Override
    public Session open(SecurityContext request) {
        Session session = sessions.get();
        if (session == null || !session.isLive()) {
            session = repository.loginAnonymous();
            sessions.set(session);
            opened.add(session);
            return session;
        }
        try {
            session.refresh(false);
        } catch (RepositoryException e) {
            throw new RepositoryFailure("Cannot refresh the anonymous session: " + e.getMessage(), e);
        }
        return session;
    }

    @Override
    public void release(Session session) {
        // kept for the thread's next request
    }

    @Override
    public void close() {
        for (Session session; (session = opened.poll()) != null; ) {
            if (session.isLive()) {
                session.logout();
            }
        }
    }
}
