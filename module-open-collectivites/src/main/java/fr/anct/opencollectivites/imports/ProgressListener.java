package fr.anct.opencollectivites.imports;

import java.nio.file.Path;

/**
 * Follows an import file by file, e.g. to draw a progress bar on the command line. Units are bytes
 * read for CSV files (both passes: the total is twice the size) and rows for XLSX files, whose total
 * is unknown ({@code totalUnits < 0}).
 */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void start(Path file, long totalUnits) {
        }

        @Override
        public void advance(long units) {
        }

        @Override
        public void finish() {
        }
    };

    void start(Path file, long totalUnits);

    void advance(long units);

    void finish();

    /**
     * Where the writing stands: {@code nodes} written so far for this file (created, updated or removed
     * collectivités, series…). A file's writes can take minutes after its rows were read (an EPCI file
     * updates every commune), so a listener shows it moving.
     */
    default void written(long nodes) {
    }

    /**
     * A save begins: the one that ends a file (embedded: the whole file, which takes a while on a large
     * one), or one of its batches (PostgreSQL). Writing goes on after a batch's save.
     */
    default void saving() {
    }
}
