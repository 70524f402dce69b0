package fr.anct.opencollectivites.security;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.web.ApiException;
import fr.anct.opencollectivites.web.Caller;

/**
 * Runs an authoring request in a repository session of its caller and turns refusals into API errors:
 * the repository's {@link javax.jcr.AccessDeniedException} becomes a 403 — the role check is the repository's.
 * A refused draft operation goes on to its exception mapper ({@code publishing.DraftExceptionMapper}).
 */
public final class UserRequests {
    private static final Logger LOG = LoggerFactory.getLogger(UserRequests.class);
    private final UserSessions sessions;

    public UserRequests(UserSessions sessions) {
        this.sessions = sessions;
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Session session) throws RepositoryException;
    }

    public <T> T run(Caller caller, Work<T> work) {
        Session session;
        try {
            session = sessions.login(caller.userId());
        } catch (UserSessions.UnknownUserException e) {
            throw ApiException.unauthorized();
        }
        try {
            return work.run(session);
        } catch (javax.jcr.PathNotFoundException e) {
            throw ApiException.notFound(e.getMessage());
        } catch (RepositoryException e) {
            if (AccessRefusedException.isRefusal(e)) {
                LOG.debug("Refused by the repository for {}", caller.userId(), e);
                throw ApiException.forbidden();
            }
            LOG.error("Authoring request failed", e);
            throw new ApiException(500, "internalError", "http.error.internalError");
        } catch (AccountException e) {
            throw ApiException.badRequest(e.key(), e.args());
        } catch (RuntimeException e) {
            if (!(e instanceof ApiException) && AccessRefusedException.isRefusal(e)) {
                throw ApiException.forbidden();
            }
            throw e;
        } finally {
            session.logout();
        }
    }
}
