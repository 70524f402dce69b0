package fr.anct.opencollectivites.site;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.repository.SessionProvider;
import fr.anct.opencollectivites.repository.RepositoryFailure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The communication team's editorial pages at {@code /pages/{name}}: published {@code mgnl:page} nodes of
 * {@code /website/pages}, rendered with the {@code page} template from the same components as mini-sites.
 */
@Path("pages")
public final class EditorialPageResource {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final SiteRenderer renderer;
    private final SessionProvider sessions;
    private final LiveBlocks live;
    private final HtmlAnswers answers;
    @Context
    private UriInfo uri;
    @Context
    private Request request;

    public EditorialPageResource(SiteRenderer renderer, SessionProvider sessions, LiveBlocks live) {
        this.live = live;
        this.renderer = renderer;
        this.answers = new HtmlAnswers(renderer.presentationChanged());
        this.sessions = sessions;
    }

    @GET
    @Path("{name}")
    public Response page(@PathParam("name") String name) {
        if (!NAME.matcher(name).matches()) {
            return SitePages.notFound(renderer, uri);
        }
        Session session = sessions.open(null);
        try {
            String path = "/website/pages/" + name;
            if (!session.nodeExists(path) || !session.getNode(path).isNodeType("mgnl:page")) {
                return SitePages.notFound(renderer, uri);
            }
            Node page = session.getNode(path);
            Map<String, Object> model = new HashMap<>();
            model.put("base", SitePages.baseUrl(uri));
            model.put("path", "/" + uri.getPath());
            model.put("title", PageComponents.string(page, "title").orElse(name));
            model.put("components", PageComponents.of(page, null, live));
            return answers.ok(request, renderer.render("page", model), HtmlAnswers.HTML,
                    MiniSiteResource.lastModified(page), renderer.page("page").cacheControl());
        } catch (RepositoryException e) {
            throw new RepositoryFailure("Cannot read the page " + name + ": " + e.getMessage(), e);
        } finally {
            sessions.release(session);
        }
    }
}
