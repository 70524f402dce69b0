package fr.anct.opencollectivites.search;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of collectivité the search knows, named after their content types. The order is the
 * order of the response groups and the last tie-break between kinds.
 */
public enum SearchType {
    COMMUNE("commune", "oc:commune"),
    EPCI("epci", "oc:epci"),
    DEPARTEMENT("departement", "oc:departement"),
    REGION("region", "oc:region"),
    ARRONDISSEMENT("arrondissement", "oc:arrondissement");

    /** Searched when the request names no type (arrondissements départementaux only on request). */
    public static final List<SearchType> DEFAULT = List.of(COMMUNE, EPCI, DEPARTEMENT, REGION);

    private final String contentType;
    private final String nodeType;

    SearchType(String contentType, String nodeType) {
        this.contentType = contentType;
        this.nodeType = nodeType;
    }

    public String contentType() {
        return contentType;
    }

    public String nodeType() {
        return nodeType;
    }

    public static Optional<SearchType> byContentType(String name) {
        return Arrays.stream(values()).filter(t -> t.contentType.equals(name)).findFirst();
    }

    public static Optional<SearchType> byNodeType(String name) {
        return Arrays.stream(values()).filter(t -> t.nodeType.equals(name)).findFirst();
    }
}
