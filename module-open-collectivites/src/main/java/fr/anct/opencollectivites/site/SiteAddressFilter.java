package fr.anct.opencollectivites.site;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;

/**
 * Every absolute address the platform writes (canonical link, {@code og:url}, JSON-LD {@code @id}, sitemap,
 * robots.txt, feed links) starts with the configured {@code site.baseUrl}, or, on a published mini-site's
 * own host name, with that host name (the base's scheme and port): the request's base URI is replaced
 * before anything reads it. The {@code Host} header only chooses among these known addresses and is never
 * copied into a page — a forged one ({@code Host: evil.example}) gets the platform's own address, so a
 * shared cache never stores a page pointing elsewhere. Redirects keep a relative {@code Location}
 * (the composition root turns off Jersey's resolution against the request).
 */
@PreMatching
@Priority(100) // before MiniSiteHostFilter, which builds on the base URI
public final class SiteAddressFilter implements ContainerRequestFilter {
    private final URI base;
    private final MiniSiteHosts hosts;

    /** @param baseUrl {@code site.baseUrl}, e.g. {@code https://opencollectivites.anct.gouv.fr} */
    SiteAddressFilter(String baseUrl, MiniSiteHosts hosts) {
        String trimmed = baseUrl.strip().replaceAll("/+$", "");
        URI parsed = URI.create(trimmed + "/");
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || parsed.getHost() == null) {
            throw new IllegalArgumentException("site.baseUrl must be an absolute http(s) address: " + baseUrl);
        }
        this.base = parsed;
        this.hosts = hosts;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        URI requestBase = request.getUriInfo().getBaseUri();
        URI newBase = base(request.getHeaderString("Host"));
        URI original = request.getUriInfo().getRequestUri();
        String relative = requestBase.relativize(original).getRawPath();
        String query = original.getRawQuery();
        request.setRequestUri(newBase, URI.create(newBase + (relative == null ? "" : relative)
                + (query == null ? "" : "?" + query)));
    }

    /** The configured base, or a published mini-site's host on the same scheme and port. */
    URI base(String hostHeader) {
        Optional<String> miniSite = hosts.slugOf(hostHeader);
        if (miniSite.isEmpty()) {
            return base;
        }
        String host = hostHeader.strip().toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
        return UriBuilder.fromUri(base).host(host).build();
    }
}
