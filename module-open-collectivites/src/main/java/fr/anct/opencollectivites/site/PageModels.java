package fr.anct.opencollectivites.site;

import java.util.HashMap;
import java.util.Map;

import javax.jcr.Node;
import javax.jcr.RepositoryException;

/**
 * The template models of the public page templates for a page node, whichever tree it is read from: the
 * authoring preview renders a draft with exactly what {@link MiniSiteResource} and
 * {@link EditorialPageResource} render once it is published.
 */
public final class PageModels {
    private PageModels() {
    }

    /** The page template of a mini-site page: {@code minisite-home} for {@code home}, else {@code minisite-page}. */
    public static String miniSiteTemplate(String pageName) {
        return "home".equals(pageName) ? "minisite-home" : "minisite-page";
    }

    /** Model of {@code minisite-home} / {@code minisite-page}: the site (name, navigation), title, components. */
    public static Map<String, Object> miniSitePage(Node site, Node page, LiveBlocks live) throws RepositoryException {
        Map<String, Object> model = new HashMap<>();
        model.put("site", MiniSiteResource.site(site));
        model.put("title", PageComponents.string(page, "title")
                .orElse(PageComponents.string(site, "name").orElse(site.getName())));
        model.put("components", PageComponents.of(page, site, live));
        return model;
    }

    /** Model of the {@code page} template (an editorial page). */
    public static Map<String, Object> editorialPage(Node page, LiveBlocks live) throws RepositoryException {
        Map<String, Object> model = new HashMap<>();
        model.put("title", PageComponents.string(page, "title").orElse(page.getName()));
        model.put("components", PageComponents.of(page, null, live));
        return model;
    }
}
