package fr.anct.opencollectivites.authoring.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.jcr.Node;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import fr.anct.opencollectivites.security.UserSessions;
import fr.anct.opencollectivites.site.LiveBlocks;
import fr.anct.opencollectivites.site.PageModels;

/**
 * {@code /auteur/apercu/pages/{page}} and {@code /auteur/apercu/sites/{slug}/{page}}: a draft page rendered
 * with the public site's templates and models ({@link PageModels}), read from the draft tree in the
 * author's own session, under an "Aperçu — brouillon" banner; never cached, never indexed.
 */
@AuthorPage
@Path("auteur/apercu")
public final class PagePreviewResource {
    private final UiPages pages;
    private final UserSessions userSessions;
    private final LiveBlocks live;
    @Context
    private UriInfo uri;
    @Context
    private SecurityContext security;

    PagePreviewResource(UiPages pages, UserSessions userSessions, LiveBlocks live) {
        this.live = live;
        this.pages = pages;
        this.userSessions = userSessions;
    }

    @GET
    @Path("pages/{page: [a-z0-9][a-z0-9-]{0,63}}")
    public Response editorial(@PathParam("page") String page) {
        return preview(PagePlace.editorial(), page);
    }

    @GET
    @Path("sites/{slug: [a-z0-9][a-z0-9-]{1,49}}/{page: [a-z0-9][a-z0-9-]{0,63}}")
    public Response miniSite(@PathParam("slug") String slug, @PathParam("page") String page) {
        return preview(PagePlace.miniSite(slug), page);
    }

    private Response preview(PagePlace place, String pageName) {
        Author author = Author.of(security);
        String draftPath = place.page(pageName).draftPath();
        Map<String, Object> model = new HashMap<>();
        String template = userSessions.as(author.userId(), s -> {
            if (!s.nodeExists(draftPath) || !s.getNode(draftPath).isNodeType("mgnl:page")) {
                return null;
            }
            Node page = s.getNode(draftPath);
            if (!place.isMiniSite()) {
                model.putAll(PageModels.editorialPage(page, live));
                return "page";
            }
            // The draft site node: its name and navigation as they will be published.
            model.putAll(PageModels.miniSitePage(page.getParent(), page, live));
            return PageModels.miniSiteTemplate(pageName);
        });
        if (template == null) {
            return pages.render(404, "404", uri, Map.of());
        }
        // The public address, so that the page (navigation, canonical link) is exactly the published one.
        return DraftPreviews.render(pages, uri, template, model, place.publicUrl(pageName), place.editorUrl(pageName), null);
    }
}
