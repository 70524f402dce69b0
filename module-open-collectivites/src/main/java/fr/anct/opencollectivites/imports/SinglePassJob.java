package fr.anct.opencollectivites.imports;

/**
 * A job whose pass 1 keeps all it needs and whose {@link #complete} writes it: the file is read once
 * (the mouvements need every event of a chain, an EPCI all its member rows).
 */
public interface SinglePassJob extends ImportJob {

    @Override
    default boolean readsTwice() {
        return false;
    }

    /** Never called: there is no second pass. */
    @Override
    default void write(Row row, ImportContext context) {
    }
}
