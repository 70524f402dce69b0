package fr.anct.opencollectivites.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.repository.ClusterDatabase;
import fr.anct.opencollectivites.repository.RepositoryFailure;

/**
 * Quartz's JDBC job store in the cluster's PostgreSQL database: its tables are created on first use from
 * the DDL that ships inside the Quartz jar, and each scheduler gets the instance's connection pool.
 */
public final class QuartzJobStore {
    static final String DDL = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";
    /** Advisory lock key held while Quartz's tables are created ("oc-qrtz"). */
    static final long SCHEMA_LOCK = 0x6f632d7172747aL;
    private static final Logger LOG = LoggerFactory.getLogger(QuartzJobStore.class);

    private QuartzJobStore() {
    }

    /**
     * The properties of a clustered {@code JobStoreTX} on this database (tables created if missing).
     * Each call registers the pool under a new data-source name: Quartz's registry is JVM-wide.
     */
    public static Properties clusteredProperties(ClusterDatabase database) {
        createTablesIfAbsent(database);
        String dataSourceName = "oc-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return database.dataSource().getConnection();
            }

            @Override
            public void shutdown() {
                // the pool belongs to the platform, which closes it after the scheduler
            }

            @Override
            public void initialize() {
                // already running
            }
        });
        Properties properties = new Properties();
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        return properties;
    }

    static void createTablesIfAbsent(ClusterDatabase database) {
        try (ClusterDatabase.ClusterLock lock = database.lock(SCHEMA_LOCK);
             Connection connection = database.dataSource().getConnection()) {
            if (tableExists(connection, "qrtz_locks")) {
                return;
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements()) {
                    statement.execute(sql);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            LOG.info("Quartz tables created in the cluster database");
        } catch (SQLException e) {
            throw new RepositoryFailure("Cannot create Quartz's tables: " + e.getMessage(), e);
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet tables = metaData.getTables(null, null, table, new String[] {"TABLE"})) {
            return tables.next();
        }
    }

    /** The official script without comments, drops (nothing to drop) and its final COMMIT. */
    static List<String> statements() {
        String script;
        try (InputStream in = QuartzJobStore.class.getClassLoader().getResourceAsStream(DDL)) {
            if (in == null) {
                throw new IllegalStateException(DDL + " is not on the class path (Quartz jar)");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.trim().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : withoutComments.toString().split(";")) {
            String sql = statement.trim();
            String upper = sql.toUpperCase(Locale.ROOT);
            if (!sql.isEmpty() && !upper.startsWith("DROP ") && !upper.equals("COMMIT")) {
                statements.add(sql);
            }
        }
        return statements;
    }
}
