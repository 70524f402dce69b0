package fr.anct.opencollectivites.repository;

import java.util.List;

/**
 * Magnolia workspaces mapped onto Oak's single workspace.
 *
 * <p>A Magnolia workspace {@code w} is the top-level node {@code /w}: it holds the <em>live</em>
 * (published) content, the only content anonymous sessions may read. Drafts live apart, under
 * {@code /oc:authoring/w}, which no public session can read; publishing copies a draft into the live
 * tree in one save. This mirrors Magnolia's author/public split inside one repository, so that a draft
 * can never leak through a query that forgot a filter.
 */
public final class Workspaces {
    public static final String COLLECTIVITES = "collectivites";
    public static final String WEBSITE = "website";
    public static final String PUBLICATIONS = "publications";
    /** Platform-internal data (import history, settings): never readable anonymously. */
    public static final String SYSTEM = "oc:system";
    public static final String AUTHORING_ROOT = "/oc:authoring";

    /** The live workspaces created on first start, readable by everyone. */
    public static final List<String> LIVE = List.of(COLLECTIVITES, WEBSITE, PUBLICATIONS);

    private Workspaces() {
    }

    public static String liveRoot(String workspace) {
        return "/" + workspace;
    }

    public static String draftRoot(String workspace) {
        return AUTHORING_ROOT + "/" + workspace;
    }

    /** Absolute live path of a workspace-relative path such as {@code /communes/01/01001}. */
    public static String livePath(String workspace, String relativePath) {
        return join(liveRoot(workspace), relativePath);
    }

    public static String draftPath(String workspace, String relativePath) {
        return join(draftRoot(workspace), relativePath);
    }

    private static String join(String root, String relativePath) {
        if (relativePath == null || relativePath.isEmpty() || relativePath.equals("/")) {
            return root;
        }
        return root + (relativePath.startsWith("/") ? relativePath : "/" + relativePath);
    }
}
