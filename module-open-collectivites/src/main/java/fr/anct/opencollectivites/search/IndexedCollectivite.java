package fr.anct.opencollectivites.search;

import java.util.List;

/**
 * What the index holds about one collectivité: the hit it returns plus what it is found by.
 *
 * @param path        node path in the live tree, the document key
 * @param siren       official SIREN, searched exactly, when known
 * @param formerCodes codes of communes merged into it ({@code anciensCodes})
 * @param formerNames its former names and those of merged communes ({@code anciensNoms})
 * @param postalCodes a commune's postal codes ({@code codesPostaux})
 */
record IndexedCollectivite(String path, SearchType type, SearchHit hit, String siren,
                           List<String> formerCodes, List<String> formerNames, List<String> postalCodes) {

    /** Communes déléguées and associées come after communes on equal text. */
    boolean secondary() {
        return "COMD".equals(hit.typecom()) || "COMA".equals(hit.typecom());
    }

    boolean primaryCommune() {
        return type == SearchType.COMMUNE && !secondary();
    }
}
