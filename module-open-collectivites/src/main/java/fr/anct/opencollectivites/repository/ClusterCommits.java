package fr.anct.opencollectivites.repository;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.jackrabbit.oak.api.Blob;
import org.apache.jackrabbit.oak.api.CommitFailedException;
import org.apache.jackrabbit.oak.plugins.document.DocumentNodeStore;
import org.apache.jackrabbit.oak.spi.commit.CommitHook;
import org.apache.jackrabbit.oak.spi.commit.CommitInfo;
import org.apache.jackrabbit.oak.spi.commit.Observable;
import org.apache.jackrabbit.oak.spi.commit.Observer;
import org.apache.jackrabbit.oak.spi.state.NodeBuilder;
import org.apache.jackrabbit.oak.spi.state.NodeState;
import org.apache.jackrabbit.oak.spi.state.NodeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's document node store, committing one instance at a time, each commit starting from the
 * latest state of every instance.
 *
 * <p>Why: an instance sees the others' commits only after its background read (every second). Two
 * instances that add children to one orderable parent (a folder of callouts, the day's audit folder,
 * the web sessions) both change its child order; the second commit collides with a revision it cannot
 * see yet, and Oak suspends and retries it. Under a steady stream of writes on both instances the
 * retries collide again, and a save failed after about 20 s ({@code OakMerge0004}). Here a commit
 * first takes the cluster's commit lock (a PostgreSQL advisory lock), reads what the other instances
 * published, merges (Oak rebases the session's changes on that head, and the JCR conflict handlers
 * merge child orders), then publishes its own revision before it lets the next one in: commits of
 * different instances never collide.
 *
 * <p>The lock only avoids collisions, it guards nothing: Oak's own conflict detection still does. So a
 * commit that cannot get the lock within {@link #MAX_WAIT} (a large import's save holds it, the
 * database does not answer) goes on without it, as it would without this class. Within an instance,
 * commits queue on a fair local lock first (as long), so that one connection at most waits for the
 * cluster lock.
 */
final class ClusterCommits implements NodeStore, Observable {
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(ClusterCommits.class);

    private final DocumentNodeStore store;
    private final ClusterDatabase database;
    private final ReentrantLock local = new ReentrantLock(true);

    ClusterCommits(DocumentNodeStore store, ClusterDatabase database) {
        this.store = store;
        this.database = database;
    }

    @Override
    public NodeState merge(NodeBuilder builder, CommitHook commitHook, CommitInfo info) throws CommitFailedException {
        boolean queued;
        try {
            queued = local.tryLock(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommitFailedException(CommitFailedException.OAK, 1, "Interrupted while waiting to commit", e);
        }
        if (!queued) {
            // a long save of this instance holds the lock: Oak orders local commits by itself
            LOG.warn("Commit without waiting for this instance's previous one (more than {} s)", MAX_WAIT.toSeconds());
            return store.merge(builder, commitHook, info);
        }
        try {
            Optional<ClusterDatabase.ClusterLock> lock = clusterLock();
            try {
                if (lock.isPresent()) {
                    backgroundOperations(); // read the revisions the previous holders published
                }
                NodeState merged = store.merge(builder, commitHook, info);
                if (lock.isPresent()) {
                    backgroundOperations(); // publish this one for the next holder
                }
                return merged;
            } finally {
                lock.ifPresent(ClusterDatabase.ClusterLock::close);
            }
        } finally {
            local.unlock();
        }
    }

    private Optional<ClusterDatabase.ClusterLock> clusterLock() {
        Optional<ClusterDatabase.ClusterLock> lock = database.lockWithin(ClusterDatabase.COMMIT_LOCK, MAX_WAIT);
        if (lock.isEmpty()) {
            LOG.warn("Commit without the cluster's commit lock (not had within {} s, or the database does not answer):"
                    + " it may have to be retried against other instances' commits", MAX_WAIT.toSeconds());
        }
        return lock;
    }

    /** A failure here (the database away) is left to the merge itself to report. */
    private void backgroundOperations() {
        try {
            store.runBackgroundOperations();
        } catch (RuntimeException e) {
            LOG.debug("Background operations around a commit failed: {}", e.getMessage());
        }
    }

    @Override
    public Closeable addObserver(Observer observer) {
        return store.addObserver(observer);
    }

    @Override
    public NodeState getRoot() {
        return store.getRoot();
    }

    @Override
    public NodeState rebase(NodeBuilder builder) {
        return store.rebase(builder);
    }

    @Override
    public NodeState reset(NodeBuilder builder) {
        return store.reset(builder);
    }

    @Override
    public Blob createBlob(InputStream inputStream) throws IOException {
        return store.createBlob(inputStream);
    }

    @Override
    public Blob getBlob(String reference) {
        return store.getBlob(reference);
    }

    @Override
    public String checkpoint(long lifetime, Map<String, String> properties) {
        return store.checkpoint(lifetime, properties);
    }

    @Override
    public String checkpoint(long lifetime) {
        return store.checkpoint(lifetime);
    }

    @Override
    public Map<String, String> checkpointInfo(String checkpoint) {
        return store.checkpointInfo(checkpoint);
    }

    @Override
    public Iterable<String> checkpoints() {
        return store.checkpoints();
    }

    @Override
    public NodeState retrieve(String checkpoint) {
        return store.retrieve(checkpoint);
    }

    @Override
    public boolean release(String checkpoint) {
        return store.release(checkpoint);
    }
}
