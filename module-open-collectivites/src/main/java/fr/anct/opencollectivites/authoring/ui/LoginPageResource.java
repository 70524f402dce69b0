package fr.anct.opencollectivites.authoring.ui;

import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import fr.anct.opencollectivites.security.AuthoringFilter;
import fr.anct.opencollectivites.web.Caller;
import fr.anct.opencollectivites.security.Logins;
import fr.anct.opencollectivites.security.Secrets;
import fr.anct.opencollectivites.security.WebSessions;

/**
 * {@code GET|POST /auteur/connexion}. Unlike the JSON login, an HTML
 * form can be posted cross-site, so the login form carries a pre-session token that must equal a
 * SameSite=Strict cookie set with the form (double submit): a forged login (login CSRF) fails.
 * Throttling, the audit, the session-fixation rule and the session cookie are the JSON API's ({@code Logins}).
 */
@Path("auteur/connexion")
public final class LoginPageResource {
    static final String LOGIN_CSRF_COOKIE = "oc_login_csrf";

    private final UiPages pages;
    private final UiSessions sessions;
    private final Logins logins;
    private final boolean secureCookies;
    @Context
    private UriInfo uri;
    @Context
    private HttpHeaders headers;

    LoginPageResource(UiPages pages, UiSessions sessions, Logins logins, boolean secureCookies) {
        this.pages = pages;
        this.sessions = sessions;
        this.logins = logins;
        this.secureCookies = secureCookies;
    }

    @GET
    public Response form() {
        if (sessions.of(headers).isPresent()) {
            return UiPages.seeOther("/auteur/");
        }
        return loginPage(200, "", null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@FormParam("login") String login, @FormParam("password") String password,
                          @FormParam("csrf") String csrf,
                           @Context ContainerRequestContext request) {
        Cookie expected = headers.getCookies().get(LOGIN_CSRF_COOKIE);
        if (expected == null || !Secrets.same(expected.getValue(), csrf)) {
            return loginPage(403, login, "authoring.ui.login.expired");
        }
        String user = login == null ? "" : login.strip();
        if (user.isEmpty() || password == null || password.isEmpty()) {
            return loginPage(400, user, "authoring.ui.login.missing");
        }
        Cookie presented = headers.getCookies().get(AuthoringFilter.SESSION_COOKIE);
        Logins.Outcome outcome = logins.signIn(user, password, Caller.clientAddress(request),
                presented == null ? null : presented.getValue());
        if (outcome instanceof Logins.Throttled throttled) {
            Response page = loginPage(429, user, "authoring.ui.login.throttled", throttled.seconds());
            return Response.fromResponse(page).header("Retry-After", String.valueOf(throttled.seconds())).build();
        }
        if (!(outcome instanceof Logins.SignedIn signedIn)) {
            return loginPage(401, user, "authoring.ui.login.failed");
        }
        WebSessions.WebSession session = signedIn.session();
        return Response.fromResponse(UiPages.seeOther("/auteur/"))
                .cookie(sessionCookie(session.id(), (int) WebSessions.LIFETIME.toSeconds()),
                        loginCsrfCookie("", 0))
                .build();
    }

    private Response loginPage(int status, String login, String errorKey, Object... args) {
        String token = Secrets.newSecret();
        Map<String, Object> model = new HashMap<>();
        model.put("login", login == null ? "" : login);
        model.put("csrf", token);
        if (errorKey != null) {
            model.put("error", pages.renderer().messages().get(errorKey, args));
        }
        return Response.fromResponse(pages.render(status, "authoring-login", uri, model))
                .cookie(loginCsrfCookie(token, 3600)).build();
    }

    private NewCookie sessionCookie(String value, int maxAge) {
        return Logins.sessionCookie(value, maxAge, secureCookies);
    }

    private NewCookie loginCsrfCookie(String value, int maxAge) {
        return new NewCookie.Builder(LOGIN_CSRF_COOKIE).value(value).path("/auteur/")
                .httpOnly(true).secure(secureCookies).sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}
