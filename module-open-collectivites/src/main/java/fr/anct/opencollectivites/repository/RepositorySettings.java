package fr.anct.opencollectivites.repository;

import java.util.Objects;

/**
 * How to reach the repository: embedded (nothing else needed) or on PostgreSQL with this instance's
 * cluster id.
 *
 * @param clusterId unique per running instance; 0 lets Oak choose a free id
 */
public record RepositorySettings(RepositoryMode mode, String jdbcUrl, String user, String password,
                                 int poolSize, int clusterId) {
    public RepositorySettings {
        Objects.requireNonNull(mode, "mode");
        if (mode == RepositoryMode.POSTGRESQL && (jdbcUrl == null || jdbcUrl.isBlank())) {
            throw new IllegalArgumentException("repository.mode=postgresql needs repository.jdbcUrl"
                    + " (e.g. jdbc:postgresql://localhost:5432/opencollectivites)");
        }
        if (poolSize < 2) {
            throw new IllegalArgumentException("repository.poolSize must be at least 2, not " + poolSize);
        }
        if (clusterId < 0) {
            throw new IllegalArgumentException("cluster.id must be 0 (automatic) or positive, not " + clusterId);
        }
    }

    public static RepositorySettings embedded() {
        return new RepositorySettings(RepositoryMode.EMBEDDED, "", "", "", 10, 0);
    }

    public static RepositorySettings postgresql(String jdbcUrl, String user, String password, int clusterId) {
        return new RepositorySettings(RepositoryMode.POSTGRESQL, jdbcUrl, user, password, 10, clusterId);
    }

    /** The same database for a short command run beside the servers: Oak picks a free cluster id. */
    public RepositorySettings forCommand() {
        return new RepositorySettings(mode, jdbcUrl, user, password, Math.min(poolSize, 4), 0);
    }

    /** The password never reaches a log line. */
    @Override
    public String toString() {
        return mode == RepositoryMode.EMBEDDED ? "embedded" : "postgresql " + jdbcUrl + " as " + user + ", cluster id " + clusterId;
    }
}
