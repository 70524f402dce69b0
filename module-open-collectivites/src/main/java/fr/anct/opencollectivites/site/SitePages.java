package fr.anct.opencollectivites.site;

import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** What every page resource of the site answers alike: the site's base URL and the DSFR error pages. */
final class SitePages {
    private SitePages() {
    }

    /** The base URL of the request without its trailing slash ({@code https://example.org}): templates append paths. */
    static String baseUrl(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The DSFR 404 page of the requested path. */
    static Response notFound(SiteRenderer renderer, UriInfo uri) {
        return errorPage(renderer, uri, 404);
    }

    /** The store is away: 503 with Retry-After, so that a cache in front serves its stale copy meanwhile. */
    static Response unavailablePage(SiteRenderer renderer, UriInfo uri) {
        return Response.fromResponse(errorPage(renderer, uri, 503))
                .header("Retry-After", fr.anct.opencollectivites.repository.StoreOutage.RETRY_AFTER_SECONDS).build();
    }

    /** The DSFR page of an error status (templates {@code 404}, {@code 500}), never stored by caches. */
    static Response errorPage(SiteRenderer renderer, UriInfo uri, int status) {
        return HtmlAnswers.status(status, renderer.render(String.valueOf(status),
                Map.of("base", baseUrl(uri), "path", "/" + uri.getPath())));
    }
}
