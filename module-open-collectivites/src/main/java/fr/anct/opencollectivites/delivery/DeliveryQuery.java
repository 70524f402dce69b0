package fr.anct.opencollectivites.delivery;

import java.util.List;
import java.util.Optional;

/**
 * A parsed delivery query: every value already validated and typed after the content type.
 *
 * @param ancestor  absolute repository path the results must descend from, if asked
 * @param fullText  the {@code q} parameter, if any
 */
public record DeliveryQuery(Optional<FullText> fullText, Optional<String> ancestor, List<Filter> filters,
                            List<Order> orderBy, int offset, int limit) {

    /**
     * The {@code q} parameter: every term must appear, in any letter case, in one of the text properties.
     * A substring match evaluated on the endpoint's node-type index (Oak has no full-text index here:
     * the platform's search is its own Lucene index); accents are not folded.
     */
    public record FullText(List<String> terms, List<String> properties) {
    }

    /** A property filter; {@link #NAME} is the node name ({@code @name}). */
    public record Filter(String property, FilterOperator operator, List<Object> values) {
        public static final String NAME = "@name";
    }

    /** One {@code orderBy} clause; {@code @name} and {@code @path} sort by the node's name and path. */
    public record Order(String property, boolean ascending) {
        public static final String PATH = "@path";
    }
}
