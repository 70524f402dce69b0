package fr.anct.opencollectivites.security;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.anct.opencollectivites.web.ApiException;
import fr.anct.opencollectivites.web.Caller;
import fr.anct.opencollectivites.web.Json;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * Sign in and out, the current session, password reset:
 * {@code POST|GET|DELETE /.rest/authoring/v1/session}, {@code POST /.rest/authoring/v1/password-reset}
 * and {@code …/password-reset/confirm}. Login is JSON only: a cross-site form cannot send JSON without
 * a CORS preflight, which the platform never grants, so login cannot be forged (login CSRF).
 */
@Path("/.rest/authoring/v1")
public final class SessionResource {
    private final OakRepository repository;
    private final Logins logins;
    private final WebSessions webSessions;
    private final Accounts accounts;
    private final PasswordResets resets;
    private final boolean secureCookies;

    public SessionResource(OakRepository repository, Logins logins, WebSessions webSessions, Accounts accounts,
                           PasswordResets resets, boolean secureCookies) {
        this.repository = repository;
        this.logins = logins;
        this.webSessions = webSessions;
        this.accounts = accounts;
        this.resets = resets;
        this.secureCookies = secureCookies;
    }

    @POST
    @Path("session")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(String body, @Context ContainerRequestContext request) {
        JsonNode json = Json.parse(body);
        String login = Json.requiredText(json, "login").strip();
        String password = Json.requiredText(json, "password");
        Cookie presented = request.getCookies().get(AuthoringFilter.SESSION_COOKIE);
        Logins.Outcome outcome = logins.signIn(login, password, Caller.clientAddress(request),
                presented == null ? null : presented.getValue());
        if (outcome instanceof Logins.Throttled throttled) {
            throw new ApiException(429, "tooManyAttempts", "security.login.throttled", java.util.List.of(),
                    Map.of("Retry-After", String.valueOf(throttled.seconds())), throttled.seconds());
        }
        if (!(outcome instanceof Logins.SignedIn signedIn)) {
            throw new ApiException(401, "badCredentials", "security.login.failed");
        }
        WebSessions.WebSession session = signedIn.session();
        return Response.ok(describe(login, session.csrfToken()).toString(), Json.TYPE)
                .header("Cache-Control", "no-store")
                .cookie(cookie(session.id(), (int) WebSessions.LIFETIME.toSeconds()))
                .build();
    }

    @GET
    @Path("session")
    public Response current(@Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        return Json.ok(describe(caller.userId(), caller.csrfToken()));
    }

    @DELETE
    @Path("session")
    public Response logout(@Context ContainerRequestContext request) {
        Caller.optional(request).filter(c -> c.sessionId() != null).ifPresent(c -> webSessions.delete(c.sessionId()));
        return Response.noContent().cookie(cookie("", 0)).build();
    }

    @POST
    @Path("password-reset")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestReset(String body) {
        resets.request(Json.text(Json.parse(body), "login"));
        ObjectNode answer = Json.object();
        answer.put("status", "sent-if-known");
        return Json.status(202, answer);
    }

    @POST
    @Path("password-reset/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response confirmReset(String body) {
        JsonNode json = Json.parse(body);
        try {
            resets.confirm(Json.requiredText(json, "token"), Json.requiredText(json, "password").toCharArray());
        } catch (AccountException e) {
            throw ApiException.badRequest(e.key(), e.args());
        }
        return Response.noContent().build();
    }

    private ObjectNode describe(String login, String csrfToken) {
        Account account = repository.withSystemSession(s -> accounts.find(s, login)).orElseThrow(ApiException::unauthorized);
        ObjectNode json = Json.object();
        json.put("login", account.login());
        json.put("email", account.email());
        json.put("fullName", account.fullName());
        account.roles().forEach(r -> json.withArray("roles").add(r.name().toLowerCase()));
        json.withArray("roles");
        account.teams().forEach(t -> json.withArray("teams").add(t));
        json.withArray("teams");
        if (csrfToken != null) {
            json.put("csrfToken", csrfToken);
        }
        return json;
    }

    private NewCookie cookie(String value, int maxAge) {
        return Logins.sessionCookie(value, maxAge, secureCookies);
    }
}
