package fr.anct.opencollectivites.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The PostgreSQL database shared by the instances of a cluster: one pool of connections per instance,
 * used by the Oak document store, the Quartz job store and the cluster-wide locks below.
 */
public final class ClusterDatabase implements AutoCloseable {
    /** Advisory lock key held while an instance installs or seeds the repository ("oc-boot" in ASCII). */
    public static final long STARTUP_LOCK = 0x6f632d626f6f74L;

    private final HikariDataSource dataSource;

    private ClusterDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Connects (fails fast if the database does not answer). */
    public static ClusterDatabase connect(String jdbcUrl, String user, String password, int maxPoolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxPoolSize);
        config.setPoolName("oc-postgresql");
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        try {
            return new ClusterDatabase(new HikariDataSource(config));
        } catch (RuntimeException e) {
            throw new RepositoryFailure("Cannot connect to " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Takes a session-level PostgreSQL advisory lock, waiting for another instance that holds it; the
     * lock is released by {@link ClusterLock#close()}, or by PostgreSQL when the holder dies.
     */
    public ClusterLock lock(long key) {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                statement.setLong(1, key);
                statement.execute();
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new ClusterLock(connection, key);
        } catch (SQLException e) {
            throw new RepositoryFailure("Cannot take the cluster lock " + key + ": " + e.getMessage(), e);
        }
    }

    /** Whether a connection can be had and answers within two seconds. */
    public boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** A held advisory lock; closing releases it. */
    public static final class ClusterLock implements AutoCloseable {
        private final Connection connection;
        private final long key;

        private ClusterLock(Connection connection, long key) {
            this.connection = connection;
            this.key = key;
        }

        @Override
        public void close() {
            try (connection; PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                statement.setLong(1, key);
                statement.execute();
            } catch (SQLException e) {
                // closing the connection ends the PostgreSQL session, which releases the lock anyway
            }
        }
    }
}
