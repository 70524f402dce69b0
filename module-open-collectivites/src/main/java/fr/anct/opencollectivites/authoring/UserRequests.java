package fr.anct.opencollectivites.authoring;

import java.util.List;
import java.util.Map;

import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.security.AccessControlException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.content.Violation;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.publishing.DraftException;
import fr.anct.opencollectivites.publishing.ItemPath;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.repository.StoreOutage;
import fr.anct.opencollectivites.security.AccountException;
import fr.anct.opencollectivites.security.UserSessions;

/**
 * Runs an authoring request in a repository session of its caller and turns refusals into API errors:
 * the repository's {@link javax.jcr.AccessDeniedException} becomes a 403 — the role check is the repository's.
 */
public final class UserRequests {
    private static final Logger LOG = LoggerFactory.getLogger(UserRequests.class);
    private final UserSessions sessions;
    private final Messages messages;

    public UserRequests(UserSessions sessions, Messages messages) {
        this.sessions = sessions;
        this.messages = messages;
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
        } catch (AccessControlException e) {
            LOG.debug("Refused by the repository for {}", caller.userId(), e);
            throw ApiException.forbidden();
        } catch (@SuppressWarnings("removal") java.security.AccessControlException e) {
            // Session.checkPermission's refusal
            throw ApiException.forbidden();
        } catch (javax.jcr.PathNotFoundException e) {
            throw ApiException.notFound(e.getMessage());
        } catch (javax.jcr.InvalidItemStateException e) {
            throw new Conflict(e);
        } catch (RepositoryException e) {
            if (e.getCause() instanceof org.apache.jackrabbit.oak.api.CommitFailedException commit && commit.isAccessViolation()) {
                throw ApiException.forbidden();
            }
            if (StoreOutage.causedBy(e)) {
                LOG.warn("Authoring request not done: the repository's store is away ({})", e.toString());
                throw new ApiException(503, "serviceUnavailable", "authoring.error.unavailable");
            }
            LOG.error("Authoring request failed", e);
            throw new ApiException(500, "internalError", "http.error.internalError");
        } catch (DraftException e) {
            throw toApi(e);
        } catch (AccountException e) {
            throw ApiException.badRequest(e.key(), e.args());
        } catch (ItemPath.InvalidPathException e) {
            throw ApiException.badRequest("authoring.error.path");
        } finally {
            session.logout();
        }
    }

    public ApiException toApi(DraftException e) {
        int status = switch (e.reason()) {
            case NOT_FOUND -> 404;
            case CONFLICT, STATE -> 409;
            case INVALID -> 400;
        };
        String code = switch (e.reason()) {
            case NOT_FOUND -> "notFound";
            case CONFLICT -> "conflict";
            case STATE -> "workflowState";
            case INVALID -> "invalid";
        };
        List<Map<String, String>> details = e.violations().stream()
                .map(v -> Map.of("field", v.field(), "message", message(v))).toList();
        return new ApiException(status, code, e.key(), details, Map.of(), e.args());
    }

    private String message(Violation violation) {
        return messages.get(violation.key(), violation.args().toArray());
    }
}
