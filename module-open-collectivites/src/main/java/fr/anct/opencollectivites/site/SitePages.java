package fr.anct.opencollectivites.site;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.repository.StoreOutage;

/** What every page resource of the site answers alike: the site's base URL and the DSFR error pages. */
final class SitePages {
    private static final Logger GUARD_LOG = LoggerFactory.getLogger(SitePages.class);
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
    /**
     * A page's work, its failures answered as a page: the store away → the 503 page; anything else → logged,
     * the 500 page, or plain text if that page fails too.
     */
    static Response guarded(SiteRenderer renderer, UriInfo uri, Supplier<Response> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (StoreOutage.causedBy(e)) {
                GUARD_LOG.warn("Page {} not served: the repository's store is away ({})", uri.getPath(), e.toString());
                return unavailablePage(renderer, uri);
            }
            GUARD_LOG.error("Site page {} failed", uri.getPath(), e);
            try {
                return errorPage(renderer, uri, 500);
            } catch (RuntimeException again) {
                GUARD_LOG.error("The error page failed too", again);
                return Response.serverError().type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                        .entity(renderer.messages().get("site.error.500.title")).build();
            }
        }
    }

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
