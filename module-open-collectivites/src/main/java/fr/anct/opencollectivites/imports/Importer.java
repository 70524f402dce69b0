package fr.anct.opencollectivites.imports;

import java.nio.file.Path;

/** One kind of input file: how to recognise and read it, and a job that imports one such file. */
public interface Importer {

    /** Stable identifier, e.g. {@code cog-communes}; shown in reports and used to import one file. */
    String name();

    /** Dependency order: lower runs first (régions before départements before communes…). */
    int order();

    TableLayout layout();

    /** A fresh, stateful job for one file. */
    ImportJob newJob(Path file);
}
