package fr.anct.opencollectivites.site;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;

/**
 * A published mini-site on its own host name: a request whose {@code Host} is a mini-site's
 * {@code hostName} is served as {@code /sites/<slug>/…} — {@code /} is its home, {@code /<page>} one of
 * its pages. Every other path (fiches, publications, {@code /.resources}, {@code /.rest}, {@code /sites/…})
 * and every other host are left untouched, so the mini-site's links and assets keep working there.
 */
@PreMatching
public final class MiniSiteHostFilter implements ContainerRequestFilter {
    private static final Pattern PAGE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private final MiniSiteHosts hosts;
    private final java.util.function.BiPredicate<String, String> pageExists;

    MiniSiteHostFilter(MiniSiteHosts hosts, java.util.function.BiPredicate<String, String> pageExists) {
        this.hosts = hosts;
        this.pageExists = pageExists;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> slug = hosts.slugOf(request.getHeaderString("Host"));
        if (slug.isEmpty()) {
            return;
        }
        String path = request.getUriInfo().getPath(true);
        String page = path.startsWith("/") ? path.substring(1) : path;
        if (page.endsWith("/")) {
            page = page.substring(0, page.length() - 1);
        }
        String target;
        if (page.isEmpty()) {
            target = "sites/" + slug.get() + "/";
        } else if (PAGE.matcher(page).matches() && !"home".equals(page) && pageExists.test(slug.get(), page)) {
            target = "sites/" + slug.get() + "/" + page;
        } else {
            return;
        }
        URI base = request.getUriInfo().getBaseUri();
        URI rewritten = UriBuilder.fromUri(base).path(target)
                .replaceQuery(request.getUriInfo().getRequestUri().getRawQuery()).build();
        request.setRequestUri(base, rewritten);
    }
}
