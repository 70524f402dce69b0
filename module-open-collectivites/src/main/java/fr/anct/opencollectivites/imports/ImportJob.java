package fr.anct.opencollectivites.imports;

import java.util.Optional;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.content.ContentTypeRegistry;

/**
 * The import of one file in two passes. Pass 1 ({@link #validate}) sees every row before anything is
 * written; any error makes the file fail untouched. Pass 2 ({@link #write}) writes through the
 * context; {@link #complete} runs once at the end of it. The framework saves once, after that
 * (unless the job saves in batches, {@link ImportContext#saveBatch}). {@link #close} runs last, always.
 */
public interface ImportJob {

    /**
     * Before pass 1: reads what the job needs from the repository (e.g. today's commune of every
     * former code, {@code collectivites.CurrentCommunes}). The session is never written.
     */
    default void prepare(Session session, ContentTypeRegistry types) throws RepositoryException {
    }

    /** Pass 1: errors for malformed rows ({@code problems.error}), rejections for rows to skip. */
    void validate(Row row, FileProblems problems);

    /** After pass 1 without errors: checks across rows; may still report errors. */
    default void validated(FileProblems problems) {
    }

    /**
     * After pass 1 without errors: the file's vintage, read from its content where it says it (dates,
     * column names), else from its name; empty when nothing tells. The framework refuses a file older
     * than the référentiel's vintage for this importer (unless forced) and stores it once written.
     * The session reads the repository (never written here).
     */
    default Optional<Vintage> vintage(Session session) throws RepositoryException {
        return Optional.empty();
    }

    /** Pass 2, for every row that was neither an error nor rejected. */
    void write(Row row, ImportContext context) throws RepositoryException;

    default void complete(ImportContext context) throws RepositoryException {
    }

    /** Releases what the job holds outside the heap (temporary files); called once the file is done, whatever happened. */
    default void close() {
    }

    /** False when pass 1 collects all that is needed and {@link #complete} writes it: no second read. */
    default boolean readsTwice() {
        return true;
    }
}
