package fr.anct.opencollectivites.site;

import java.util.Arrays;
import java.util.Optional;

/** The four kinds of collectivité that have a fiche, with their URL section and content type. */
public enum Level {
    COMMUNE("communes", "commune"),
    EPCI("epci", "epci"),
    DEPARTEMENT("departements", "departement"),
    REGION("regions", "region");

    private final String section;
    private final String contentType;

    Level(String section, String contentType) {
        this.section = section;
        this.contentType = contentType;
    }

    /** The first segment of its pages' URLs, also the delivery endpoint's name. */
    public String section() {
        return section;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<Level> bySection(String section) {
        return Arrays.stream(values()).filter(l -> l.section.equals(section)).findFirst();
    }

    public static Optional<Level> byContentType(String type) {
        return Arrays.stream(values()).filter(l -> l.contentType.equals(type)).findFirst();
    }
}
