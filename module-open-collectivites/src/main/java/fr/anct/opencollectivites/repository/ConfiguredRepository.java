package fr.anct.opencollectivites.repository;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The repository opened as configured, with what it needs around it. In PostgreSQL mode, instances
 * start one after the other: the startup lock (a PostgreSQL advisory lock) is taken before the node
 * store is built — so the tables Oak creates and the nodes the bootstrap writes are never raced — and
 * held until {@link #startupDone()}, so that seeding an empty repository (demo data) happens once.
 */
public final class ConfiguredRepository implements AutoCloseable {
    private final OakRepository repository;
    private final ClusterDatabase database;
    private ClusterDatabase.ClusterLock startupLock;

    private ConfiguredRepository(OakRepository repository, ClusterDatabase database, ClusterDatabase.ClusterLock startupLock) {
        this.repository = repository;
        this.database = database;
        this.startupLock = startupLock;
    }

    /** Opens the repository; in PostgreSQL mode the startup lock is held until {@link #startupDone()}. */
    public static ConfiguredRepository open(RepositorySettings settings, Path dataDir) {
        if (settings.mode() == RepositoryMode.EMBEDDED) {
            return new ConfiguredRepository(OakRepository.embedded(dataDir), null, null);
        }
        ClusterDatabase database = ClusterDatabase.connect(settings.jdbcUrl(), settings.user(), settings.password(),
                settings.poolSize());
        ClusterDatabase.ClusterLock lock = null;
        try {
            lock = database.lock(ClusterDatabase.STARTUP_LOCK);
            return new ConfiguredRepository(OakRepository.cluster(database, settings.clusterId(), settings.leaseSeconds()), database, lock);
        } catch (RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            database.close();
            throw e instanceof RepositoryUnavailableException ? e : new RepositoryUnavailableException(settings.jdbcUrl(), e);
        }
    }

    public OakRepository repository() {
        return repository;
    }

    /** The shared database in PostgreSQL mode (Quartz's job store lives there too). */
    public Optional<ClusterDatabase> database() {
        return Optional.ofNullable(database);
    }

    /** Lets the next instance start (no-op in embedded mode or when already done). */
    public synchronized void startupDone() {
        if (startupLock != null) {
            try {
                repository.publishChanges();
            } finally {
                startupLock.close();
            }
            startupLock = null;
        }
    }

    @Override
    public void close() {
        try {
            startupDone();
            repository.close();
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }
}
