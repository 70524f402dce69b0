package fr.anct.opencollectivites.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;

import org.apache.jackrabbit.api.observation.JackrabbitEventFilter;
import org.apache.jackrabbit.api.observation.JackrabbitObservationManager;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.repository.ReferentielRevision;
import fr.anct.opencollectivites.repository.RepositoryFailure;

/**
 * The Lucene index of every collectivité of the live tree. Lifecycle: {@link #start()} once the
 * repository is bootstrapped (it listens to the repository, then rebuilds), {@link #close()} before the
 * repository closes. Thread-safe: searches run concurrently with updates and rebuilds, and see the
 * previous state until an update is complete.
 */
public final class SearchIndex implements AutoCloseable {
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(200);
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    /** Commit data: the référentiel revision ({@link ReferentielRevision}) the index reflects. */
    static final String REVISION = "referentielRevision";
    /** Départements first: their names are then known when communes and EPCI are read. */
    private static final List<SearchType> REBUILD_ORDER = List.of(SearchType.DEPARTEMENT, SearchType.REGION,
            SearchType.ARRONDISSEMENT, SearchType.EPCI, SearchType.COMMUNE);

    private final OakRepository repository;
    private final CollectiviteReader reader;
    private final boolean persistent;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ScheduledExecutorService updates;
    private final IndexObserver observer;
    private final Object writeLock = new Object();
    private Session observationSession;

    /** An index in memory, rebuilt on every start. */
    public SearchIndex(OakRepository repository, ContentTypeRegistry contentTypes) {
        this(repository, contentTypes, null, DEFAULT_DEBOUNCE);
    }

