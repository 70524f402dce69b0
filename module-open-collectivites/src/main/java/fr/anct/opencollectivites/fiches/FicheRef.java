package fr.anct.opencollectivites.fiches;

import java.util.Optional;

/**
 * A fiche named as {@code <type>:<key>}: a territory key ({@code commune:42218}, {@code epci:<SIREN>}) or
 * a fiche key the territory keys do not cover ({@code commune:01015-comd}, a commune déléguée).
 */
public record FicheRef(FicheType type, String key) {
    public static Optional<FicheRef> parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return Optional.empty();
        }
        String key = text.substring(colon + 1);
        return FicheType.byId(text.substring(0, colon)).map(type -> new FicheRef(type, key));
    }
}
