package fr.anct.opencollectivites.repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.security.PrivilegedExceptionAction;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.jcr.GuestCredentials;
import javax.jcr.Repository;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.security.auth.Subject;

import org.apache.jackrabbit.oak.Oak;
import org.apache.jackrabbit.oak.jcr.Jcr;
import org.apache.jackrabbit.oak.jcr.repository.RepositoryImpl;
import org.apache.jackrabbit.oak.plugins.document.DocumentNodeStore;
import org.apache.jackrabbit.oak.plugins.document.LeaseCheckMode;
import org.apache.jackrabbit.oak.plugins.document.rdb.RDBDocumentNodeStoreBuilder;
import org.apache.jackrabbit.oak.plugins.memory.MemoryNodeStore;
import org.apache.jackrabbit.oak.segment.SegmentNodeStoreBuilders;
import org.apache.jackrabbit.oak.segment.file.FileStore;
import org.apache.jackrabbit.oak.segment.file.FileStoreBuilder;
import org.apache.jackrabbit.oak.segment.file.InvalidFileStoreVersionException;
import org.apache.jackrabbit.oak.security.internal.SecurityProviderBuilder;
import org.apache.jackrabbit.oak.spi.security.ConfigurationParameters;
import org.apache.jackrabbit.oak.spi.security.SecurityProvider;
import org.apache.jackrabbit.oak.spi.security.authentication.SystemSubject;
import org.apache.jackrabbit.oak.spi.security.user.UserConfiguration;
import org.apache.jackrabbit.oak.spi.security.user.UserConstants;
import org.apache.jackrabbit.oak.spi.commit.Observer;
import org.apache.jackrabbit.oak.spi.state.NodeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Oak repository of the platform: embedded segment-tar store by default, in memory for unit
 * tests, or a {@link DocumentNodeStore} on PostgreSQL shared by several instances ({@link #cluster}).
 */
public final class OakRepository implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OakRepository.class);
    /** How often an instance of a cluster looks for another whose writes need recovering (Oak's service: 10 s). */
    static final java.time.Duration RECOVERY_INTERVAL = java.time.Duration.ofSeconds(5);

    private final Repository repository;
    private final AutoCloseable store;
    private final ScheduledExecutorService executor;
    private final AtomicReference<String> storeFailure;
    private volatile RepositoryMode mode = RepositoryMode.EMBEDDED;
    private volatile int clusterId;
    private volatile Runnable publishChanges = () -> { };

    private OakRepository(Repository repository, AutoCloseable store, ScheduledExecutorService executor,
                          AtomicReference<String> storeFailure) {
        this.repository = repository;
        this.storeFailure = storeFailure;
        this.store = store;
        this.executor = executor;
    }

    /**
     * Oak's segment, string and template caches default to 256, 256 and 64 MB of heap whatever the heap:
     * a store that grows past the heap (the OFGL finances, hundreds of MB of series) then fills them and
     * a 256 MB import runs out of memory. They get an eighth, a sixteenth and a thirty-second of the
     * heap, up to Oak's defaults (with 2 GB of heap or more, nothing changes).
     */
    static FileStoreBuilder withCachesForHeap(FileStoreBuilder builder) {
        long heapMb = Runtime.getRuntime().maxMemory() >> 20;
        return builder.withSegmentCacheSize(cacheMb(heapMb / 8, 256))
                .withStringCacheSize(cacheMb(heapMb / 16, 256))
                .withTemplateCacheSize(cacheMb(heapMb / 32, 64));
    }

    /**
     * A session's transient changes on the segment store are written out as segments every
     * {@code update.limit} changes (Oak's default: 10,000), and each write-out rewrites the large child
     * lists touched since the last one. A file import changes hundreds of thousands of nodes (each
     * commune and its index entries) in one save: 50,000 makes the COG communes' save about 10 % faster
     * (docs/benchmarks.md) and holds a few more MB of heap between write-outs. Read once, when Oak's
     * segment node builder is first loaded, so it is set before the store opens; a value given on the
     * command line wins.
     */
    static void raiseTransientFlushLimit() {
        System.getProperties().putIfAbsent("update.limit", "50000");
    }

    /**
     * The document store's caches (nodes, children, diffs, previous documents) default to 256 MB of heap
     * whatever the heap: on a 512 MB public instance they would hold half of it, and its heap would look
     * like it grows for hours while they fill. They get a quarter of the heap, up to Oak's default.
     */
    static long documentCacheBytes() {
        long heapMb = Runtime.getRuntime().maxMemory() >> 20;
        return (long) cacheMb(heapMb / 4, 256) << 20;
    }

    private static int cacheMb(long share, int oakDefault) {
        return (int) Math.max(4, Math.min(share, oakDefault));
    }

    /**
     * Opens (or creates) the segment-tar store under {@code dataDir/repository}, for this process only:
     * the store does not stop a second process from writing to it (which would corrupt it), so an
     * exclusive lock on {@code dataDir/repository.lock} does.
     */
    public static OakRepository embedded(Path dataDir) {
        raiseTransientFlushLimit();
        ProcessLock lock = ProcessLock.acquire(dataDir.resolve("repository.lock"));
        try {
            Path storeDir = dataDir.resolve("repository");
            Files.createDirectories(storeDir);
            FileStore fileStore = withCachesForHeap(FileStoreBuilder.fileStoreBuilder(storeDir.toFile())).build();
            AtomicReference<String> storeFailure = new AtomicReference<>();
            return open(SegmentNodeStoreBuilders.builder(fileStore).build(), () -> {
                try {
                    fileStore.close();
                } finally {
                    lock.close();
                }
            }, storeFailure, durableCommits(fileStore, storeFailure));
        } catch (IOException | InvalidFileStoreVersionException | RuntimeException e) {
            lock.close();
            throw new RepositoryUnavailableException(dataDir.toAbsolutePath().toString(), e);
        }
    }

    /**
     * Joins the cluster whose documents live in this PostgreSQL database (Oak creates its tables on first
     * use), with Oak's default lease. See {@link #cluster(ClusterDatabase, int, int)}.
     */
    public static OakRepository cluster(ClusterDatabase database, int clusterId) {
        return cluster(database, clusterId, RepositorySettings.DEFAULT_LEASE_SECONDS);
    }

    /**
     * Joins the cluster whose documents live in this PostgreSQL database (Oak creates its tables on first
     * use). Other instances' changes become visible after the node store's background read (about
     * one second) and reach observation listeners as external events. Commits are made one instance at a
     * time ({@link ClusterCommits}). Every {@link #RECOVERY_INTERVAL} this instance looks for an instance
     * whose lease expired without a clean stop (killed, machine lost) and recovers its last writes, so
     * that they become visible without that instance restarting.
     *
     * @param clusterId    this instance's id, unique among running instances (1 to 99); 0 for a short-lived
     *                     command (backup, import…), which takes a free id from 100 up
     * @param leaseSeconds this instance's lease (see {@link RepositorySettings#leaseSeconds()})
     */
    public static OakRepository cluster(ClusterDatabase database, int clusterId, int leaseSeconds) {
        useLease(leaseSeconds);
        DocumentNodeStore nodeStore;
        try {
            RDBDocumentNodeStoreBuilder builder = RDBDocumentNodeStoreBuilder.newRDBDocumentNodeStoreBuilder()
                    .setRDBConnection(database.dataSource())
                    .setClusterId(clusterId)
                    // a lease that could not be renewed (database away longer than the lease) stops writes
                    // instead of the whole JVM; /health/ready then answers 503
                    .setLeaseCheckMode(LeaseCheckMode.LENIENT)
                    .memoryCacheSize(documentCacheBytes());
            if (clusterId == 0) {
                builder.setClusterId(ClusterLeases.commandId(builder.getDocumentStore()));
            } else {
                ClusterLeases.warnIfHeld(builder.getDocumentStore(), clusterId);
            }
            nodeStore = builder.build();
        } catch (RuntimeException e) {
            throw new RepositoryFailure("Cannot open the repository in PostgreSQL: " + e.getMessage(), e);
        }
        AtomicReference<String> storeFailure = new AtomicReference<>();
        // dispose() writes the last revisions back and releases this instance's lease: the next start
        // with the same cluster id need not wait for the lease to expire
        OakRepository opened = open(new ClusterCommits(nodeStore, database), nodeStore::dispose, storeFailure);
        opened.mode = RepositoryMode.POSTGRESQL;
        opened.clusterId = nodeStore.getClusterId();
        opened.publishChanges = nodeStore::runBackgroundOperations;
        opened.executor.scheduleWithFixedDelay(() -> ClusterLeases.recoverExpired(nodeStore),
                RECOVERY_INTERVAL.toMillis(), RECOVERY_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return opened;
    }

    /**
     * Oak reads its lease duration once, from a system property, when its cluster classes load: the
     * first repository of the process decides it (a value given on the command line wins).
     */
    private static void useLease(int leaseSeconds) {
        System.getProperties().putIfAbsent("oak.documentMK.leaseDurationSeconds", Integer.toString(leaseSeconds));
        long effective = org.apache.jackrabbit.oak.plugins.document.ClusterNodeInfo.DEFAULT_LEASE_DURATION_MILLIS / 1000;
        if (effective != leaseSeconds) {
            LOG.warn("Cluster lease of {} s asked, {} s in effect (set once per process, or by -Doak.documentMK.leaseDurationSeconds)",
                    leaseSeconds, effective);
        }
    }

    /**
     * Makes this instance's saved changes visible to instances that start now. A DocumentNodeStore
     * records the root's latest revision of its own commits in a background update (every second); an
     * instance starting before that would see the repository as it was (e.g. empty) and write over it.
     * No-op for the embedded store.
     */
    public void publishChanges() {
        publishChanges.run();
    }

    public RepositoryMode mode() {
        return mode;
    }

    /** This instance's cluster id in {@link RepositoryMode#POSTGRESQL} mode, else 0. */
    public int clusterId() {
        return clusterId;
    }

    /** A repository that lives only in memory: for tests and throw-away runs. */
    public static OakRepository inMemory() {
        return open(new MemoryNodeStore(), () -> { }, new AtomicReference<>());
    }

    /**
     * The segment store writes commits to disk on a background flush every few seconds: a kill -9
     * could lose a save that the caller already reported as done. Flushing after every local commit
     * makes a returned {@code session.save()} durable; our writes are batched, so commits are few.
     */
    private static Observer durableCommits(FileStore fileStore, AtomicReference<String> storeFailure) {
        // The commit is already the new head when observers run: throwing here would make save() report
        // a failure for data that readers see. A failed flush (a full disk) marks the repository
        // unhealthy instead, so /health/ready answers 503 and operators are told.
        return (root, info) -> {
            if (info != null) {
                try {
                    fileStore.flush();
                } catch (IOException | RuntimeException e) {
                    storeFailure.set(e.toString());
                    LOG.error("The repository could not be flushed to disk: recent saves may be lost on a crash", e);
                }
            }
        };
    }

    /** Empty while the store is sound; else why it is not (a flush to disk failed). */
    public Optional<String> storeFailure() {
        return Optional.ofNullable(storeFailure.get());
    }

    public static OakRepository open(NodeStore nodeStore, AutoCloseable storeCloser,
                                     AtomicReference<String> storeFailure, Observer... observers) {
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "oak-background");
            thread.setDaemon(true);
            return thread;
        });
        Oak oak = new Oak(nodeStore).with(executor);
        for (Observer observer : observers) {
            oak.with(observer);
        }
        Repository repository = new Jcr(oak)
                .with(securityProvider())
                .with(executor)
                .createRepository();
        return new OakRepository(repository, storeCloser, executor, storeFailure);
    }

    /** No default admin password anywhere: the admin user exists without one. */
    private static SecurityProvider securityProvider() {
        ConfigurationParameters userParams = ConfigurationParameters.of(
                UserConstants.PARAM_OMIT_ADMIN_PW, true);
        return SecurityProviderBuilder.newBuilder()
                .with(ConfigurationParameters.of(UserConfiguration.NAME, userParams))
                .build();
    }

    /** A session with every privilege, for importers, bootstrap and indexers; never for a request. */
    @SuppressWarnings("removal")
    public Session loginSystem() {
        try {
            return Subject.doAs(SystemSubject.INSTANCE,
                    (PrivilegedExceptionAction<Session>) () -> repository.login(null, null));
        } catch (java.security.PrivilegedActionException e) {
            throw new RepositoryFailure("System login failed", e.getException());
        }
    }

    /** A session of the anonymous user: it reads only what ACLs grant to everyone (live content). */
    public Session loginAnonymous() {
        try {
            return repository.login(new GuestCredentials());
        } catch (RepositoryException e) {
            throw new RepositoryFailure("Anonymous login failed", e);
        }
    }

    public <T> T withSystemSession(SessionWork<T> work) {
        return withSession(loginSystem(), work);
    }

    /**
     * Like {@link #withSystemSession}, for a write that can simply be done again: when the save meets a
     * conflicting change saved meanwhile (two instances, or two threads, creating the same folder), the
     * work runs again in a new session, which sees that change, up to {@link #WRITE_ATTEMPTS} times.
     */
    public <T> T writeAsSystem(SessionWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return withSystemSession(work);
            } catch (RepositoryFailure e) {
                if (attempt >= WRITE_ATTEMPTS || !isConflict(e)) {
                    throw e;
                }
                LOG.debug("Conflicting save, attempt {} of {}: {}", attempt, WRITE_ATTEMPTS, e.getMessage());
                pauseBeforeRetry(attempt);
            }
        }
    }

    /** How many times a conflicting write is tried ({@link #writeAsSystem}). */
    public static final int WRITE_ATTEMPTS = 3;

    /**
     * Whether a failed save met a change saved meanwhile by someone else (Oak's {@code OakState0001
     * Unresolved conflicts} or {@code OakMerge…}), so that doing the work again in a new session can
     * succeed.
     */
    public static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof javax.jcr.InvalidItemStateException) {
                return true;
            }
            if (t instanceof org.apache.jackrabbit.oak.api.CommitFailedException commit
                    && (commit.isOfType(org.apache.jackrabbit.oak.api.CommitFailedException.MERGE)
                    || commit.isOfType(org.apache.jackrabbit.oak.api.CommitFailedException.STATE))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** A short, growing pause, so that the other writer's change is visible to the next attempt. */
    public static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(50L * attempt * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public <T> T withAnonymousSession(SessionWork<T> work) {
        return withSession(loginAnonymous(), work);
    }

    private static <T> T withSession(Session session, SessionWork<T> work) {
        try {
            return work.run(session);
        } catch (RepositoryException e) {
            throw new RepositoryFailure(e.getMessage(), e);
        } finally {
            session.logout();
        }
    }

    @Override
    public void close() {
        if (repository instanceof RepositoryImpl impl) {
            impl.shutdown();
        }
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
            store.close();
        } catch (Exception e) {
            LOG.warn("Repository store did not close cleanly: {}", e.getMessage(), e);
        }
    }
}
