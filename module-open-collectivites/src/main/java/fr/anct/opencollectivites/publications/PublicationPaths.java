package fr.anct.opencollectivites.publications;

import fr.anct.opencollectivites.repository.Workspaces;

/** Where the publications feature keeps its nodes, relative to the {@code publications} workspace. */
public final class PublicationPaths {
    public static final String WORKSPACE = Workspaces.PUBLICATIONS;
    public static final String ITEMS = "/items";
    public static final String SOURCES = "/sources";
    public static final String THEMES = "/themes";
    public static final String ORGANISATIONS = "/organisations";
    public static final String DOCUMENT_TYPES = "/documentTypes";
    public static final String SCOPES = "/scopes";

    public static final String PUBLICATION_TYPE = "publication";
    public static final String SOURCE_TYPE = "source";
    public static final String PUBLICATION_NODE_TYPE = "oc:publication";

    private PublicationPaths() {
    }

    /** {@code /publications/items} (live) */
    public static String liveItems() {
        return Workspaces.livePath(WORKSPACE, ITEMS);
    }

    /** {@code /oc:authoring/publications/items} (drafts) */
    public static String draftItems() {
        return Workspaces.draftPath(WORKSPACE, ITEMS);
    }

    public static String liveSources() {
        return Workspaces.livePath(WORKSPACE, SOURCES);
    }

    public static String live(String relativePath) {
        return Workspaces.livePath(WORKSPACE, relativePath);
    }
}
