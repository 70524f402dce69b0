package fr.anct.opencollectivites.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.jcr.Node;

import org.apache.jackrabbit.commons.JcrUtils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL restarted while an instance writes: saves fail while it is away (and are not acknowledged),
 * the instance recovers by itself when it is back, and every save acknowledged before, during or after
 * the outage is in the database — read by a second instance that joins afterwards.
 */
@Tag("repository")
@Tag("postgres")
class PostgresRestartTest {

    @Test
    void aRestartOfPostgresqlUnderWritesLosesNoAcknowledgedSave(@TempDir Path pgData) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).start();
        int port = postgres.getPort();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        List<Integer> acknowledged = new CopyOnWriteArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        List<String> notOutages = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        int acknowledgedBeforeRestart;
        int acknowledgedAfterRestart;
        try (ClusterDatabase database = ClusterDatabase.connect(url, "postgres", "postgres", 4);
             OakRepository repository = OakRepository.cluster(database, 1)) {
            Thread writer = new Thread(() -> {
                for (int n = 0; writing.get(); n++) {
                    int number = n;
                    try {
                        repository.withSystemSession(session -> {
                            Node parent = JcrUtils.getOrCreateByPath("/restart-test", "nt:unstructured", session);
                            parent.addNode("n" + number, "nt:unstructured").setProperty("value", number);
                            session.save();
                            return null;
                        });
                        acknowledged.add(number);
                    } catch (RuntimeException e) {
                        failures.incrementAndGet(); // not acknowledged: the caller was told it failed
                        if (!StoreOutage.causedBy(e)) {
                            notOutages.add(e.toString());
                        }
                    }
                    sleep(Duration.ofMillis(20));
                }
            }, "writer");
            writer.start();
            sleep(Duration.ofSeconds(3));

            postgres.close();
            long checked = System.nanoTime();
            assertThat(database.reachable()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - checked)).as("a health check says so at once")
                    .isLessThan(Duration.ofSeconds(3));
            sleep(Duration.ofSeconds(3));
            acknowledgedBeforeRestart = acknowledged.size();
            postgres = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).setPort(port).start();

            int before = acknowledgedBeforeRestart;
            // generous: on a loaded 2-core machine, reconnecting and the first commits after the restart take tens of seconds
            await("20 saves acknowledged once PostgreSQL is back").atMost(Duration.ofSeconds(150))
                    .until(() -> acknowledged.size() >= before + 20);
            writing.set(false);
            writer.join();
            acknowledgedAfterRestart = acknowledged.size() - acknowledgedBeforeRestart;
            assertThat(database.reachable()).isTrue();
            assertThat(repository.storeFailure()).isEmpty();
        }
        System.out.printf("PostgreSQL restart: %d saves acknowledged before it came back, %d after, %d failed meanwhile%n",
                acknowledgedBeforeRestart, acknowledgedAfterRestart, failures.get());
        assertThat(acknowledgedAfterRestart).as("saves succeed again once PostgreSQL is back").isGreaterThanOrEqualTo(20);
        assertThat(notOutages).as("every failed save is told apart as the store being away (503, not 500)").isEmpty();

        try (ClusterDatabase database = ClusterDatabase.connect(url, "postgres", "postgres", 4);
             OakRepository other = OakRepository.cluster(database, 2)) {
            Set<Integer> stored = other.withSystemSession(session -> {
                Set<Integer> numbers = new TreeSet<>();
                for (Node node : JcrUtils.getChildNodes(session.getNode("/restart-test"))) {
                    numbers.add((int) node.getProperty("value").getLong());
                }
                return numbers;
            });
            assertThat(stored).as("every acknowledged save is in PostgreSQL").containsAll(acknowledged);
        } finally {
            postgres.close();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
