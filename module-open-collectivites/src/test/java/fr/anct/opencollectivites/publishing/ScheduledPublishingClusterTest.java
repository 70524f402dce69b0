package fr.anct.opencollectivites.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.operations.QuartzJobStore;
import fr.anct.opencollectivites.repository.ClusterDatabase;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.security.AuditLog;
import fr.anct.opencollectivites.module.RepositoryBootstrap;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two instances of a cluster, each with its scheduled-publishing job looking for due items every half
 * second: the job is one schedule of the cluster (Quartz's clustered job store), so a due page is
 * published once — one version, one audit entry — not once per instance.
 */
@Tag("postgres")
class ScheduledPublishingClusterTest {
    private static final ItemPath PAGE = ItemPath.of("website", "/pages/fete");

    @Test
    void aDuePublishIsCarriedOutOnceForTheWholeCluster() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            try (ClusterDatabase databaseA = ClusterDatabase.connect(url, "postgres", "postgres", 4);
                 OakRepository a = OakRepository.cluster(databaseA, 1)) {
                new RepositoryBootstrap(TestLightModule.contentTypes()).install(a);
                a.publishChanges();
                try (ClusterDatabase databaseB = ClusterDatabase.connect(url, "postgres", "postgres", 4);
                     OakRepository b = OakRepository.cluster(databaseB, 2);
                     ScheduledPublishing jobA = job(a).start(Duration.ofMillis(500), Optional.of(QuartzJobStore.clusteredProperties(databaseA)));
                     ScheduledPublishing jobB = job(b).start(Duration.ofMillis(500), Optional.of(QuartzJobStore.clusteredProperties(databaseB)))) {
                    assertThat(schedulerInstances(postgres)).as("both instances share one schedule").hasSize(2);
                    Instant publishAt = Instant.now().plusSeconds(1);
                    a.withSystemSession(session -> {
                        session.getNode("/oc:authoring/website/pages").addNode("fete", "mgnl:page").setProperty("title", "Fête");
                        session.save();
                        new Workflow(new AuditLog(a, Clock.systemUTC()), Clock.systemUTC()).schedule(session, PAGE, publishAt, null);
                        return null;
                    });
                    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                    while (!b.withSystemSession(session -> session.nodeExists(PAGE.livePath()))) {
                        assertThat(System.nanoTime()).as("published within 20 s").isLessThan(deadline);
                        Thread.sleep(100);
                    }
                    Thread.sleep(3_000); // a few more firings on both instances
                    for (OakRepository instance : List.of(a, b)) {
                        long versions = instance.withSystemSession(session ->
                                session.getNode(PAGE.recordPath()).getProperty(Workflow.LAST_VERSION).getLong());
                        long scheduledPublishes = instance.withSystemSession(session -> new AuditLog(instance, Clock.systemUTC())
                                .latest(session, 50).stream().filter(entry -> entry.action().equals("publish.scheduled")).count());
                        assertThat(versions).as("published once").isEqualTo(1);
                        assertThat(scheduledPublishes).as("one scheduled publish in the audit").isEqualTo(1);
                    }
                }
            }
        }
    }

    private static ScheduledPublishing job(OakRepository repository) {
        AuditLog audit = new AuditLog(repository, Clock.systemUTC());
        return new ScheduledPublishing(repository, new Workflow(audit, Clock.systemUTC()), audit, Clock.systemUTC());
    }

    /** The Quartz scheduler instances registered under scheduled publishing's cluster name. */
    private static List<String> schedulerInstances(EmbeddedPostgres postgres) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT instance_name FROM qrtz_scheduler_state WHERE sched_name = 'open-collectivites-publishing'")) {
            List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }
}
