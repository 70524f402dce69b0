package fr.anct.opencollectivites.authoring.ui;

import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.security.AccountException;
import fr.anct.opencollectivites.security.PasswordPolicy;
import fr.anct.opencollectivites.security.PasswordResets;
import fr.anct.opencollectivites.security.Secrets;

/**
 * {@code /auteur/mot-de-passe?jeton=…}, the page of the mailed link: choose a new password. The service
 * checks the token (single use, one hour) and the password policy; the page shows its French reasons.
 * No other CSRF token: the mailed token is the secret a forged form could not know. The platform's
 * {@code Referrer-Policy} (strict-origin-when-cross-origin) keeps the token in the address from other sites.
 */
@Path("auteur/mot-de-passe")
public final class NewPasswordResource {
    private final UiPages pages;
    private final PasswordResets resets;
    private final Messages messages;
    @Context
    private UriInfo uri;

    NewPasswordResource(UiPages pages, PasswordResets resets) {
        this.pages = pages;
        this.resets = resets;
        this.messages = pages.renderer().messages();
    }

    @GET
    public Response form(@QueryParam("jeton") String token) {
        if (uri.getQueryParameters().containsKey("fait")) {
            return page(200, Map.of("done", true));
        }
        if (!Secrets.wellFormed(token)) {
            return page(400, Map.of("invalid", true));
        }
        return page(200, Map.of("token", token));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response set(@FormParam("jeton") String token, @FormParam("motdepasse") String password,
                        @FormParam("confirmation") String confirmation) {
        if (!Secrets.wellFormed(token)) {
            return page(400, Map.of("invalid", true));
        }
        if (password == null || password.isEmpty()) {
            return page(400, Map.of("token", token, "passwordError",
                    messages.get("security.password.tooShort", PasswordPolicy.MIN_LENGTH)));
        }
        if (!password.equals(confirmation)) {
            return page(400, Map.of("token", token, "confirmationError", messages.get("authoring.ui.password.mismatch")));
        }
        try {
            resets.confirm(token, password.toCharArray());
        } catch (AccountException e) {
            if ("security.reset.invalid".equals(e.key())) {
                return page(400, Map.of("invalid", true));
            }
            return page(400, Map.of("token", token, "passwordError", messages.get(e.key(), e.args())));
        }
        return UiPages.seeOther("/auteur/mot-de-passe?fait");
    }

    private Response page(int status, Map<String, Object> values) {
        Map<String, Object> model = new HashMap<>(values);
        model.putIfAbsent("token", "");
        model.putIfAbsent("done", false);
        model.putIfAbsent("invalid", false);
        model.put("minLength", PasswordPolicy.MIN_LENGTH);
        return pages.render(status, "authoring-password-new", uri, model);
    }
}
