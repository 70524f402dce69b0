package fr.anct.opencollectivites.imports;

import javax.jcr.RepositoryException;

/** Receives the data rows of a table, in order. */
@FunctionalInterface
interface RowHandler {
    void handle(Row row) throws RepositoryException;
}
