package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.jcr.Node;

import org.apache.jackrabbit.commons.JcrUtils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.repository.ClusterDatabase;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.repository.RepositorySettings;
import fr.anct.opencollectivites.security.Accounts;
import fr.anct.opencollectivites.security.PasswordPolicy;
import fr.anct.opencollectivites.security.Role;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An instance whose PostgreSQL goes away, as a load balancer and a reader see it: readiness says 503 at
 * once (not after the pool's 10 s), a sign-in (a write) answers 503, reads answer from the instance's caches
 * or 503 with Retry-After, never 500, and everything comes back by itself with the database.
 */
@Tag("postgres")
class DatabaseOutageTest {

    @Test
    void whileTheDatabaseIsAwayTheInstanceAnswers503AndRecoversByItself(@TempDir Path work) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path pgData = work.resolve("pg");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false)
                .setPort(port).start();
        boolean databaseAway = false;
        String url = postgres.getJdbcUrl("postgres", "postgres");
        Platform platform = null;
        try {
            platform = Platform.start(PlatformConfig.load(Optional.empty(), Map.of(
                            "OC_SERVER_HOST", "127.0.0.1", "OC_SERVER_PORT", "0", "OC_DEMO_ENABLED", "false",
                            "OC_DATA_DIR", work.resolve("a").toString()))
                    .withRepository(RepositorySettings.postgresql(url, "postgres", "postgres", 1)));
            Http http = new Http(platform.port());
            // written by another instance, so that this one has never read them
            try (ClusterDatabase database = ClusterDatabase.connect(url, "postgres", "postgres", 4);
                 OakRepository author = OakRepository.cluster(database, 2)) {
                author.withSystemSession(session -> {
                    Node regions = JcrUtils.getOrCreateByPath("/collectivites/regions", "mgnl:folder", session);
                    for (String[] region : new String[][] {{"11", "Île-de-France"}, {"84", "Auvergne-Rhône-Alpes"}}) {
                        Node node = regions.addNode(region[0], "oc:region");
                        node.setProperty("code", region[0]);
                        node.setProperty("nom", region[1]);
                    }
                    new Accounts(new PasswordPolicy()).create(session, "lea", "la phrase de passe de Léa".toCharArray(),
                            "lea@example.fr", null, Set.of(Role.EDITOR), Set.of());
                    session.save();
                    return null;
                });
            }
            awaitWithin(Duration.ofSeconds(10), () -> http.get("/.rest/delivery/regions/84").statusCode() == 200);
            assertThat(http.get("/health/ready").statusCode()).isEqualTo(200);

            postgres.close();
            databaseAway = true;
            long asked = System.nanoTime();
            HttpResponse<String> ready = http.get("/health/ready");
            Duration readinessTook = Duration.ofNanos(System.nanoTime() - asked);
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(Http.parse(ready.body()).path("database").asText()).isEqualTo("DOWN");
            assertThat(readinessTook).as("readiness answers at once").isLessThan(Duration.ofSeconds(4));

            // what the instance holds in its caches (the search index read both regions) is still served;
            // what it must ask the database for is a 503 a CDN can wait out, never a 500
            for (String path : java.util.List.of("/.rest/delivery/regions/11", "/regions/11-ile-de-france",
                    "/.rest/delivery/departements/75")) {
                HttpResponse<String> read = http.get(path);
                assertThat(read.statusCode()).as(path).isIn(200, 404, 503);
                if (read.statusCode() == 503) {
                    assertThat(read.headers().firstValue("Retry-After")).as(path).hasValue("10");
                }
            }
            HttpResponse<String> signIn = http.post("/.rest/authoring/v1/session",
                    "{\"login\":\"lea\",\"password\":\"la phrase de passe de Léa\"}");
            assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(503);

            postgres = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).setPort(port).start();
            databaseAway = false;
            awaitWithin(Duration.ofSeconds(30), () -> http.get("/health/ready").statusCode() == 200);
            assertThat(Http.parse(http.get("/.rest/delivery/regions/11").body()).path("nom").asText()).isEqualTo("Île-de-France");
            assertThat(http.get("/regions/11-ile-de-france").statusCode()).isEqualTo(200);
            assertThat(http.post("/.rest/authoring/v1/session",
                    "{\"login\":\"lea\",\"password\":\"la phrase de passe de Léa\"}").statusCode()).isEqualTo(200);
        } finally {
            if (databaseAway) {
                // Quartz's clustered store retries its lock until the database answers, even on shutdown
                postgres = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).setPort(port).start();
            }
            if (platform != null) {
                platform.close();
            }
            postgres.close();
        }
    }

    private static void awaitWithin(Duration limit, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true within " + limit);
            }
            Thread.sleep(200);
        }
    }
}
