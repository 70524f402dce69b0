package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jackrabbit.oak.plugins.document.ClusterNodeInfoDocument;
import org.apache.jackrabbit.oak.plugins.document.DocumentStore;
import org.apache.jackrabbit.oak.plugins.document.rdb.RDBDocumentNodeStoreBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.repository.RepositorySettings;
import fr.anct.opencollectivites.security.Accounts;
import fr.anct.opencollectivites.security.ApiTokens;
import fr.anct.opencollectivites.security.PasswordPolicy;
import fr.anct.opencollectivites.security.Role;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two writers on one PostgreSQL, as an operator runs them: instance A is the packaged jar in its own
 * process (cluster id 1, a 40 s lease), instance B a platform in this JVM (cluster id 2). A publisher
 * creates and publishes pages through the authoring API on both at once for 60 s: no answer is a 5xx, and
 * every publish acknowledged by either is served by both. Then A is killed with SIGKILL in the middle of
 * its publishing: B serves every page A acknowledged, and recovers A's cluster entry once its lease has
 * expired, without A ever restarting.
 */
@Tag("postgres")
@Tag("process")
class ClusterFailoverIT {
    private static final int LEASE_SECONDS = 40;
    private static final Duration CONCURRENT = Duration.ofSeconds(Long.getLong("cluster.publishSeconds", 60));

