package fr.anct.opencollectivites.security;

import java.time.Duration;

import jakarta.ws.rs.core.NewCookie;

import fr.anct.opencollectivites.repository.OakRepository;

/**
 * Signing in, one procedure for the JSON route ({@code POST /.rest/authoring/v1/session}) and the login form
 * ({@code /auteur/connexion}): throttling, the password checked by Oak's own authentication, the audit, and
 * a new session id at every login with the one the browser presented destroyed, so that a session id
 * planted before login (session fixation) is worth nothing afterwards. Also the session cookie both set.
 */
public final class Logins {
    /** What an attempt came to. */
    public sealed interface Outcome permits Throttled, Refused, SignedIn {
    }

    /** Too many failures: answered without checking the password; try again in {@code seconds}. */
    public record Throttled(long seconds) implements Outcome {
    }

    /** Unknown login or wrong password (the same answer for both). */
    public record Refused() implements Outcome {
    }

    public record SignedIn(WebSessions.WebSession session) implements Outcome {
    }

    private final OakRepository repository;
    private final UserSessions userSessions;
    private final WebSessions webSessions;
    private final LoginThrottle throttle;
    private final Accounts accounts;
    private final AuditLog audit;

    public Logins(OakRepository repository, UserSessions userSessions, WebSessions webSessions, LoginThrottle throttle,
                  Accounts accounts, AuditLog audit) {
        this.repository = repository;
        this.userSessions = userSessions;
        this.webSessions = webSessions;
        this.throttle = throttle;
        this.accounts = accounts;
        this.audit = audit;
    }

    /**
     * @param address the client's address (throttling, audit)
     * @param presentedSessionId the session cookie the request carried, or null: destroyed on success
     */
    public Outcome signIn(String login, String password, String address, String presentedSessionId) {
        LoginThrottle.Result allowed = throttle.begin(login, address);
        if (allowed.attempt().isEmpty()) {
            Duration wait = allowed.retryAfter();
            return new Throttled(Math.max(1, (wait.toMillis() + 999) / 1000));
        }
        boolean platformUser = repository.withSystemSession(s -> accounts.find(s, login)).isPresent();
        if (!platformUser || !userSessions.passwordMatches(login, password.toCharArray())) {
            audit.record("system", "login.failed", login, address);
            return new Refused();
        }
        throttle.succeeded(allowed.attempt().get());
        if (presentedSessionId != null) {
            webSessions.delete(presentedSessionId);
        }
        WebSessions.WebSession session = webSessions.create(login);
        audit.record(login, "login", login, address);
        return new SignedIn(session);
    }

    /** The session cookie: HttpOnly, SameSite=Strict, the whole site; {@code maxAge} 0 removes it. */
    public static NewCookie sessionCookie(String value, int maxAge, boolean secureCookies) {
        return new NewCookie.Builder(AuthoringFilter.SESSION_COOKIE).value(value).path("/")
                .httpOnly(true).secure(secureCookies).sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}
