package fr.anct.opencollectivites.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import javax.jcr.observation.Event;
import javax.jcr.observation.EventIterator;
import javax.jcr.observation.EventListener;
import javax.jcr.query.Query;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.repository.ContentEvents;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.repository.RepositoryFailure;

/**
 * The full-text index behind the delivery API's {@code q}: for every live node an endpoint serves,
 * the words of its text properties, folded (case, accents) — so that {@code q} is answered from an
 * index, never by reading every node of a type. A term matches the start of a word ({@code ambe}
 * finds « Ambérieu-en-Bugey »); every term must match. Kept in memory, rebuilt at start (in the
 * background: until then {@code q} answers 503) and kept current through repository observation, local
 * and, on a cluster, external events alike.
 */
public final class DeliveryTextIndex implements AutoCloseable {
    /** Words of {@code q} at most (more is a 400). */
    public static final int MAX_TERMS = 8;
    /** Matches beyond which {@code q} is too broad (a 400 asking for more letters or words). */
    public static final int MAX_CANDIDATES = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryTextIndex.class);
    private static final String PATH = "path";
    private static final String ID = "id";
    private static final String TYPE = "type";
    private static final String TEXT = "text";

    private final OakRepository repository;
    /** Node type → its text properties, for the node types of every endpoint that has some. */
    private final Map<String, Set<String>> textProperties = new LinkedHashMap<>();
    /** Endpoint root → the node types served there. */
    private final Map<String, Set<String>> typesByRoot = new LinkedHashMap<>();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ScheduledExecutorService updates = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "delivery-text-index");
        thread.setDaemon(true);
        return thread;
    });
    private final Object writeLock = new Object();
    /** One per root: a listener registered again would be moved, not added. */
    private final List<EventListener> listeners = new ArrayList<>();
    private Map<String, Boolean> pending = new HashMap<>();
    private boolean flushScheduled;
    private Session observationSession;
    private volatile boolean ready;

    public DeliveryTextIndex(OakRepository repository, DeliveryEndpoints endpoints, ContentTypeRegistry contentTypes) {
        this.repository = repository;
        for (DeliveryEndpointDefinition endpoint : endpoints.all()) {
            List<String> text = QueryableProperties.of(endpoint, contentTypes).textProperties();
            if (text.isEmpty()) {
                continue;
            }
            for (String nodeType : endpoint.nodeTypes()) {
                textProperties.computeIfAbsent(nodeType, t -> new LinkedHashSet<>()).addAll(text);
            }
            typesByRoot.computeIfAbsent(endpoint.rootAbsolutePath(), r -> new LinkedHashSet<>()).addAll(endpoint.nodeTypes());
        }
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer()));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Case and accents folded, words split as Lucene's standard tokenizer does (hyphens, apostrophes…). */
    static Analyzer analyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
            }
        };
    }

    /** Listens to the live roots, then rebuilds in the background; {@code q} answers 503 until then. */
    public DeliveryTextIndex start() {
        listen();
        updates.execute(this::rebuildLogged);
        return this;
    }

    /** Listens, then rebuilds before returning (tests, tools). */
    public DeliveryTextIndex startAndWait() {
        listen();
        rebuild();
        return this;
    }

    private void listen() {
        synchronized (writeLock) {
            observationSession = repository.loginSystem();
            try {
                for (String root : topLevelRoots()) {
                    observationSession.getWorkspace().getObservationManager()
                            .addEventListener(listener(), ContentEvents.ALL, root, true, null, null, false);
                }
            } catch (RepositoryException e) {
                observationSession.logout();
                observationSession = null;
                throw new RepositoryFailure("Cannot listen to repository changes: " + e.getMessage(), e);
            }
        }
    }

    private EventListener listener() {
        EventListener listener = this::onEvents;
        listeners.add(listener);
        return listener;
    }

    /** The workspaces' live roots ({@code /collectivites}, {@code /website}…): one listener each. */
    private Set<String> topLevelRoots() {
        Set<String> top = new LinkedHashSet<>();
        for (String root : typesByRoot.keySet()) {
            int second = root.indexOf('/', 1);
            top.add(second < 0 ? root : root.substring(0, second));
        }
        return top;
    }

    public boolean ready() {
        return ready;
    }

    private void rebuildLogged() {
        try {
            rebuild();
        } catch (RuntimeException e) {
            LOG.error("The delivery full-text index could not be built: q answers 503", e);
        }
    }

    /** Indexes every live node of the endpoints' node types again. */
    public int rebuild() {
        long start = System.nanoTime();
        synchronized (writeLock) {
            int count = repository.withSystemSession(session -> {
                try {
                    writer.deleteAll();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                int indexed = 0;
                for (Map.Entry<String, Set<String>> served : typesByRoot.entrySet()) {
                    String root = served.getKey();
                    for (String nodeType : served.getValue()) {
                        Query query = session.getWorkspace().getQueryManager().createQuery("SELECT * FROM [" + nodeType
                                + "] AS n WHERE ISDESCENDANTNODE(n, '" + root.replace("'", "''") + "')", Query.JCR_SQL2);
                        for (NodeIterator nodes = query.execute().getNodes(); nodes.hasNext(); ) {
                            index(nodes.nextNode());
                            indexed++;
                        }
                    }
                }
                return indexed;
            });
            publish();
            ready = true;
            LOG.info("Delivery full-text index built: {} nodes in {} ms", count, (System.nanoTime() - start) / 1_000_000);
            return count;
        }
    }

    /**
     * The identifiers of the live nodes under {@code root}, of one of {@code nodeTypes}, whose words start
     * with every term.
     *
     * @throws DeliveryException 400 with too many terms or matches, 503 while the index is being built
     */
    List<String> candidates(String root, Collection<String> nodeTypes, List<String> terms) {
        if (!ready) {
            throw new DeliveryException(DeliveryError.UNAVAILABLE, "delivery.error.fullTextNotReady");
        }
        List<String> words = new ArrayList<>();
        for (String term : terms) {
            words.addAll(analyse(term));
        }
        if (terms.size() > MAX_TERMS || words.size() > MAX_TERMS) {
            throw new DeliveryException(DeliveryError.INVALID_QUERY, "delivery.error.fullTextTerms", MAX_TERMS);
        }
        if (words.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(new PrefixQuery(new Term(PATH, root + "/")), BooleanClause.Occur.FILTER);
        BooleanQuery.Builder types = new BooleanQuery.Builder();
        nodeTypes.forEach(type -> types.add(new TermQuery(new Term(TYPE, type)), BooleanClause.Occur.SHOULD));
        query.add(types.build(), BooleanClause.Occur.FILTER);
        words.forEach(word -> query.add(new PrefixQuery(new Term(TEXT, word)), BooleanClause.Occur.FILTER));
        BooleanQuery built = query.build();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                int count = searcher.count(built);
                if (count > MAX_CANDIDATES) {
                    throw new DeliveryException(DeliveryError.INVALID_QUERY, "delivery.error.fullTextBroad", count,
                            MAX_CANDIDATES);
                }
                List<String> ids = new ArrayList<>(count);
                if (count > 0) {
                    for (ScoreDoc hit : searcher.search(built, count).scoreDocs) {
                        ids.add(searcher.storedFields().document(hit.doc).get(ID));
                    }
                }
                return ids;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Delivery full-text index unreadable", e);
        }
    }

    private static List<String> analyse(String text) {
        List<String> words = new ArrayList<>();
        try (Analyzer analyzer = analyzer(); TokenStream stream = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private boolean indexable(Node node) throws RepositoryException {
        if (!textProperties.containsKey(node.getPrimaryNodeType().getName())) {
            return false;
        }
        String path = node.getPath();
        return typesByRoot.keySet().stream().anyMatch(root -> path.startsWith(root + "/"));
    }

    private void index(Node node) throws RepositoryException {
        StringBuilder text = new StringBuilder();
        for (String name : textProperties.get(node.getPrimaryNodeType().getName())) {
            if (!node.hasProperty(name)) {
                continue;
            }
            Property property = node.getProperty(name);
            for (Value value : property.isMultiple() ? property.getValues() : new Value[] {property.getValue()}) {
                text.append(value.getString()).append('\n');
            }
        }
        Document document = new Document();
        document.add(new StringField(PATH, node.getPath(), Field.Store.YES));
        document.add(new StoredField(ID, node.getIdentifier()));
        document.add(new StringField(TYPE, node.getPrimaryNodeType().getName(), Field.Store.NO));
        document.add(new TextField(TEXT, text.toString(), Field.Store.NO));
        try {
            writer.updateDocument(new Term(PATH, node.getPath()), document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void onEvents(EventIterator events) {
        boolean schedule;
        synchronized (this) {
            while (events.hasNext()) {
                Event event = events.nextEvent();
                try {
                    String path = event.getPath();
                    if (ContentEvents.onProperty(event.getType())) {
                        pending.putIfAbsent(path.substring(0, Math.max(1, path.lastIndexOf('/'))), false);
                    } else {
                        pending.merge(path, event.getType() != Event.NODE_REMOVED, Boolean::logicalOr);
                    }
                } catch (RepositoryException e) {
                    LOG.warn("Delivery full-text index: unreadable event ignored: {}", e.getMessage());
                }
            }
            schedule = !flushScheduled && !pending.isEmpty();
            flushScheduled |= schedule;
        }
        if (schedule && !updates.isShutdown()) {
            updates.schedule(this::flush, 200, TimeUnit.MILLISECONDS);
        }
    }

    private void flush() {
        Map<String, Boolean> batch;
        synchronized (this) {
            batch = pending;
            pending = new HashMap<>();
            flushScheduled = false;
        }
        try {
            synchronized (writeLock) {
                repository.withSystemSession(session -> {
                    List<String> walked = new ArrayList<>();
                    for (Map.Entry<String, Boolean> change : new TreeMap<>(batch).entrySet()) {
                        String path = change.getKey();
                        if (walked.stream().noneMatch(root -> path.startsWith(root + "/"))
                                && refresh(session, path, change.getValue())) {
                            walked.add(path);
                        }
                    }
                    return null;
                });
                publish();
            }
        } catch (RuntimeException e) {
            LOG.error("Delivery full-text index: {} changed paths not indexed (the next start rebuilds): {}",
                    batch.size(), e.getMessage(), e);
        }
    }

    /** @return whether the subtree at the path was walked */
    private boolean refresh(Session session, String path, boolean mayHoldNewNodes) throws RepositoryException {
        if (!session.nodeExists(path)) {
            try {
                writer.deleteDocuments(new Term(PATH, path));
                writer.deleteDocuments(new PrefixQuery(new Term(PATH, path + "/")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return true;
        }
        Node node = session.getNode(path);
        if (indexable(node)) {
            index(node);
        }
        if (mayHoldNewNodes) {
            walk(node);
            return true;
        }
        return false;
    }

    private void walk(Node parent) throws RepositoryException {
        for (NodeIterator children = parent.getNodes(); children.hasNext(); ) {
            Node child = children.nextNode();
            if (indexable(child)) {
                index(child);
            }
            walk(child);
        }
    }

    private void publish() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            if (observationSession != null) {
                for (EventListener listener : listeners) {
                    try {
                        observationSession.getWorkspace().getObservationManager().removeEventListener(listener);
                    } catch (RepositoryException e) {
                        LOG.warn("Delivery full-text index: cannot stop listening: {}", e.getMessage());
                    }
                }
                observationSession.logout();
                observationSession = null;
            }
        }
        updates.shutdown();
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
                LOG.warn("Delivery full-text index did not close cleanly: {}", e.getMessage());
            }
        }
    }
}
