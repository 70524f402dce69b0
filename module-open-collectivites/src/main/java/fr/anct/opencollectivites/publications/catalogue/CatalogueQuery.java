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
    /** Words of the full-text query at most, and characters: more is answered 400, never a 500 from Lucene. */
    public static final int MAX_TERMS = 10;
    public static final int MAX_TEXT_LENGTH = 200;

    public enum Sort { DATE, RELEVANCE }

    public CatalogueQuery {
        themes = List.copyOf(themes);
        documentTypes = List.copyOf(documentTypes);
        publishers = List.copyOf(publishers);
        years = List.copyOf(years);
        if (tooLong(text)) {
            throw new TooLongTextException();
        }
    }

    /** Whether a full-text query has more than {@link #MAX_TERMS} words or {@link #MAX_TEXT_LENGTH} characters. */
    public static boolean tooLong(String text) {
        return text != null && (text.strip().length() > MAX_TEXT_LENGTH
                || text.strip().split("\\s+").length > MAX_TERMS);
    }

    /** A full-text query beyond the limits. */
    public static final class TooLongTextException extends RuntimeException {
        TooLongTextException() {
            super("full-text query over " + MAX_TERMS + " words or " + MAX_TEXT_LENGTH + " characters");
        }
    }

    /** The newest publications, optionally of one territory (with its parents) and one theme. */
    public static CatalogueQuery newest(String territory, String theme, int limit) {
        return new CatalogueQuery(theme == null ? List.of() : List.of(theme), territory, List.of(), List.of(), List.of(),
                null, null, null, Sort.DATE, 0, limit);
    }
}
