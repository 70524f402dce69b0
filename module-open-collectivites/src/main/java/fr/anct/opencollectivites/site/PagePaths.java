package fr.anct.opencollectivites.site;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.anct.opencollectivites.fiches.FicheType;

/**
 * The key in a fiche URL segment {@code <key>-<slug>}: codes never hold a hyphen, except the
 * {@code -comd}/{@code -coma} suffix of communes déléguées and associées.
 */
final class PagePaths {
    private static final Pattern KEY = Pattern.compile("([0-9AB]{2,9}(?:-comd|-coma)?)(?:-.*)?");
    private static final Pattern TOKEN = Pattern.compile("/?(communes|epci|departements|regions)/([^/?#]+)");

    private PagePaths() {
    }

    /** The key of a segment such as {@code 42218-saint-etienne}, {@code 42218}, {@code 01015-comd-arbignieu}. */
    static Optional<String> key(String segment) {
        Matcher matcher = KEY.matcher(segment);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** A page path or token ({@code /communes/42218-saint-etienne}, {@code communes/42218}) as level and key. */
    static Optional<Target> target(String path) {
        Matcher matcher = TOKEN.matcher(path.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Optional<FicheType> level = FicheType.bySection(matcher.group(1));
        Optional<String> key = key(matcher.group(2));
        return level.isPresent() && key.isPresent() ? Optional.of(new Target(level.get(), key.get())) : Optional.empty();
    }

    record Target(FicheType level, String key) {
        String token() {
            return level.section() + "/" + key;
        }
    }
}
