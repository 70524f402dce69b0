package fr.anct.opencollectivites.publications.catalogue;

import java.time.LocalDate;
import java.util.List;

/**
 * A catalogue request: every filter is optional; values of one filter are alternatives (OR), filters
 * combine (AND). {@code territory} also matches publications about the territory's parents.
 */
public record CatalogueQuery(List<String> themes, String territory, List<String> documentTypes, List<String> publishers,
                             List<Integer> years, LocalDate from, LocalDate to, String text, Sort sort,
                             int offset, int limit) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public enum Sort { DATE, RELEVANCE }

    public CatalogueQuery {
        themes = List.copyOf(themes);
        documentTypes = List.copyOf(documentTypes);
        publishers = List.copyOf(publishers);
        years = List.copyOf(years);
    }

    /** The newest publications, optionally of one territory (with its parents) and one theme. */
    public static CatalogueQuery newest(String territory, String theme, int limit) {
        return new CatalogueQuery(theme == null ? List.of() : List.of(theme), territory, List.of(), List.of(), List.of(),
                null, null, null, Sort.DATE, 0, limit);
    }
}