    /**
     * @param indexDir where the index lives on disk ({@code null}: in memory); it is still rebuilt on
     *                 start, serving its previous content meanwhile
     * @param debounce how long changes are gathered before they are indexed
     */
    public SearchIndex(OakRepository repository, ContentTypeRegistry contentTypes, Path indexDir, Duration debounce) {
        this.repository = repository;
        this.reader = new CollectiviteReader(contentTypes);
        this.persistent = indexDir != null;
        try {
            this.directory = persistent ? FSDirectory.open(indexDir) : new ByteBuffersDirectory();
            this.writer = openWriter(directory);
            this.searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader indexReader, IndexReader previous) throws IOException {
                    return new CollectiviteSearcher(indexReader);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index" + (persistent ? " in " + indexDir : ""), e);
        }
        this.updates = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "search-index-updates");
            thread.setDaemon(true);
            return thread;
        });
        this.observer = new IndexObserver(updates, debounce.toMillis(), this::apply);
    }

    private static IndexWriter openWriter(Directory directory) throws IOException {
        try {
            return new IndexWriter(directory, writerConfig(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        } catch (IllegalArgumentException incompatibleIndexOrder) {
            LOG.info("Search index on disk has another layout: recreated");
            return new IndexWriter(directory, writerConfig(IndexWriterConfig.OpenMode.CREATE));
        }
    }

    private static IndexWriterConfig writerConfig(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(new KeywordAnalyzer())
                .setOpenMode(mode)
                .setIndexSort(IndexFields.INDEX_ORDER)
                .setRAMBufferSizeMB(128);
    }

    /**
     * Listens to changes of the live tree, then rebuilds: no change is lost in between. An index kept
     * on disk that reflects the référentiel's current revision is not rebuilt at all; one that is
     * behind (an import ran while no server listened) serves its documents at once and is rebuilt in
     * the background (the change events queue behind the rebuild), so a restart never waits for a
     * full reindex once an index exists.
     */
    public SearchIndex start() {
        synchronized (writeLock) {
            if (observationSession == null) {
                observationSession = repository.loginSystem();
                try {
                    JackrabbitObservationManager observation =
                            (JackrabbitObservationManager) observationSession.getWorkspace().getObservationManager();
                    JackrabbitEventFilter filter = new JackrabbitEventFilter()
                            .setEventTypes(IndexObserver.EVENT_TYPES)
                            .setAbsPath(CollectiviteReader.LIVE_ROOT)
                            .setAdditionalPaths(ReferentielRevision.PATH)
                            .setIsDeep(true)
                            .setNoLocal(false);
                    observation.addEventListener(observer, filter);
                } catch (RepositoryException e) {
                    observationSession.logout();
                    observationSession = null;
                    throw new RepositoryFailure("Cannot listen to repository changes: " + e.getMessage(), e);
                }
            }
        }
        if (persistent && size() > 0 && isCurrent()) {
            LOG.info("Search index current ({} collectivités): no rebuild", size());
        } else if (persistent && size() > 0) {
            updates.execute(() -> {
                try {
                    rebuild();
                } catch (RuntimeException e) {
                    LOG.error("Background rebuild of the search index failed; it keeps serving its previous content", e);
                }
            });
        } else {
            rebuild();
        }
        return this;
    }

    /** Whether the index reflects the référentiel's current revision (what the last import left). */
    public boolean isCurrent() {
        Optional<String> current = repository.withSystemSession(ReferentielRevision::current);
        return current.isPresent() && current.get().equals(indexedRevision());
    }

    /**
     * Rebuilds now when the index does not reflect the référentiel's current revision: what the
     * {@code import} command does after writing, so that the next start serves at once.
     *
     * @return how many collectivités were indexed, or -1 when the index was already current
     */
    public int bringUpToDate() {
        return isCurrent() ? -1 : rebuild();
    }

    private String indexedRevision() {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> entry : data) {
                if (REVISION.equals(entry.getKey())) {
                    return entry.getValue();
                }
            }
        }
        return null;
    }

    private void recordRevision(Session session) throws RepositoryException {
        Optional<String> revision = ReferentielRevision.current(session);
        if (revision.isPresent() && !revision.get().equals(indexedRevision())) {
            writer.setLiveCommitData(Map.of(REVISION, revision.get()).entrySet());
        }
    }

    /** Reindexes every collectivité of the live tree; searches see the old index until it is done. */
    public int rebuild() {
        long start = System.nanoTime();
        synchronized (writeLock) {
            int count = repository.withSystemSession(session -> {
                // read in the session that reads the nodes: the revision matches what is indexed
                Optional<String> revision = ReferentielRevision.current(session);
                int indexed = indexAll(session);
                revision.ifPresent(r -> writer.setLiveCommitData(Map.of(REVISION, r).entrySet()));
                return indexed;
            });
            publish();
            LOG.info("Search index rebuilt: {} collectivités in {} ms", count, (System.nanoTime() - start) / 1_000_000);
            return count;
        }
    }

    /**
     * Updates every collectivité in place, then deletes the documents of nodes no longer there. No
     * {@code deleteAll}: a rebuild that fails half-way leaves the previous documents searchable.
     */
    private int indexAll(Session session) throws RepositoryException {
        try {
            Set<String> seen = new HashSet<>();
            for (SearchType type : REBUILD_ORDER) {
                String statement = "SELECT * FROM [" + type.nodeType() + "] AS n WHERE ISDESCENDANTNODE(n, '"
                        + CollectiviteReader.LIVE_ROOT + "')";
                Query query = session.getWorkspace().getQueryManager().createQuery(statement, Query.JCR_SQL2);
                for (NodeIterator nodes = query.execute().getNodes(); nodes.hasNext(); ) {
                    Node node = nodes.nextNode();
                    Optional<IndexedCollectivite> item = reader.read(node);
                    if (item.isPresent()) {
                        writer.updateDocument(new Term(IndexFields.ID, item.get().path()),
                                CollectiviteDocuments.toDocument(item.get()));
                        seen.add(item.get().path());
                    }
                }
            }
            deleteAllBut(seen);
            return seen.size();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rebuild the search index", e);
        }
    }

    private void deleteAllBut(Set<String> kept) throws IOException {
        try (DirectoryReader current = DirectoryReader.open(writer)) {
            Terms ids = MultiTerms.getTerms(current, IndexFields.ID);
            if (ids == null) {
                return;
            }
            TermsEnum terms = ids.iterator();
            for (BytesRef id = terms.next(); id != null; id = terms.next()) {
                if (!kept.contains(id.utf8ToString())) {
                    writer.deleteDocuments(new Term(IndexFields.ID, BytesRef.deepCopyOf(id)));
                }
            }
        }
    }

    /** How many collectivités searches currently see. */
    public int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    @FunctionalInterface
    interface SearcherWork<T> {
        T run(CollectiviteSearcher searcher) throws IOException;
    }

    <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run((CollectiviteSearcher) searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Search index unreadable", e);
        }
    }

    /**
     * Reindexes the nodes at these paths from the current repository state (see {@link IndexObserver}).
     * A batch that holds the change of the référentiel's revision (saved with the import's content, so
     * delivered with it) records the revision: the index is then current.
     */
    private void apply(Map<String, Boolean> changedPaths) {
        synchronized (writeLock) {
            repository.withSystemSession(session -> {
                List<String> walked = new ArrayList<>();
                boolean revisionChanged = false;
                for (Map.Entry<String, Boolean> change : new TreeMap<>(changedPaths).entrySet()) {
                    String path = change.getKey();
                    if (path.equals(ReferentielRevision.PATH) || path.startsWith(ReferentielRevision.PATH + "/")) {
                        revisionChanged = true;
                        continue;
                    }
                    if (walked.stream().noneMatch(root -> path.startsWith(root + "/"))) {
                        if (refresh(session, path, change.getValue())) {
                            walked.add(path);
                        }
                    }
                }
                if (revisionChanged) {
                    recordRevision(session);
                }
                return null;
            });
            publish();
        }
    }

    /** @return whether the subtree under the path was walked (its changes are then all taken) */
    private boolean refresh(Session session, String path, boolean mayHoldNewNodes) throws RepositoryException {
        if (!session.nodeExists(path)) {
            delete(path);
            return true;
        }
        Node node = session.getNode(path);
        Optional<Node> owner = collectiviteOf(node);
        if (owner.isPresent()) {
            index(owner.get());
            return false;
        }
        if (mayHoldNewNodes) {
            walk(node);
            return true;
        }
        return false;
    }

    /** The collectivité node itself, or the one a sub-model node belongs to. */
    private static Optional<Node> collectiviteOf(Node node) throws RepositoryException {
        for (Node current = node; current.getDepth() > 1; current = current.getParent()) {
            if (SearchType.byNodeType(current.getPrimaryNodeType().getName()).isPresent()) {
                return Optional.of(current);
            }
        }
        return Optional.empty();
    }

    private void walk(Node folder) throws RepositoryException {
        for (NodeIterator children = folder.getNodes(); children.hasNext(); ) {
            Node child = children.nextNode();
            if (SearchType.byNodeType(child.getPrimaryNodeType().getName()).isPresent()) {
                index(child);
            } else {
                walk(child);
            }
        }
    }

    private void index(Node node) throws RepositoryException {
        try {
            Optional<IndexedCollectivite> item = reader.read(node);
            if (item.isPresent()) {
                writer.updateDocument(new Term(IndexFields.ID, node.getPath()), CollectiviteDocuments.toDocument(item.get()));
            } else {
                writer.deleteDocuments(new Term(IndexFields.ID, node.getPath()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void delete(String path) {
        try {
            writer.deleteDocuments(new Term(IndexFields.ID, path));
            writer.deleteDocuments(new PrefixQuery(new Term(IndexFields.ID, path + "/")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void publish() {
        try {
            if (persistent) {
                writer.commit();
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot publish search index changes", e);
        }
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            if (observationSession != null) {
                try {
                    observationSession.getWorkspace().getObservationManager().removeEventListener(observer);
                } catch (RepositoryException e) {
                    LOG.warn("Search index: cannot stop listening: {}", e.getMessage());
                }
                observationSession.logout();
                observationSession = null;
            }
        }
        updates.shutdown(); // a batch being indexed completes: interrupting IndexWriter would break it
        try {
            updates.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (writeLock) {
            try {
                searchers.close();
                writer.close();
                directory.close();
            } catch (IOException e) {
                LOG.warn("Search index did not close cleanly: {}", e.getMessage(), e);
            }
        }
    }
}
