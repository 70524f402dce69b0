package fr.anct.opencollectivites.repository;

import java.util.Objects;

/**
 * How to reach the repository: embedded (nothing else needed) or on PostgreSQL with this instance's
 * cluster id.
 *
 * @param clusterId    unique per running instance, 1 to 99; 0 takes a free id from 100 up (commands)
 * @param leaseSeconds how long the cluster waits for an instance that stopped renewing its lease (a
 *                     killed process, a lost machine) before another one recovers its last writes
 */
public record RepositorySettings(RepositoryMode mode, String jdbcUrl, String user, String password,
                                 int poolSize, int clusterId, int leaseSeconds) {
    /** Oak's default lease. */
    public static final int DEFAULT_LEASE_SECONDS = 120;
    /**
     * Oak renews a lease every 10 s and gives up 20 s (plus 5 s of retries) before it ends: a shorter
     * lease would expire between two renewals.
     */
    public static final int MIN_LEASE_SECONDS = 40;

    public RepositorySettings {
        Objects.requireNonNull(mode, "mode");
        if (mode == RepositoryMode.POSTGRESQL && (jdbcUrl == null || jdbcUrl.isBlank())) {
            throw new IllegalArgumentException("repository.mode=postgresql needs repository.jdbcUrl"
                    + " (e.g. jdbc:postgresql://localhost:5432/opencollectivites)");
        }
        if (poolSize < 2) {
            throw new IllegalArgumentException("repository.poolSize must be at least 2, not " + poolSize);
        }
        if (leaseSeconds < MIN_LEASE_SECONDS) {
            throw new IllegalArgumentException("cluster.leaseSeconds must be at least " + MIN_LEASE_SECONDS + ", not " + leaseSeconds);
        }
        if (clusterId < 0 || clusterId >= ClusterLeases.FIRST_COMMAND_ID) {
            throw new IllegalArgumentException("cluster.id must be 0 (automatic) or between 1 and "
                    + (ClusterLeases.FIRST_COMMAND_ID - 1) + " (automatic ids and commands take "
                    + ClusterLeases.FIRST_COMMAND_ID + " and up), not " + clusterId);
        }
    }

    public static RepositorySettings embedded() {
        return new RepositorySettings(RepositoryMode.EMBEDDED, "", "", "", 10, 0, DEFAULT_LEASE_SECONDS);
    }

    public static RepositorySettings postgresql(String jdbcUrl, String user, String password, int clusterId) {
        return new RepositorySettings(RepositoryMode.POSTGRESQL, jdbcUrl, user, password, 10, clusterId,
                DEFAULT_LEASE_SECONDS);
    }

    /** The same database for a short command run beside the servers: Oak picks a free cluster id. */
    public RepositorySettings forCommand() {
        return new RepositorySettings(mode, jdbcUrl, user, password, Math.min(poolSize, 4), 0, leaseSeconds);
    }

    public RepositorySettings withLeaseSeconds(int seconds) {
        return new RepositorySettings(mode, jdbcUrl, user, password, poolSize, clusterId, seconds);
    }

    /** The password never reaches a log line. */
    @Override
    public String toString() {
        return mode == RepositoryMode.EMBEDDED ? "embedded" : "postgresql " + jdbcUrl + " as " + user + ", cluster id " + clusterId;
    }
}
