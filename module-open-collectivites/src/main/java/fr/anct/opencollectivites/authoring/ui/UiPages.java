package fr.anct.opencollectivites.authoring.ui;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import fr.anct.opencollectivites.site.SiteRenderer;

/** Renders authoring pages: never cached, never indexed; redirects after a POST (303). */
final class UiPages {
    static final String LOGIN = "/auteur/connexion";
    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private final SiteRenderer renderer;

    UiPages(SiteRenderer renderer) {
        this.renderer = renderer;
    }

    SiteRenderer renderer() {
        return renderer;
    }

    Response render(int status, String page, UriInfo uri, Map<String, Object> model) {
        Map<String, Object> data = new HashMap<>(model);
        data.put("base", baseUrl(uri));
        data.put("path", "/" + uri.getPath());
        byte[] body = renderer.render(page, data).getBytes(StandardCharsets.UTF_8);
        return Response.status(status).type(HTML).entity(body).header("Cache-Control", "no-store")
                .header("X-Robots-Tag", "noindex").build();
    }

    /** The base URL of the request without its trailing slash: templates append paths. */
    static String baseUrl(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** A content type's French name ({@code authoring.ui.type.<name>}), else its name. */
    String typeLabel(String typeName) {
        String key = "authoring.ui.type." + typeName;
        String label = renderer().messages().get(key);
        return label.equals(key) ? typeName : label;
    }

    static Response seeOther(String path) {
        return Response.status(Response.Status.SEE_OTHER).header("Location", path).header("Cache-Control", "no-store").build();
    }
}
