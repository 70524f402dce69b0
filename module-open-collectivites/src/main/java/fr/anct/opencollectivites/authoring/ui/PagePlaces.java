package fr.anct.opencollectivites.authoring.ui;

import java.util.ArrayList;
import java.util.List;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.pages.MiniSites;
import fr.anct.opencollectivites.repository.Workspaces;

/**
 * The page places an author may write or publish, for the dashboard: the editorial tree and each
 * mini-site, with their pages. A program team ({@code oc-team-<slug>}) gets its own mini-site only, since
 * the repository lets it write nothing else.
 */
public final class PagePlaces {
    private final MiniSites miniSites;
    private final PageEditor editor;
    private final Messages messages;

    PagePlaces(MiniSites miniSites, PageEditor editor, Messages messages) {
        this.miniSites = miniSites;
        this.editor = editor;
        this.messages = messages;
    }

    /** A place of the dashboard. */
    public record PlaceSection(String key, String label, String url, List<PageEditor.PageRow> pages) {
    }

    List<PlaceSection> writable(Session session) throws RepositoryException {
        List<PlaceSection> sections = new ArrayList<>();
        PagePlace editorial = PagePlace.editorial();
        if (writable(session, editorial)) {
            sections.add(new PlaceSection("editoriales", messages.get("authoring.ui.pages.editorial"), editorial.listUrl(),
                    editor.pages(session, editorial)));
        }
        for (MiniSites.MiniSite site : miniSites.list(session)) {
            PagePlace place = PagePlace.miniSite(site.slug());
            if (writable(session, place)) {
                sections.add(new PlaceSection("site-" + site.slug(), messages.get("authoring.ui.pages.miniSite", site.name()),
                        place.listUrl(), editor.pages(session, place)));
            }
        }
        return sections;
    }

    /** Writers add pages to the drafts; publishers write the live tree. */
    private static boolean writable(Session session, PagePlace place) throws RepositoryException {
        return session.hasPermission(place.draftRoot() + "/nouvelle-page", Session.ACTION_ADD_NODE)
                || session.hasPermission(Workspaces.livePath(Workspaces.WEBSITE, place.relativeRoot()) + "/nouvelle-page",
                Session.ACTION_ADD_NODE);
    }
}
