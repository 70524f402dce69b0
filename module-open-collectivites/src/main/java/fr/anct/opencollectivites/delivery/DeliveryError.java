package fr.anct.opencollectivites.delivery;

/** Error codes and statuses of Magnolia's REST API error handling, the ones the delivery API answers. */
public enum DeliveryError {
    /** No readable node at the path (Magnolia: PathNotFoundException). */
    PATH_NOT_FOUND("pathNotFound", 404),
    /** No such endpoint (Magnolia: JAX-RS NotFoundException). */
    NOT_FOUND("notFound", 404),
    /** A query parameter names an unknown property or operator, or is malformed (Magnolia: InvalidQueryException). */
    INVALID_QUERY("invalidQuery", 400),
    /** A value does not parse as the property's type (Magnolia: ValueFormatException). */
    INVALID_VALUE_FORMAT("invalidValueFormat", 400),
    /** Our addition: the same request succeeds later (the store is away, the full-text index being built). */
    UNAVAILABLE("serviceUnavailable", 503),
    /** Anything else (Magnolia: any other exception). */
    UNKNOWN("unknown", 500);

    private final String code;
    private final int status;

    DeliveryError(String code, int status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
