package fr.anct.opencollectivites.repository;

import javax.jcr.Session;

import jakarta.ws.rs.core.SecurityContext;


/**
 * The repository session a delivery request reads with, handed back with {@link #release} after the
 * request. The public one is anonymous: the repository's ACLs then show live content only, so no draft
 * can leak whatever the query. An authorised preview (drafts for an editor) plugs in here later.
 */
@FunctionalInterface
public interface SessionProvider {
    Session open(SecurityContext request);

    default void release(Session session) {
        session.logout();
    }

    /** A new anonymous session per request. */
    static SessionProvider anonymous(OakRepository repository) {
        return request -> repository.loginAnonymous();
    }

    /** One anonymous session per server thread, refreshed at each request (see {@link PerThreadAnonymousSessions}). */
    static PerThreadAnonymousSessions anonymousPerThread(OakRepository repository) {
        return new PerThreadAnonymousSessions(repository);
    }
}