    @TempDir
    static Path work;
    static EmbeddedPostgres postgres;
    static AppProcess a;
    static Platform b;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        a = AppProcess.serve(work.resolve("a"), Map.of(
                "OC_REPOSITORY_MODE", "postgresql", "OC_REPOSITORY_JDBC_URL", url,
                "OC_REPOSITORY_USER", "postgres", "OC_REPOSITORY_PASSWORD", "postgres",
                "OC_CLUSTER_ID", "1", "OC_CLUSTER_LEASE_SECONDS", Integer.toString(LEASE_SECONDS),
                "OC_SERVER_HOST", "127.0.0.1"), "--no-demo");
        b = Platform.start(PlatformConfig.load(Optional.empty(), Map.of(
                        "OC_SERVER_HOST", "127.0.0.1", "OC_SERVER_PORT", "0", "OC_DEMO_ENABLED", "false",
                        "OC_DATA_DIR", work.resolve("b").toString()))
                .withRepository(RepositorySettings.postgresql(url, "postgres", "postgres", 2)));
        b.repository().withSystemSession(session -> {
            new Accounts(new PasswordPolicy()).create(session, "paul", null, "paul@example.fr", "Paul Publie",
                    Set.of(Role.EDITOR, Role.PUBLISHER), Set.of());
            session.save();
            return null;
        });
        token = new ApiTokens(b.repository(), Clock.systemUTC()).create("paul", "charge").secret();
    }

    @AfterAll
    static void stop() throws Exception {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void twoInstancesPublishAtOnceWithout5xxAndAKilledOnesAcknowledgedPublishesStayServed() throws Exception {
        Author onA = new Author("a", a.port());
        Author onB = new Author("b", b.port());
        awaitWithin(Duration.ofSeconds(10), () -> onA.authenticated(), "A knows B's API token");

        Thread writerA = onA.start();
        Thread writerB = onB.start();
        Thread.sleep(CONCURRENT.toMillis());
        onB.running.set(false);
        writerB.join();
        List<String> acknowledgedByA = List.copyOf(onA.acknowledged);
        System.out.printf("Cluster failover: in %d s, A acknowledged %d publishes (%s), B %d (%s); failures: A %s, B %s%n",
                CONCURRENT.toSeconds(), acknowledgedByA.size(), onA.latencies(), onB.acknowledged.size(), onB.latencies(),
                onA.failures, onB.failures);
        assertThat(onA.failures).as("answers of A other than 2xx").isEmpty();
        assertThat(onB.failures).as("answers of B other than 2xx").isEmpty();
        assertThat(acknowledgedByA).as("A published").isNotEmpty();
        assertThat(onB.acknowledged).as("B published").isNotEmpty();
        for (Author reader : List.of(onA, onB)) {
            for (String page : concat(acknowledgedByA, onB.acknowledged)) {
                awaitWithin(Duration.ofSeconds(5), () -> reader.served(page), reader.name + " serves " + page);
            }
        }

        // A goes on publishing alone, and is killed in the middle of it
        int before = onA.acknowledged.size();
        awaitWithin(Duration.ofSeconds(30), () -> onA.acknowledged.size() >= before + 3, "A publishes on");
        long killed = System.nanoTime();
        a.kill();
        assertThat(a.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
        onA.running.set(false);
        writerA.join();
        List<String> acknowledgedBeforeTheKill = List.copyOf(onA.acknowledged);
        for (String page : acknowledgedBeforeTheKill) {
            awaitWithin(Duration.ofSeconds(LEASE_SECONDS + 10), () -> onB.served(page), "B serves " + page + " that A acknowledged");
        }
        long allServed = System.nanoTime() - killed;
        awaitWithin(Duration.ofSeconds(LEASE_SECONDS + 20), () -> !clusterEntryActive(1),
                "B recovers A's cluster entry after its lease");
        long recovered = System.nanoTime() - killed;
        System.out.printf("Cluster failover: A killed after %d acknowledged publishes; all served by B %d ms after the kill;"
                        + " A's entry recovered by B %d ms after the kill (lease %d s)%n", acknowledgedBeforeTheKill.size(),
                TimeUnit.NANOSECONDS.toMillis(allServed), TimeUnit.NANOSECONDS.toMillis(recovered), LEASE_SECONDS);
    }

    /** Whether the cluster table still holds this id as an active instance (read with Oak's own API). */
    private static boolean clusterEntryActive(int clusterId) {
        DocumentStore store = RDBDocumentNodeStoreBuilder.newRDBDocumentNodeStoreBuilder()
                .setRDBConnection(postgres.getPostgresDatabase()).getDocumentStore();
        try {
            return ClusterNodeInfoDocument.all(store).stream()
                    .anyMatch(entry -> entry.getClusterId() == clusterId && entry.isActive());
        } finally {
            store.dispose();
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static void awaitWithin(Duration limit, java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            Thread.sleep(100);
        }
    }

    /** A publisher's script on one instance: create a page, publish it, again and again. */
    private static final class Author {
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        final String name;
        final String base;
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<String> acknowledged = new CopyOnWriteArrayList<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final List<Long> millis = new CopyOnWriteArrayList<>();

        Author(String name, int port) {
            this.name = name;
            this.base = "http://127.0.0.1:" + port;
        }

        Thread start() {
            Thread thread = new Thread(() -> {
                for (int n = 1; running.get(); n++) {
                    String page = name + "-" + n;
                    long started = System.nanoTime();
                    try {
                        HttpResponse<String> created = send("POST", "/.rest/authoring/v1/drafts/website/pages/" + page,
                                "{\"type\":\"page\",\"properties\":{\"title\":\"Page " + n + " de " + name + "\"}}");
                        if (created.statusCode() != 201) {
                            failures.add("create " + page + ": " + created.statusCode() + " " + created.body());
                            continue;
                        }
                        HttpResponse<String> published = send("POST", "/.rest/authoring/v1/workflow/publish/website/pages/" + page, "{}");
                        if (published.statusCode() != 200) {
                            failures.add("publish " + page + ": " + published.statusCode() + " " + published.body());
                            continue;
                        }
                        acknowledged.add(page);
                        millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                    } catch (IOException e) {
                        return; // the instance is gone (killed): nothing in flight was acknowledged
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "author-" + name);
            thread.start();
            return thread;
        }

        /** Median, 95th percentile and longest time of a create-and-publish, in ms. */
        String latencies() {
            List<Long> sorted = new ArrayList<>(millis);
            sorted.sort(null);
            if (sorted.isEmpty()) {
                return "none";
            }
            return "median " + sorted.get(sorted.size() / 2) + " ms, p95 " + sorted.get((int) (sorted.size() * 0.95))
                    + " ms, max " + sorted.get(sorted.size() - 1) + " ms";
        }

        boolean authenticated() {
            try {
                return send("GET", "/.rest/authoring/v1/session", null).statusCode() == 200;
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }

        boolean served(String page) {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create(base + "/.rest/delivery/pages/pages/" + page)).GET().build(), HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 && response.body().contains("\"title\"");
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
