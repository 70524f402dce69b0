package fr.anct.opencollectivites.site;

import java.util.Optional;

import fr.anct.opencollectivites.fiches.FicheType;

/**
 * A territory as mini-sites and their blocks name it: {@code commune:42218}, {@code epci:244200770},
 * {@code departement:42}, {@code region:84}.
 */
record TerritoryKey(FicheType level, String code) {
    /** Empty for a key of another level or whose code cannot be a code (so it never reaches a path). */
    static Optional<TerritoryKey> parse(String key) {
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String code = key.substring(colon + 1);
        return code.matches("[0-9AB]{2,9}")
                ? FicheType.byId(key.substring(0, colon)).map(level -> new TerritoryKey(level, code))
                : Optional.empty();
    }

    String key() {
        return level.id() + ":" + code;
    }

    /** The fiche page by code ({@code /communes/42218}), which the site redirects to its canonical address. */
    String href() {
        return "/" + level.section() + "/" + code;
    }
}
