package fr.anct.opencollectivites.site;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.repository.SessionProvider;
import fr.anct.opencollectivites.repository.NodeProperties;
import fr.anct.opencollectivites.repository.RepositoryFailure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The published mini-sites of the program teams at {@code /sites/{slug}/} (their {@code home} page) and
 * {@code /sites/{slug}/{page}}: Magnolia's page model (page → areas → components) read from the live
 * {@code /website/sites/<slug>} tree with the anonymous session, so a draft is never shown.
 */
@Path("sites")
public final class MiniSiteResource {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final String SITES = "/website/sites/";

    private final SiteRenderer renderer;
    private final SessionProvider sessions;
    private final LiveBlocks live;
    private final MiniSiteHosts hosts;
    @Context
    private HttpHeaders headers;
    private final HtmlAnswers answers;
    @Context
    private UriInfo uri;
    @Context
    private Request request;

    public MiniSiteResource(SiteRenderer renderer, SessionProvider sessions, LiveBlocks live) {
        this(renderer, sessions, live, null);
    }

    /** @param hosts the mini-sites' own host names (null: none), for their canonical links and navigation */
    MiniSiteResource(SiteRenderer renderer, SessionProvider sessions, LiveBlocks live, MiniSiteHosts hosts) {
        this.live = live;
        this.hosts = hosts;
        this.renderer = renderer;
        this.answers = new HtmlAnswers(renderer.presentationChanged());
        this.sessions = sessions;
    }

    /** The home page at {@code /sites/{slug}/}; without the final slash, a redirect to it (relative links). */
    @GET
    @Path("{slug}")
    public Response home(@PathParam("slug") String slug) {
        if (!uri.getPath().endsWith("/")) {
            return NAME.matcher(slug).matches()
                    ? Response.status(Response.Status.MOVED_PERMANENTLY).header("Location", "/sites/" + slug + "/").build()
                    : SitePages.notFound(renderer, uri);
        }
        return page(slug, "home");
    }

    @GET
    @Path("{slug}/{page}")
    public Response page(@PathParam("slug") String slug, @PathParam("page") String page) {
        if (!NAME.matcher(slug).matches() || !NAME.matcher(page).matches()) {
            return SitePages.notFound(renderer, uri);
        }
        Session session = sessions.open(null);
        try {
            String sitePath = SITES + slug;
            String pagePath = sitePath + "/" + page;
            if (!session.nodeExists(sitePath) || !session.nodeExists(pagePath)
                    || !session.getNode(pagePath).isNodeType("mgnl:page")) {
                return SitePages.notFound(renderer, uri);
            }
            Node site = session.getNode(sitePath);
            Node pageNode = session.getNode(pagePath);
            Map<String, Object> model = new HashMap<>();
            model.put("base", SitePages.baseUrl(uri));
            // On its own host name (MiniSiteHostFilter), its addresses are the host's: / and /<page>.
            boolean ownHost = hosts != null && hosts.slugOf(headers.getHeaderString("Host")).filter(slug::equals).isPresent();
            String prefix = ownHost ? "" : "/sites/" + slug;
            model.put("path", ownHost ? "/" + ("home".equals(page) ? "" : page) : "/" + uri.getPath());
            model.put("site", site(site, prefix));
            model.put("title", PageComponents.string(pageNode, "title").orElse(PageComponents.string(site, "name").orElse(slug)));
            model.put("components", PageComponents.of(pageNode, site, live));
            String template = "home".equals(page) ? "minisite-home" : "minisite-page";
            return answers.ok(request, renderer.render(template, model), HtmlAnswers.HTML, lastModified(pageNode),
                    renderer.page(template).cacheControl());
        } catch (RepositoryException e) {
            throw new RepositoryFailure("Cannot read the mini-site page " + slug + "/" + page + ": " + e.getMessage(), e);
        } finally {
            sessions.release(session);
        }
    }

    static Map<String, Object> site(Node site) throws RepositoryException {
        return site(site, "/sites/" + site.getName());
    }

    /** @param prefix what the site's page addresses start with: {@code /sites/<slug>}, or nothing on its own host */
    static Map<String, Object> site(Node site, String prefix) throws RepositoryException {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("slug", site.getName());
        model.put("name", PageComponents.string(site, "name").orElse(site.getName()));
        model.put("description", PageComponents.string(site, "description").orElse(""));
        model.put("accent", PageComponents.string(site, "accent").orElse(""));
        model.put("logo", PageComponents.string(site, "logo").orElse(""));
        List<Map<String, String>> navigation = new ArrayList<>();
        for (String name : NodeProperties.strings(site, "navigation")) {
            if (NAME.matcher(name).matches() && site.hasNode(name)) {
                Node page = site.getNode(name);
                navigation.add(Map.of("href", prefix + "/" + ("home".equals(name) ? "" : name),
                        "title", PageComponents.string(page, "title").orElse(name)));
            }
        }
        model.put("navigation", navigation);
        return model;
    }

    static Instant lastModified(Node node) throws RepositoryException {
        return node.hasProperty("mgnl:lastModified") ? node.getProperty("mgnl:lastModified").getDate().toInstant() : null;
    }
}
