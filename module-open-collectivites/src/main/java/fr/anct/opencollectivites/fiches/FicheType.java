package fr.anct.opencollectivites.fiches;

import java.util.Arrays;
import java.util.Optional;

import fr.anct.opencollectivites.content.TerritoryKey;

/** The four levels that have a fiche, with the names used in URLs and in the light module. */
public enum FicheType {
    COMMUNE("commune", "communes"),
    EPCI("epci", "epci"),
    DEPARTEMENT("departement", "departements"),
    REGION("region", "regions");

    private final String id;
    private final String section;

    FicheType(String id, String section) {
        this.id = id;
        this.section = section;
    }

    /** As in URLs ({@code /fiches/commune/42218}) and as the content type's name. */
    public String id() {
        return id;
    }

    /** The delivery endpoint and site section: {@code communes}, {@code epci}, {@code departements}, {@code regions}. */
    public String section() {
        return section;
    }

    public static Optional<FicheType> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    /** The fiche type of a territory key's level (they share their names). */
    public static Optional<FicheType> of(TerritoryKey key) {
        return byId(key.level().prefix());
    }

    public static Optional<FicheType> bySection(String section) {
        return Arrays.stream(values()).filter(t -> t.section.equals(section)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
