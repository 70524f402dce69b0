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

    /** The save that ends a file begins: it can take a while on a large file (embedded: the whole file). */
    default void saving() {
    }
}
