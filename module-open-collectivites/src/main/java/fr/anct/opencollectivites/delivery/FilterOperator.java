package fr.anct.opencollectivites.delivery;

import java.util.Arrays;
import java.util.Optional;

/** The filter operators of a delivery query: {@code prop[op]=value}; without {@code [op]}, {@code eq}. */
public enum FilterOperator {
    EQ("eq"), NE("ne"), LT("lt"), LTE("lte"), GT("gt"), GTE("gte"), LIKE("like"), IN("in"), NOT_IN("not-in"),
    /** Magnolia's {@code prop[range]=a~b}, bounds included. */
    RANGE("range");

    private final String token;

    FilterOperator(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public static Optional<FilterOperator> parse(String token) {
        return Arrays.stream(values()).filter(op -> op.token.equals(token)).findFirst();
    }

    public static String tokens() {
        return String.join(", ", Arrays.stream(values()).map(FilterOperator::token).toList());
    }
}
