package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.jcr.Node;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.imports.ImportHistory;
import fr.anct.opencollectivites.imports.ImportRun;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.repository.RepositorySettings;
import fr.anct.opencollectivites.module.Importers;
import fr.anct.opencollectivites.security.Accounts;
import fr.anct.opencollectivites.security.PasswordPolicy;
import fr.anct.opencollectivites.security.Role;
import fr.anct.opencollectivites.security.SecurityPaths;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two platforms on one real PostgreSQL (cluster ids 1 and 2), each with its own data directory and
 * port, as two machines behind a load balancer would run: what one writes the other serves, its search
 * index follows, the scheduled import runs once per firing on the whole cluster, and {@code create-admin}
 * run beside them writes an administrator both can sign in.
 */
@Tag("http")
@Tag("postgres")
class ClusterTest {
    private static final Path LIGHT_MODULE = Path.of(System.getProperty("lightModule.dir", "../light-modules/open-collectivites"));
    private static final String SCHEDULE = "0/2 * * * * ?";

    @TempDir
    static Path work;
    static EmbeddedPostgres postgres;
    static Platform a;
    static Platform b;
    static Http httpA;
    static Http httpB;
    static Path scheduledDir;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        scheduledDir = Files.createDirectories(work.resolve("scheduled"));
        Files.writeString(scheduledDir.resolve("regions.csv"), "REG,CHEFLIEU,TNCC,NCC,NCCENR,LIBELLE\r\n"
                + "84,69123,1,AUVERGNE RHONE ALPES,Auvergne-Rhône-Alpes,Auvergne-Rhône-Alpes\r\n", StandardCharsets.UTF_8);
        a = Platform.start(config("a", 1));
        b = Platform.start(config("b", 2));
        httpA = new Http(a.port());
        httpB = new Http(b.port());
    }

    private static PlatformConfig config(String name, int clusterId) {
        return PlatformConfig.load(Optional.empty(), Map.of(
                        "OC_SERVER_HOST", "127.0.0.1", "OC_SERVER_PORT", "0",
                        "OC_DATA_DIR", work.resolve(name).toString()))
                .withRepository(RepositorySettings.postgresql(postgres.getJdbcUrl("postgres", "postgres"),
                        "postgres", "postgres", clusterId))
                .withImports(scheduledDir, SCHEDULE);
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
    void bothInstancesAreReadyAndServeTheDemoDataSeededOnce() {
        JsonNode healthB = httpB.json("/health");
        assertThat(healthB.path("status").asText()).isEqualTo("UP");
        assertThat(healthB.path("mode").asText()).isEqualTo("postgresql");
        assertThat(healthB.path("database").asText()).isEqualTo("UP");
        assertThat(httpA.json("/health").path("clusterId").asInt()).isEqualTo(1);
        assertThat(healthB.path("clusterId").asInt()).isEqualTo(2);
        assertThat(httpB.json("/.rest/delivery/communes/42/42218").path("nom").asText()).isEqualTo("Saint-Étienne");
        long demoRuns = a.repository().withSystemSession(session -> new ImportHistory().runs(session).stream()
                .filter(run -> {
                    try {
                        return session.getNode(run + "/file0").getProperty("file").getString().contains("demo");
                    } catch (javax.jcr.RepositoryException e) {
                        return false;
                    }
                }).count());
        assertThat(demoRuns).as("the demo data is imported by the first instance only").isEqualTo(1);
    }

    @Test
    void aNodeWrittenOnAIsServedByBWithinTwoSeconds() {
        a.repository().withSystemSession(session -> {
            Node region = session.getNode("/collectivites/regions").addNode("94", "oc:region");
            region.setProperty("code", "94");
            region.setProperty("nom", "Corse");
            session.save();
            return null;
        });
        Instant saved = Instant.now();
        awaitWithin(Duration.ofSeconds(2), () -> httpB.get("/.rest/delivery/regions/94").statusCode() == 200);
        assertThat(httpB.json("/.rest/delivery/regions/94").path("nom").asText()).isEqualTo("Corse");
        System.out.printf("Cluster: a node written on A was served by B after %d ms%n",
                Duration.between(saved, Instant.now()).toMillis());
    }

    @Test
    void anImportOnAShowsInTheAutocompleteOfBWithinFiveSeconds() throws Exception {
        assertThat(httpB.json("/.rest/open-collectivites/v1/search?q=zyxvillers").path("results")).isEmpty();
        Path file = work.resolve("nouvelle-commune.csv");
        Files.writeString(file, "TYPECOM,COM,REG,DEP,CTCD,ARR,TNCC,NCC,NCCENR,LIBELLE,CAN,COMPARENT\r\n"
                + "COM,42999,84,42,42D,423,0,ZYXVILLERS,Zyxvillers,Zyxvillers,4201,\r\n", StandardCharsets.UTF_8);
        ContentTypeRegistry types = ContentTypeRegistry.load(LIGHT_MODULE);
        ImportRun run = new ImportService(a.repository(), types, Messages.load(LIGHT_MODULE), Importers.standard())
                .importPath(file, ProgressListener.NONE);
        assertThat(run.failed()).isFalse();
        Instant imported = Instant.now();
        awaitWithin(Duration.ofSeconds(5), () ->
                httpB.json("/.rest/open-collectivites/v1/search?q=zyxvi").path("results").size() > 0);
        assertThat(httpB.json("/.rest/open-collectivites/v1/search?q=zyxvi").path("results").get(0).path("code").asText())
                .isEqualTo("42999");
        System.out.printf("Cluster: an import on A was in B's autocomplete after %d ms%n",
                Duration.between(imported, Instant.now()).toMillis());
    }

    @Test
    void eachFiringOfTheScheduledImportRunsOnExactlyOneInstance() throws Exception {
        await("three firings of the 2-second schedule").atMost(Duration.ofSeconds(30))
                .until(() -> scheduledRunStarts().size() >= 3);
        List<Instant> runs = scheduledRunStarts();
        runs.sort(null);
        assertThat(runs).as("scheduled runs at one firing every 2 s").hasSizeGreaterThanOrEqualTo(3);
        // each run belongs to the 2-second period of its firing (a first firing may start late, never twice)
        List<Long> periods = runs.stream().map(start -> start.getEpochSecond() / 2).toList();
        assertThat(periods).as("two runs of one firing: %s", runs).doesNotHaveDuplicates();
        long countedByA = scheduledRuns(httpA);
        long countedByB = scheduledRuns(httpB);
        System.out.printf("Cluster: %d scheduled runs, %d on A and %d on B%n", runs.size(), countedByA, countedByB);
        // the runs of the last second may not have reached A's view of the repository yet
        assertThat(countedByA + countedByB).isBetween((long) runs.size(), (long) runs.size() + 1);
    }

    /** When each scheduled import of the test's folder started, from the import history. */
    private List<Instant> scheduledRunStarts() {
        return a.repository().withSystemSession(session -> {
            List<Instant> starts = new ArrayList<>();
            for (String run : new ImportHistory().runs(session)) {
                Node node = session.getNode(run);
                if (node.hasNode("file0") && node.getNode("file0").getProperty("file").getString().startsWith(scheduledDir.toString())) {
                    starts.add(node.getProperty("started").getDate().toInstant());
                }
            }
            return starts;
        });
    }

    @Test
    void createAdminInPostgresqlModeMakesAnAccountThatSignsInOnBothInstances() throws Exception {
        PlatformConfig command = PlatformConfig.load(Optional.empty(), Map.of(
                "OC_REPOSITORY_MODE", "postgresql", "OC_REPOSITORY_JDBC_URL", postgres.getJdbcUrl("postgres", "postgres"),
                "OC_REPOSITORY_USER", "postgres", "OC_REPOSITORY_PASSWORD", "postgres",
                "OC_DATA_DIR", work.resolve("command").toString()));
        java.io.ByteArrayOutputStream output = new java.io.ByteArrayOutputStream();
        String password = "une phrase de passe du cluster";
        assertThat(CreateAdminCommand.run(command, "marie", "marie@example.fr", prompt -> password.toCharArray(),
                new java.io.PrintStream(output, true, StandardCharsets.UTF_8))).as(output.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(Files.exists(work.resolve("command").resolve("repository"))).as("no embedded store made beside").isFalse();
        String login = "{\"login\":\"marie\",\"password\":\"" + password + "\"}";
        for (Http instance : List.of(httpA, httpB)) {
            awaitWithin(Duration.ofSeconds(5), () -> instance.post("/.rest/authoring/v1/session", login).statusCode() == 200);
            assertThat(Http.parse(instance.post("/.rest/authoring/v1/session", login).body()).path("roles").toString())
                    .contains("administrator");
        }
    }

    @Test
    void loginsAtTheSameMomentOnBothInstancesAllSucceed() throws Exception {
        String password = "une autre phrase de passe";
        a.repository().withSystemSession(session -> {
            for (int n = 1; n <= 3; n++) {
                new Accounts(new PasswordPolicy()).create(session, "redac" + n, password.toCharArray(), "redac" + n + "@example.fr",
                        null, Set.of(Role.EDITOR), Set.of());
            }
            // the first logins of all: each instance creates the sessions folder in its own save
            if (session.nodeExists(SecurityPaths.SESSIONS_ROOT)) {
                session.getNode(SecurityPaths.SESSIONS_ROOT).remove();
            }
            session.save();
            return null;
        });
        a.repository().publishChanges();
        awaitWithin(Duration.ofSeconds(5), () -> b.repository().withSystemSession(
                session -> !session.nodeExists(SecurityPaths.SESSIONS_ROOT)
                        && new Accounts(new PasswordPolicy()).find(session, "redac3").isPresent()));
        List<Callable<Integer>> logins = new ArrayList<>();
        CyclicBarrier together = new CyclicBarrier(6);
        for (Http instance : List.of(httpA, httpB)) {
            for (int n = 1; n <= 3; n++) {
                String login = "{\"login\":\"redac" + n + "\",\"password\":\"" + password + "\"}";
                logins.add(() -> {
                    together.await();
                    return instance.post("/.rest/authoring/v1/session", login).statusCode();
                });
            }
        }
        ExecutorService clients = Executors.newFixedThreadPool(logins.size());
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : clients.invokeAll(logins)) {
                statuses.add(answer.get());
            }
            assertThat(statuses).as("six logins at once, three on each instance").containsOnly(200);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void theSameAnswerHasTheSameValidatorsOnBothInstances() {
        for (String path : List.of("/.rest/delivery/communes/42/42218", "/.rest/delivery/regions/84",
                "/.rest/delivery/communes?departement=42&limit=20")) {
            var fromA = httpA.get(path);
            var fromB = httpB.get(path);
            assertThat(fromA.statusCode()).as(path).isEqualTo(200);
            assertThat(fromB.body()).as(path).isEqualTo(fromA.body());
            assertThat(fromB.headers().firstValue("ETag")).as("ETag of " + path).isPresent()
                    .isEqualTo(fromA.headers().firstValue("ETag"));
            assertThat(fromB.headers().firstValue("Last-Modified")).as("Last-Modified of " + path)
                    .isEqualTo(fromA.headers().firstValue("Last-Modified"));
            // a revalidation with A's validator on the other instance answers 304
            assertThat(httpB.get(path, "If-None-Match", fromA.headers().firstValue("ETag").orElseThrow()).statusCode())
                    .as(path).isEqualTo(304);
        }
        // a page names its own address (the Host asked for, the same for both behind a load balancer)
        String page = "/communes/42218-saint-etienne";
        var pageA = httpA.get(page);
        var pageB = httpB.get(page);
        assertThat(pageB.body().replace(":" + b.port() + "/", ":PORT/")).isEqualTo(pageA.body().replace(":" + a.port() + "/", ":PORT/"));
        assertThat(pageB.headers().firstValue("Last-Modified")).as("Last-Modified of " + page).isPresent()
                .isEqualTo(pageA.headers().firstValue("Last-Modified"));
        assertThat(httpB.get(page, "If-Modified-Since", pageA.headers().firstValue("Last-Modified").orElseThrow()).statusCode())
                .isEqualTo(304);
    }

    private static long scheduledRuns(Http http) {
        String metrics = http.get("/metrics").body();
        Matcher matcher = Pattern.compile("(?m)^oc_scheduled_runs_total\\{job=\"imports\"} ([0-9.]+)").matcher(metrics);
        return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
    }

    private static void awaitWithin(Duration limit, java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(limit).pollInterval(Duration.ofMillis(50)).until(condition);
    }
}
