package fr.anct.opencollectivites.publications.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import javax.jcr.observation.Event;
import javax.jcr.observation.EventIterator;
import javax.jcr.observation.EventListener;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.publications.PublicationPaths;
import fr.anct.opencollectivites.publications.harvest.HtmlSummaries;
import fr.anct.opencollectivites.repository.ContentEvents;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.repository.RepositoryFailure;

/**
 * A small Lucene index of the <em>live</em> publications ({@code /publications/items} only: drafts are
 * never read), for the catalogue's filters, French full text and sort. Kept in memory, rebuilt at
 * {@link #start()} and kept current by JCR observation (debounced). Thread-safe.
 */
public final class PublicationIndex implements AutoCloseable {
    static final String PATH = "path";
    static final String THEME = "theme";
    static final String TERRITORY = "territory";
    static final String TYPE = "documentType";
    static final String PUBLISHER = "publisher";
    static final String YEAR = "year";
    static final String DATE = "date";
    static final String TITLE = "title";
    static final String TEXT = "text";
    private static final Logger LOG = LoggerFactory.getLogger(PublicationIndex.class);

    private final OakRepository repository;
    private final Duration debounce;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ScheduledExecutorService updates;
    private final Object writeLock = new Object();
    private Set<String> pending = new HashSet<>();
    private boolean flushScheduled;
    private Session observationSession;

