package fr.anct.opencollectivites.site;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Security headers on every answer; the content security policy on HTML pages. Scripts come only from
 * the site itself (the DSFR's module/nomodule files and ours, no inline script); styles allow inline
 * {@code style} attributes, which the DSFR's components set. HSTS is sent only over HTTPS (a browser
 * ignores it over HTTP, and a development server on http://localhost must stay reachable).
 */
public final class SecurityHeadersFilter implements ContainerResponseFilter {
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    static final String HSTS = "max-age=63072000; includeSubDomains";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "strict-origin-when-cross-origin");
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            headers.putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.putSingle("X-Frame-Options", "DENY");
        }
        if (request.getSecurityContext() != null && request.getSecurityContext().isSecure()) {
            headers.putSingle("Strict-Transport-Security", HSTS);
        }
    }
}
