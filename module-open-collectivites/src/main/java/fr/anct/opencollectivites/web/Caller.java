package fr.anct.opencollectivites.web;

import jakarta.ws.rs.container.ContainerRequestContext;

import fr.anct.opencollectivites.security.AuthoringFilter;

/**
 * Who sent an authoring request, as established by {@link AuthoringFilter}: the user, how they proved
 * it, and (for a browser session) its id and CSRF token.
 */
public record Caller(String userId, Method method, String sessionId, String csrfToken) {
    public static final String PROPERTY = "oc.caller";
    /** Request property the web server sets to the client's address (for login throttling). */
    public static final String CLIENT_ADDRESS = "oc.clientAddress";

    public enum Method { SESSION_COOKIE, API_TOKEN }

    /** The authenticated caller, or a 401. */
    public static Caller of(ContainerRequestContext request) {
        Object caller = request.getProperty(PROPERTY);
        if (caller instanceof Caller c) {
            return c;
        }
        throw ApiException.unauthorized();
    }

    public static java.util.Optional<Caller> optional(ContainerRequestContext request) {
        return request.getProperty(PROPERTY) instanceof Caller c ? java.util.Optional.of(c) : java.util.Optional.empty();
    }

    public static String clientAddress(ContainerRequestContext request) {
        Object address = request.getProperty(CLIENT_ADDRESS);
        return address == null ? "unknown" : address.toString();
    }
}
