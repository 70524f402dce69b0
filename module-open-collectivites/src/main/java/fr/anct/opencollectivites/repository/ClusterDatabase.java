package fr.anct.opencollectivites.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

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
    /** Advisory lock key held while an instance commits ("oc-comm" in ASCII). */
    public static final long COMMIT_LOCK = 0x6f632d636f6d6dL;

    /** How long a health check waits for the database before saying it is down. */
    static final int CHECK_TIMEOUT_SECONDS = 2;
    private final HikariDataSource dataSource;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private ClusterDatabase(HikariDataSource dataSource, String jdbcUrl, String user, String password) {
        this.dataSource = dataSource;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Connects (fails fast if the database does not answer). */
    public static ClusterDatabase connect(String jdbcUrl, String user, String password, int maxPoolSize) {
        // one plain connection first: a refusal is reported once, by the caller, not logged by the pool
        try (Connection probe = java.sql.DriverManager.getConnection(jdbcUrl, user, password)) {
            probe.isValid(10);
        } catch (SQLException e) {
            throw new RepositoryUnavailableException(jdbcUrl, e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxPoolSize);
        config.setPoolName("oc-postgresql");
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        try {
            return new ClusterDatabase(new HikariDataSource(config), jdbcUrl, user, password);
        } catch (RuntimeException e) {
            throw new RepositoryUnavailableException(jdbcUrl, e);
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
            return new ClusterLock(connection, held -> unlock(held, key));
        } catch (SQLException e) {
            throw new RepositoryFailure("Cannot take the cluster lock " + key + ": " + e.getMessage(), e);
        }
    }

    /**
     * Takes an advisory lock if it is had within {@code wait}: waiters are served in the order they came
     * (PostgreSQL's lock queue). The lock belongs to a transaction kept open on one connection until
     * {@link ClusterLock#close()}, so that it also ends with that connection. Empty when the wait ran out
     * or the database could not be asked.
     */
    public Optional<ClusterLock> lockWithin(long key, Duration wait) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            return Optional.empty();
        }
        try (Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL lock_timeout = " + Math.max(1, wait.toMillis()));
            statement.execute("SELECT pg_advisory_xact_lock(" + key + ")");
            return Optional.of(new ClusterLock(connection, ClusterDatabase::endTransaction));
        } catch (SQLException e) {
            endTransaction(connection);
            return Optional.empty();
        }
    }

    private static void endTransaction(Connection connection) {
        try (connection) {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // closing the connection ends the transaction, and the lock with it
        }
    }

    /**
     * Whether the database answers within {@link #CHECK_TIMEOUT_SECONDS}, on a connection of its own: the
     * pool's would wait its full timeout (10 s) for a database that is away.
     */
    public boolean reachable() {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password == null ? "" : password);
        properties.setProperty("connectTimeout", Integer.toString(CHECK_TIMEOUT_SECONDS));
        properties.setProperty("socketTimeout", Integer.toString(CHECK_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", Integer.toString(CHECK_TIMEOUT_SECONDS));
        try (Connection connection = java.sql.DriverManager.getConnection(jdbcUrl, properties)) {
            return connection.isValid(CHECK_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static void unlock(Connection connection, long key) {
        try (connection; PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, key);
            statement.execute();
        } catch (SQLException e) {
            // closing the connection ends the PostgreSQL session, which releases the lock anyway
        }
    }

    /** A held advisory lock; closing releases it. */
    public static final class ClusterLock implements AutoCloseable {
        private final Connection connection;
        private final java.util.function.Consumer<Connection> release;

        private ClusterLock(Connection connection, java.util.function.Consumer<Connection> release) {
            this.connection = connection;
            this.release = release;
        }

        @Override
        public void close() {
            release.accept(connection);
        }
    }
}
