package fr.anct.opencollectivites.publications.catalogue;

/** The {@code territory} asked for is malformed or not in the référentiel. */
public final class UnknownTerritoryException extends RuntimeException {
    private final String territory;

    public UnknownTerritoryException(String territory) {
        super("Unknown territory " + territory);
        this.territory = territory;
    }

    public String territory() {
        return territory;
    }
}
