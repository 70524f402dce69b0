package fr.anct.opencollectivites.authoring.ui;

import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import fr.anct.opencollectivites.security.PasswordResets;
import fr.anct.opencollectivites.security.Secrets;

/**
 * {@code /auteur/mot-de-passe-oublie}: asks for a reset link by mail. The answer is the same whether the
 * account exists or not (the service mails only when it does). Like the login form, the form carries a
 * pre-session token equal to a SameSite=Strict cookie, so another site cannot make a browser ask.
 */
@Path("auteur/mot-de-passe-oublie")
public final class ForgotPasswordResource {
    static final String CSRF_COOKIE = "oc_reset_csrf";
    private final UiPages pages;
    private final PasswordResets resets;
    private final boolean secureCookies;
    @Context
    private UriInfo uri;
    @Context
    private HttpHeaders headers;

    ForgotPasswordResource(UiPages pages, PasswordResets resets, boolean secureCookies) {
        this.pages = pages;
        this.resets = resets;
        this.secureCookies = secureCookies;
    }

    @GET
    public Response form() {
        if (uri.getQueryParameters().containsKey("envoye")) {
            Map<String, Object> model = new HashMap<>();
            model.put("sent", true);
            model.put("minutes", PasswordResets.VALIDITY.toMinutes());
            return pages.render(200, "authoring-password-forgot", uri, model);
        }
        return page(200, "", null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ask(@FormParam("identifiant") String login, @FormParam("csrf") String csrf) {
        Cookie expected = headers.getCookies().get(CSRF_COOKIE);
        if (expected == null || !Secrets.same(expected.getValue(), csrf)) {
            return page(403, login, "authoring.ui.password.expired");
        }
        if (login == null || login.isBlank()) {
            return page(400, "", "authoring.ui.password.forgot.missing");
        }
        resets.request(login.strip());
        return Response.fromResponse(UiPages.seeOther("/auteur/mot-de-passe-oublie?envoye"))
                .cookie(cookie("", 0)).build();
    }

    private Response page(int status, String login, String errorKey) {
        String token = Secrets.newSecret();
        Map<String, Object> model = new HashMap<>();
        model.put("sent", false);
        model.put("login", login == null ? "" : login);
        model.put("csrf", token);
        if (errorKey != null) {
            model.put("error", pages.renderer().messages().get(errorKey));
        }
        return Response.fromResponse(pages.render(status, "authoring-password-forgot", uri, model))
                .cookie(cookie(token, 3600)).build();
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(CSRF_COOKIE).value(value).path("/auteur/")
                .httpOnly(true).secure(secureCookies).sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}
