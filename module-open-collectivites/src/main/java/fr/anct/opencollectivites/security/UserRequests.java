package fr.anct.opencollectivites.security;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.repository.StoreOutage;
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

    /**
     * Runs the work in a session of the caller. A save that meets a change saved meanwhile by another
     * request or instance (the same folder created twice, say) failed whole: the work runs again in a new
     * session, which sees that change, up to {@link OakRepository#WRITE_ATTEMPTS} times.
     */
    public <T> T run(Caller caller, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return runOnce(caller, work);
            } catch (Conflict conflict) {
                if (attempt >= OakRepository.WRITE_ATTEMPTS) {
                    LOG.error("Authoring request failed on conflicting saves", conflict.getCause());
                    throw new ApiException(503, "conflict", "authoring.error.busy");
                }
                OakRepository.pauseBeforeRetry(attempt);
            }
        }
    }

    /** A save that met another one's change: worth doing again. */
    private static final class Conflict extends RuntimeException {
        Conflict(Throwable cause) {
            super(cause);
        }
    }

    private <T> T runOnce(Caller caller, Work<T> work) {
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
        } catch (javax.jcr.InvalidItemStateException e) {
            throw new Conflict(e);
        } catch (RepositoryException e) {
            if (AccessRefusedException.isRefusal(e)) {
                LOG.debug("Refused by the repository for {}", caller.userId(), e);
                throw ApiException.forbidden();
            }
            if (StoreOutage.causedBy(e)) {
                LOG.warn("Authoring request not done: the repository's store is away ({})", e.toString());
                throw new ApiException(503, "serviceUnavailable", "authoring.error.unavailable");
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
