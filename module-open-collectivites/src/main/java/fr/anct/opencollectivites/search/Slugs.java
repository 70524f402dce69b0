package fr.anct.opencollectivites.search;

/**
 * URL slugs of collectivité names and the site page paths built with them, shared by the search and
 * the site: {@code L'Abergement-Clémenciat} → {@code l-abergement-clemenciat}, page
 * {@code /communes/01001-l-abergement-clemenciat}.
 */
public final class Slugs {
    private Slugs() {
    }

    /** The name folded as search folds it (lower case, no accents, words only), words joined by hyphens. */
    public static String slug(String name) {
        return NameFolding.foldLiteral(name).replace(' ', '-');
    }

    /**
     * The site page of a collectivité: {@code /<section>/<key>-<slug>}, where the section is the
     * delivery endpoint ({@code communes}, {@code epci}, {@code departements}, {@code regions}) and
     * the key the node name (the code; the SIREN for an EPCI; {@code <code>-comd} for a commune
     * déléguée, whose code may also be that of a commune).
     */
    public static String pagePath(String section, String key, String name) {
        String slug = slug(name);
        return "/" + section + "/" + key + (slug.isEmpty() ? "" : "-" + slug);
    }
}
