package fr.anct.opencollectivites.security;

import java.security.Principal;
import java.security.PrivilegedExceptionAction;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.jcr.Repository;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.SimpleCredentials;
import javax.security.auth.Subject;

import org.apache.jackrabbit.api.JackrabbitSession;
import org.apache.jackrabbit.api.security.user.Authorizable;
import org.apache.jackrabbit.api.security.user.Group;
import org.apache.jackrabbit.api.security.user.User;
import org.apache.jackrabbit.oak.spi.security.authentication.AuthInfoImpl;
import org.apache.jackrabbit.oak.spi.security.principal.EveryonePrincipal;

import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.repository.RepositoryFailure;

/**
 * Repository sessions of platform users. Every authoring request runs in a session of its user, so the
 * repository's access control decides what the request may read and write.
 *
 * <p>The HTTP layer authenticates the request first (session cookie or API token, see
 * {@link Authenticator}); the repository session is then opened as a <em>pre-authenticated</em> login:
 * a JAAS subject holding the user's principal, the principals of every group it belongs to (directly or
 * through another group) and {@code everyone}, with Oak's {@link AuthInfoImpl} so that
 * {@link Session#getUserID()} names the user. Oak accepts such a subject without credentials
 * ({@code PreAuthContext}) and evaluates permissions on exactly those principals — the same mechanism
 * {@link OakRepository#loginSystem()} uses for the system subject. No password is kept to replay, and
 * a disabled user gets no session.
 */
public final class UserSessions {
    private final OakRepository repository;

    public UserSessions(OakRepository repository) {
        this.repository = repository;
    }

    /** A session of the user; fails if the user does not exist or is disabled. */
    public Session login(String userId) {
        Subject subject = repository.withSystemSession(system -> subject(system, userId))
                .orElseThrow(() -> new UnknownUserException(userId));
        return loginAs(subject);
    }

    /**
     * Runs work in a session of the user, logged out afterwards; a refusal of the access control surfaces
     * as {@link AccessRefusedException}.
     */
    public <T> T as(String userId, fr.anct.opencollectivites.repository.SessionWork<T> work) {
        Session session = login(userId);
        try {
            return work.run(session);
        } catch (RepositoryException e) {
            if (AccessRefusedException.isRefusal(e)) {
                throw new AccessRefusedException(e);
            }
            throw new RepositoryFailure(e.getMessage(), e);
        } catch (RuntimeException e) {
            if (!(e instanceof AccessRefusedException) && AccessRefusedException.isRefusal(e)) {
                throw new AccessRefusedException(e);
            }
            throw e;
        } finally {
            session.logout();
        }
    }

    /**
     * Checks a password with the repository's own authentication (Oak hashes and compares): true when
     * the password is right and the account enabled.
     */
    public boolean passwordMatches(String userId, char[] password) {
        Repository jcr = repository.withSystemSession(Session::getRepository);
        try {
            jcr.login(new SimpleCredentials(userId, password)).logout();
            return true;
        } catch (javax.jcr.LoginException e) {
            return false;
        } catch (RepositoryException e) {
            throw new RepositoryFailure("Password check failed: " + e.getMessage(), e);
        }
    }

    private static Optional<Subject> subject(Session system, String userId) throws RepositoryException {
        Authorizable authorizable = ((JackrabbitSession) system).getUserManager().getAuthorizable(userId);
        if (!(authorizable instanceof User user) || user.isDisabled() || user.isSystemUser() || user.isAdmin()) {
            return Optional.empty();
        }
        Set<Principal> principals = new LinkedHashSet<>();
        principals.add(user.getPrincipal());
        for (Iterator<Group> groups = user.memberOf(); groups.hasNext(); ) {
            principals.add(groups.next().getPrincipal());
        }
        principals.add(EveryonePrincipal.getInstance());
        Subject subject = new Subject(true, principals,
                Set.of(new AuthInfoImpl(user.getID(), Map.of(), principals)), Set.of());
        return Optional.of(subject);
    }

    @SuppressWarnings("removal")
    private Session loginAs(Subject subject) {
        Repository jcr = repository.withSystemSession(Session::getRepository);
        try {
            return Subject.doAs(subject, (PrivilegedExceptionAction<Session>) () -> jcr.login(null, null));
        } catch (java.security.PrivilegedActionException e) {
            throw new RepositoryFailure("User login failed", e.getException());
        }
    }

    /** The user does not exist, is disabled, or is not a platform user. */
    public static final class UnknownUserException extends RuntimeException {
        public UnknownUserException(String userId) {
            super("No enabled user " + userId);
        }
    }
}
