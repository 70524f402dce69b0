package fr.anct.opencollectivites.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.content.WriteOutcome;

/**
 * What pass 2 writes with: the session, the validated writer, and the counters. On the embedded store
 * the session is saved once, after the file (all of it or none). On a document store (PostgreSQL) a
 * commit is best kept to a few thousand changes — one save of a 37,000-commune file took minutes and
 * ran a 256 MB heap out of memory — so the session is saved every {@code batchSize} written nodes, each
 * write being one whole collectivité.
 */
public final class ImportContext {
    private final Session session;
    private final ContentTypeRegistry types;
    private final FileProblems problems;
    private final ImportOptions options;
    private final ProgressListener progress;
    private final ContentWriter writer = ContentWriter.forImports();
    private final List<String> notes = new ArrayList<>();
    private long line;
    private long created;
    private long updated;
    private long unchanged;
    private long removed;
    private long retired;
    private boolean savedBatch;
    private final int batchSize;
    private int writtenSinceSave;
    private long savedWrites;

    /**
     * @param options   the run's options ({@code --partiel}, {@code --force})
     * @param batchSize nodes written per save; 0: the caller saves once, at the end
     * @param progress  told of every node written and of every batch's save
     */
    ImportContext(Session session, ContentTypeRegistry types, FileProblems problems, ImportOptions options, int batchSize,
                  ProgressListener progress) {
        this.session = session;
        this.types = types;
        this.problems = problems;
        this.options = options;
        this.batchSize = batchSize;
        this.progress = progress;
    }

    /** Whether the run takes every file as partial ({@code --partiel}): nothing absent is retired or removed. */
    public boolean partialOnly() {
        return options.partial();
    }

    /** A French line for the report, e.g. why a file was taken as partial or how many communes it retired. */
    public void note(String key, Object... args) {
        notes.add(problems.message(key, args));
    }

    public Session session() {
        return session;
    }

    public ContentTypeDefinition type(String name) {
        return types.require(name);
    }

    public WriteOutcome upsert(String absPath, ContentTypeDefinition type, Map<String, ?> values)
            throws RepositoryException {
        return count(writer.upsert(session, absPath, type, values));
    }

    public WriteOutcome update(Node node, ContentTypeDefinition type, Map<String, ?> values) throws RepositoryException {
        return count(writer.update(node, type, values));
    }

    public void remove(Node node) throws RepositoryException {
        node.remove();
        removed++;
        written();
    }

    /**
     * Takes a live node out of the live set and keeps it as a former record (at {@code recordPath}, of
     * {@code recordType}): counted once, as retired, not as created and removed.
     */
    public void retire(Node node, String recordPath, ContentTypeDefinition recordType, Map<String, ?> values)
            throws RepositoryException {
        writer.upsert(session, recordPath, recordType, values);
        node.remove();
        retired++;
        written();
    }

    /** Writes or updates a former record (e.g. its successor, found later): not counted as live nodes. */
    public WriteOutcome upsertFormerRecord(String recordPath, ContentTypeDefinition recordType, Map<String, ?> values)
            throws RepositoryException {
        return writer.upsert(session, recordPath, recordType, values);
    }

    /** Removes a former record (its code is live again): not counted. */
    public void removeFormerRecord(Node record) throws RepositoryException {
        record.remove();
    }

    /**
     * Saves what was written so far, for jobs too large for one save (a file of millions of rows):
     * readers then see the file's changes in steps, so a job calls it only where the content is
     * consistent (e.g. between two collectivités, never inside one).
     */
    public void saveBatch() throws RepositoryException {
        if (session.hasPendingChanges()) {
            progress.saving();
            session.save();
            savedBatch = true;
            savedWrites += writtenSinceSave;
        }
        writtenSinceSave = 0;
    }

    /** After each node written: in batches, saves once the batch is full. */
    private void written() throws RepositoryException {
        writtenSinceSave++;
        progress.written(savedWrites + writtenSinceSave);
        if (batchSize > 0 && writtenSinceSave >= batchSize) {
            saveBatch();
        }
    }

    /** Nodes written and already saved by batches (what an interrupted import leaves). */
    long savedWrites() {
        return savedWrites;
    }

    /** Skips a row found unusable while writing (e.g. its commune is unknown to the référentiel). */
    public void reject(long rowLine, String key, Object... args) {
        problems.reject(rowLine, key, args);
    }

    private WriteOutcome count(WriteOutcome outcome) throws RepositoryException {
        switch (outcome) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            default -> unchanged++;
        }
        if (outcome != WriteOutcome.UNCHANGED) {
            written();
        }
        return outcome;
    }

    void atLine(long currentLine) {
        this.line = currentLine;
    }

    long line() {
        return line;
    }

    long created() {
        return created;
    }

    long updated() {
        return updated;
    }

    long unchanged() {
        return unchanged;
    }

    long removed() {
        return removed;
    }

    long retired() {
        return retired;
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    boolean savedBatch() {
        return savedBatch;
    }
}
