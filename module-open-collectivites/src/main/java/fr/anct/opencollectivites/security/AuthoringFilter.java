package fr.anct.opencollectivites.security;

import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import fr.anct.opencollectivites.web.ApiException;
import fr.anct.opencollectivites.web.Caller;

/**
 * Authenticates every request to the authoring API ({@code /.rest/authoring/} and asset uploads):
 * a bearer API token, or the session cookie. A state-changing request (POST, PUT, PATCH, DELETE)
 * authenticated by cookie must carry the session's CSRF token in {@code X-CSRF-Token}
 * (synchroniser token); a bearer token is not sent by browsers on their own, so it needs none.
 * Requests without credentials go on anonymous: resources that need a user answer 401.
 */
@PreMatching
public final class AuthoringFilter implements ContainerRequestFilter {
    public static final String SESSION_COOKIE = "oc_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Signing in and password reset act on no existing session: no caller, no CSRF token to check. */
    private static final Set<String> PUBLIC_POSTS = Set.of(".rest/authoring/v1/session",
            ".rest/authoring/v1/password-reset", ".rest/authoring/v1/password-reset/confirm");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final WebSessions sessions;
    private final ApiTokens tokens;

    public AuthoringFilter(WebSessions sessions, ApiTokens tokens) {
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(".rest/authoring/") && !path.startsWith("/.rest/authoring/") && !EditorRolesFilter.covers(path)) {
            return;
        }
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (PUBLIC_POSTS.contains(relative) && "POST".equals(request.getMethod())) {
            // JSON only, declared: a body without a type (a cross-site fetch in no-cors mode) is refused,
            // so only a same-origin page or a script outside any browser can sign in or ask a reset
            MediaType type = request.getMediaType();
            if (type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || type.isWildcardType()
                    || type.isWildcardSubtype()) {
                throw new ApiException(415, "unsupportedMediaType", "authoring.error.jsonOnly");
            }
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String owner = tokens.owner(authorization.substring(7).strip()).orElseThrow(ApiException::unauthorized);
            request.setProperty(Caller.PROPERTY, new Caller(owner, Caller.Method.API_TOKEN, null, null));
            return;
        }
        Cookie cookie = request.getCookies().get(SESSION_COOKIE);
        Optional<WebSessions.WebSession> session = cookie == null ? Optional.empty() : sessions.find(cookie.getValue());
        if (session.isEmpty()) {
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod())
                && !Secrets.same(session.get().csrfToken(), request.getHeaderString(CSRF_HEADER))) {
            throw new ApiException(403, "csrf", "authoring.error.csrf");
        }
        request.setProperty(Caller.PROPERTY, new Caller(session.get().userId(), Caller.Method.SESSION_COOKIE,
                session.get().id(), session.get().csrfToken()));
    }
}
