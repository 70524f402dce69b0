package fr.anct.opencollectivites.search;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * URL slugs of collectivité names and the site page paths built with them, shared by the search and
 * the site: {@code L'Abergement-Clémenciat} → {@code l-abergement-clemenciat}, page
 * {@code /communes/01001-l-abergement-clemenciat}.
 */
public final class Slugs {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    public static String slug(String name) {
        if (name == null) {
            return "";
        }
        String lower = name.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae");
        String ascii = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        String slug = SEPARATORS.matcher(ascii).replaceAll("-");
        int start = slug.startsWith("-") ? 1 : 0;
        int end = slug.endsWith("-") && slug.length() > start ? slug.length() - 1 : slug.length();
        return slug.substring(start, Math.max(start, end));
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
