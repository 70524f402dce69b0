package fr.anct.opencollectivites.authoring.ui;

import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

import fr.anct.opencollectivites.security.AccessRefusedException;
import fr.anct.opencollectivites.web.ApiException;
import fr.anct.opencollectivites.web.ApiExceptionMapper;

/**
 * The one answer to a refusal of the repository's access control ({@link AccessRefusedException}, raised by
 * {@code UserSessions.as}): 403, on an authoring page the "Action refusée" page (the author's header kept)
 * with the resource's {@link RefusalMessage}; elsewhere the JSON API's error.
 */
final class AccessRefusedPage implements ExceptionMapper<AccessRefusedException> {
    private final UiPages pages;
    private final ApiExceptionMapper api;
    @Context
    private UriInfo uri;
    @Context
    private SecurityContext security;
    @Context
    private ResourceInfo resource;

    AccessRefusedPage(UiPages pages) {
        this.pages = pages;
        this.api = new ApiExceptionMapper(pages.renderer().messages());
    }

    @Override
    public Response toResponse(AccessRefusedException exception) {
        if (!uri.getPath().startsWith("auteur")) {
            return api.toResponse(ApiException.forbidden());
        }
        Map<String, Object> model = new HashMap<>();
        if (security.getUserPrincipal() instanceof Author author) {
            model.put("user", author.userId());
            model.put("csrf", author.csrfToken());
        }
        model.put("title", pages.renderer().messages().get("authoring.ui.denied.title"));
        model.put("error", pages.renderer().messages().get(messageKey()));
        return pages.render(403, "authoring-message", uri, model);
    }

    private String messageKey() {
        RefusalMessage message = null;
        if (resource.getResourceMethod() != null) {
            message = resource.getResourceMethod().getAnnotation(RefusalMessage.class);
        }
        if (message == null && resource.getResourceClass() != null) {
            message = resource.getResourceClass().getAnnotation(RefusalMessage.class);
        }
        return message == null ? "authoring.ui.form.denied" : message.value();
    }
}