    public PublicationIndex(OakRepository repository, Duration debounce) {
        this.repository = repository;
        this.debounce = debounce;
        try {
            writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer()));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the publications index", e);
        }
        updates = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "publication-index-updates");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Lucene's {@link FrenchAnalyzer} (elision, stop words, light stemming) for the text fields, then accents
     * folded, since people type "sante" for "santé"; keywords as they are.
     */
    static Analyzer analyzer() {
        Analyzer french = new AccentFolding(new FrenchAnalyzer());
        return new PerFieldAnalyzerWrapper(new org.apache.lucene.analysis.core.KeywordAnalyzer(),
                java.util.Map.of(TITLE, french, TEXT, french));
    }

    /** Adds ASCII folding at the end of another analyzer's chain. */
    private static final class AccentFolding extends AnalyzerWrapper {
        private final Analyzer delegate;

        AccentFolding(Analyzer delegate) {
            super(delegate.getReuseStrategy());
            this.delegate = delegate;
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return delegate;
        }

        @Override
        protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
            return new TokenStreamComponents(components.getSource(), new ASCIIFoldingFilter(components.getTokenStream()));
        }
    }

    /** Listens to the live publications, then indexes them all: no change is lost in between. */
    public PublicationIndex start() {
        synchronized (writeLock) {
            if (observationSession == null) {
                observationSession = repository.loginSystem();
                try {
                    observationSession.getWorkspace().getObservationManager().addEventListener(
                            new Listener(), ContentEvents.ALL, PublicationPaths.liveItems(), true, null, null, false);
                } catch (RepositoryException e) {
                    observationSession.logout();
                    observationSession = null;
                    throw new RepositoryFailure("Cannot listen to publication changes: " + e.getMessage(), e);
                }
            }
        }
        rebuild();
        return this;
    }

    /** Reindexes every live publication. */
    public int rebuild() {
        synchronized (writeLock) {
            int count = repository.withSystemSession(session -> {
                try {
                    writer.deleteAll();
                    return session.nodeExists(PublicationPaths.liveItems())
                            ? indexTree(session.getNode(PublicationPaths.liveItems())) : 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            refresh();
            LOG.info("Publications index rebuilt: {} publications", count);
            return count;
        }
    }

    private int indexTree(Node node) throws RepositoryException, IOException {
        if (node.isNodeType(PublicationPaths.PUBLICATION_NODE_TYPE)) {
            writer.updateDocument(new Term(PATH, node.getPath()), document(node));
            return 1;
        }
        int count = 0;
        for (NodeIterator children = node.getNodes(); children.hasNext(); ) {
            count += indexTree(children.nextNode());
        }
        return count;
    }

    private static Document document(Node node) throws RepositoryException {
        Document doc = new Document();
        doc.add(new StringField(PATH, node.getPath(), Field.Store.YES));
        doc.add(new SortedDocValuesField(PATH, new BytesRef(node.getPath())));
        for (String theme : strings(node, "themes")) {
            doc.add(new StringField(THEME, theme, Field.Store.NO));
        }
        for (String territory : strings(node, "territories")) {
            doc.add(new StringField(TERRITORY, territory, Field.Store.YES));
        }
        for (String type : strings(node, "documentType")) {
            doc.add(new StringField(TYPE, type, Field.Store.NO));
        }
        for (String publisher : strings(node, "publisher")) {
            doc.add(new StringField(PUBLISHER, publisher, Field.Store.NO));
        }
        if (node.hasProperty("years")) {
            for (Value year : values(node, "years")) {
                doc.add(new IntPoint(YEAR, (int) year.getLong()));
            }
        }
        long date = node.hasProperty("date") ? node.getProperty("date").getDate().getTimeInMillis() : Long.MIN_VALUE;
        doc.add(new LongPoint(DATE, date));
        doc.add(new NumericDocValuesField(DATE, date));
        String title = node.hasProperty("title") ? node.getProperty("title").getString() : "";
        String summary = node.hasProperty("summary") ? HtmlSummaries.plainText(node.getProperty("summary").getString()) : "";
        doc.add(new TextField(TITLE, title, Field.Store.NO));
        doc.add(new TextField(TEXT, title + "\n" + summary, Field.Store.NO));
        return doc;
    }

    private static Value[] values(Node node, String name) throws RepositoryException {
        return node.getProperty(name).isMultiple() ? node.getProperty(name).getValues()
                : new Value[] {node.getProperty(name).getValue()};
    }

    private static List<String> strings(Node node, String name) throws RepositoryException {
        List<String> result = new ArrayList<>();
        if (node.hasProperty(name)) {
            for (Value value : values(node, name)) {
                result.add(value.getString());
            }
        }
        return result;
    }

    private void refresh() {
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot refresh the publications index", e);
        }
    }

    @FunctionalInterface
    interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Publications index unreadable", e);
        }
    }

    public int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    private final class Listener implements EventListener {
        @Override
        public void onEvent(EventIterator events) {
            boolean schedule;
            synchronized (PublicationIndex.this) {
                while (events.hasNext()) {
                    try {
                        Event event = events.nextEvent();
                        String path = event.getPath();
                        boolean property = ContentEvents.onProperty(event.getType());
                        pending.add(property ? path.substring(0, path.lastIndexOf('/')) : path);
                    } catch (RepositoryException e) {
                        LOG.warn("Publications index: unreadable event ignored: {}", e.getMessage());
                    }
                }
                schedule = !flushScheduled && !pending.isEmpty();
                flushScheduled |= schedule;
            }
            if (schedule && !updates.isShutdown()) {
                updates.schedule(PublicationIndex.this::flush, debounce.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void flush() {
        Set<String> batch;
        synchronized (this) {
            batch = pending;
            pending = new HashSet<>();
            flushScheduled = false;
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            synchronized (writeLock) {
                repository.withSystemSession(session -> {
                    for (String path : batch) {
                        reindex(session, path);
                    }
                    return null;
                });
                refresh();
            }
        } catch (RuntimeException e) {
            LOG.error("Publications index: {} changed paths not indexed (the next rebuild will)", batch.size(), e);
        }
    }

    /** The node at {@code path} and everything under it, from the repository's current state. */
    private void reindex(Session session, String path) throws RepositoryException {
        try {
            writer.deleteDocuments(new Term(PATH, path));
            writer.deleteDocuments(new PrefixQuery(new Term(PATH, path + "/")));
            if (session.nodeExists(path)) {
                indexTree(session.getNode(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            if (observationSession != null) {
                observationSession.logout();
                observationSession = null;
            }
        }
        updates.shutdownNow();
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            LOG.warn("Publications index did not close cleanly: {}", e.getMessage());
        }
    }
}
