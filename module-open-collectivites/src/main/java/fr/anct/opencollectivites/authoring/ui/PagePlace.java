package fr.anct.opencollectivites.authoring.ui;

import java.util.List;
import java.util.Optional;

import fr.anct.opencollectivites.pages.MiniSites;
import fr.anct.opencollectivites.publishing.ItemPath;
import fr.anct.opencollectivites.repository.Workspaces;
import fr.anct.opencollectivites.security.SecurityPaths;

/**
 * Where pages are written: the communication team's editorial tree ({@code website/pages}, key
 * {@code editoriales}) or one mini-site ({@code website/sites/<slug>}, key {@code sites/<slug>}),
 * with the page templates allowed there and the addresses of its pages in the editor, the preview
 * and the public site.
 */
record PagePlace(String key, String slug, String relativeRoot, List<String> templates) {
    static final String EDITORIAL = "editoriales";
    static final String HOME = "home";
    static final String PAGE_NAME = "[a-z0-9][a-z0-9-]{0,63}";

    static Optional<PagePlace> parse(String key) {
        if (EDITORIAL.equals(key)) {
            return Optional.of(editorial());
        }
        if (key != null && key.startsWith("sites/") && key.substring("sites/".length()).matches(MiniSites.SLUG_PATTERN)) {
            return Optional.of(miniSite(key.substring("sites/".length())));
        }
        return Optional.empty();
    }

    static PagePlace editorial() {
        return new PagePlace(EDITORIAL, null, SecurityPaths.PAGES, List.of("page"));
    }

    static PagePlace miniSite(String slug) {
        return new PagePlace("sites/" + slug, slug, SecurityPaths.siteRelativePath(slug),
                List.of("minisite-home", "minisite-page"));
    }

    boolean isMiniSite() {
        return slug != null;
    }

    /** The template a page of that name gets here (as {@code PageItemTypes} sets it). */
    String templateFor(String pageName) {
        if (!isMiniSite()) {
            return "page";
        }
        return HOME.equals(pageName) ? "minisite-home" : "minisite-page";
    }

    String draftRoot() {
        return Workspaces.draftPath(Workspaces.WEBSITE, relativeRoot);
    }

    ItemPath page(String name) {
        return ItemPath.of(Workspaces.WEBSITE, relativeRoot + "/" + name);
    }

    String listUrl() {
        return "/auteur/pages/" + key;
    }

    String editorUrl(String page) {
        return listUrl() + "/" + page;
    }

    String previewUrl(String page) {
        return "/auteur/apercu" + relativeRoot + "/" + page;
    }

    /** The page's public address, once published. */
    String publicUrl(String page) {
        if (!isMiniSite()) {
            return "/pages/" + page;
        }
        return "/sites/" + slug + "/" + (HOME.equals(page) ? "" : page);
    }
}
