package fr.anct.opencollectivites.security;

import fr.anct.opencollectivites.repository.Workspaces;

/** Repository paths the security and publishing features rely on. */
public final class SecurityPaths {
    /** Publication records: versions and schedules of each published item, by workspace and path. */
    public static final String PUBLISHING_ROOT = "/oc:publishing";
    /** Web sessions, API tokens, password-reset tokens (hashed): system only. */
    public static final String SECURITY_ROOT = "/" + Workspaces.SYSTEM + "/security";
    /** Signed-in browser sessions (hashed ids): never backed up. */
    public static final String SESSIONS_ROOT = SECURITY_ROOT + "/sessions";
    public static final String AUDIT_ROOT = "/" + Workspaces.SYSTEM + "/audit";
    /** Uploaded images and PDFs: public, written by editors ({@code editorial}) and teams ({@code sites/<slug>}). */
    public static final String ASSETS_ROOT = "/oc:assets";
    /** Relative path of the mini-sites inside the website workspace. */
    public static final String SITES = "/sites";
    /** Relative path of the editorial pages inside the website workspace. */
    public static final String PAGES = "/pages";

    private SecurityPaths() {
    }

    public static String publishingPath(String workspace, String relativePath) {
        return PUBLISHING_ROOT + "/" + workspace + (relativePath.startsWith("/") ? relativePath : "/" + relativePath);
    }

    public static String siteRelativePath(String slug) {
        return SITES + "/" + slug;
    }
}
