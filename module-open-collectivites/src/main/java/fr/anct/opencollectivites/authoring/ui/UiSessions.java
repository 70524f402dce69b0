package fr.anct.opencollectivites.authoring.ui;

import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

import fr.anct.opencollectivites.security.AuthoringFilter;
import fr.anct.opencollectivites.security.WebSessions;

/** The signed-in author of a page request, from the same session cookie as the JSON API. */
final class UiSessions {
    private final WebSessions sessions;

    UiSessions(WebSessions sessions) {
        this.sessions = sessions;
    }

    Optional<WebSessions.WebSession> of(HttpHeaders headers) {
        return of(headers.getCookies());
    }

    Optional<WebSessions.WebSession> of(Map<String, Cookie> cookies) {
        Cookie cookie = cookies.get(AuthoringFilter.SESSION_COOKIE);
        return cookie == null ? Optional.empty() : sessions.find(cookie.getValue());
    }
}
