package fr.anct.opencollectivites.authoring.ui;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Providers;

import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;

import fr.anct.opencollectivites.security.Secrets;
import fr.anct.opencollectivites.security.WebSessions;

/**
 * The preamble of every {@link AuthorPage}: the author's session from the cookie (none: 303 to the login
 * form), and for a form post the synchroniser token of its {@code csrf} field (wrong or missing: the
 * "form expired" page, 403, nothing done). The author is then the request's user principal.
 */
@AuthorPage
@Priority(Priorities.AUTHENTICATION)
final class AuthorPageFilter implements ContainerRequestFilter {
    static final String CSRF_FIELD = "csrf";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final UiPages pages;
    private final UiSessions sessions;
    @Context
    private UriInfo uri;
    @Context
    private Providers providers;

    AuthorPageFilter(UiPages pages, UiSessions sessions) {
        this.pages = pages;
        this.sessions = sessions;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<WebSessions.WebSession> session = sessions.of(request.getCookies());
        if (session.isEmpty()) {
            request.abortWith(UiPages.seeOther(UiPages.LOGIN));
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod())
                && !Secrets.same(session.get().csrfToken(), submittedToken(request))) {
            Map<String, Object> model = new HashMap<>();
            model.put("user", session.get().userId());
            model.put("csrf", session.get().csrfToken());
            model.put("title", pages.renderer().messages().get("authoring.ui.denied.title"));
            model.put("error", pages.renderer().messages().get("authoring.ui.form.expired"));
            request.abortWith(pages.render(403, "authoring-message", uri, model));
            return;
        }
        SecurityContext original = request.getSecurityContext();
        Author author = new Author(session.get());
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return author;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false; // roles are the repository's to decide
            }

            @Override
            public boolean isSecure() {
                return original.isSecure();
            }

            @Override
            public String getAuthenticationScheme() {
                return "FORM";
            }
        });
    }

    /**
     * The form's {@code csrf} field. The body is read into memory (the upload filter caps its size) and put
     * back, so that the resource reads it again.
     */
    private String submittedToken(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !request.hasEntity()) {
            return null;
        }
        byte[] body;
        try (InputStream in = request.getEntityStream()) {
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new WebApplicationException(e, 413); // over the upload limit (UploadSizeFilter)
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        if (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            return read(Form.class, type, request, body).asMap().getFirst(CSRF_FIELD);
        }
        if (type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            try (FormDataMultiPart multipart = read(FormDataMultiPart.class, type, request, body)) {
                FormDataBodyPart field = multipart.getField(CSRF_FIELD);
                return field == null ? null : field.getValue();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }

    private <T> T read(Class<T> entity, MediaType type, ContainerRequestContext request, byte[] body) {
        MessageBodyReader<T> reader = providers.getMessageBodyReader(entity, entity, new Annotation[0], type);
        try {
            return reader.readFrom(entity, entity, new Annotation[0], type, request.getHeaders(),
                    new ByteArrayInputStream(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
