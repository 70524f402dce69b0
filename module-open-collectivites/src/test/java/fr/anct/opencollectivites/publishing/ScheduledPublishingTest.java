package fr.anct.opencollectivites.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.security.AuditLog;
import fr.anct.opencollectivites.security.MailSettings;
import fr.anct.opencollectivites.security.Role;

/**
 * The Quartz job publishes and unpublishes at the scheduled time. The job runs every second here
 * (every 30 s in production: within a minute of the time), so the test asserts "within 3 s".
 */
@Tag("repository")
@Tag("http")
class ScheduledPublishingTest {
    private static final String API = "/.rest/authoring/v1/";
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private AuthoringFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new AuthoringFixture(new MailSettings("127.0.0.1", 1, "x@example.fr", null, null, false, "http://x"),
                INTERVAL);
        fixture.user("edith", Set.of(Role.EDITOR), Set.of());
        fixture.user("paul", Set.of(Role.PUBLISHER), Set.of());
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void aScheduledPublishHappensOnTimeAndAScheduledUnpublishToo() throws Exception {
        String editor = fixture.token("edith");
        String publisher = fixture.token("paul");
        fixture.as(editor, "POST", API + "drafts/website/pages/fete", AuthoringFixture.body(
                Map.of("type", "page", "properties", Map.of("title", "Fête de la commune"))));
        Instant publishAt = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
        Instant unpublishAt = publishAt.plusSeconds(3);
        String schedule = AuthoringFixture.body(Map.of("publishAt", publishAt.toString(), "unpublishAt", unpublishAt.toString()));

        assertThat(fixture.as(editor, "POST", API + "workflow/schedule/website/pages/fete", schedule).statusCode())
                .as("only those who may publish may schedule").isEqualTo(403);
        assertThat(fixture.as(publisher, "POST", API + "workflow/schedule/website/pages/fete", schedule).statusCode())
                .isEqualTo(200);
        assertThat(fixture.as(editor, "GET", API + "versions/website/pages/fete", null).body())
                .contains("\"publishAt\":\"" + publishAt + "\"");

        assertThat(live()).as("not before its time").isFalse();
        Instant published = waitUntil(true, publishAt.plusSeconds(10));
        assertThat(published).isAfterOrEqualTo(publishAt).isBefore(publishAt.plus(INTERVAL.multipliedBy(3)));
        Instant unpublished = waitUntil(false, unpublishAt.plusSeconds(10));
        assertThat(unpublished).isAfterOrEqualTo(unpublishAt).isBefore(unpublishAt.plus(INTERVAL.multipliedBy(3)));

        assertThat(fixture.as(editor, "GET", API + "versions/website/pages/fete", null).body())
                .contains("\"version\":1").doesNotContain("schedule");
    }

    /**
     * Pen-test finding: an editor submits, a publisher schedules, the editor then changes the draft. At
     * the scheduled time the approved text goes live (credited to the publisher), the later edit does not:
     * it stays a draft waiting for review.
     */
    @Test
    void anEditMadeAfterSchedulingIsNotPublishedAtTheScheduledTime() throws Exception {
        String editor = fixture.token("edith");
        String publisher = fixture.token("paul");
        fixture.as(editor, "POST", API + "drafts/website/pages/fete", AuthoringFixture.body(
                Map.of("type", "page", "properties", Map.of("title", "Fête de la commune"))));
        assertThat(fixture.as(editor, "POST", API + "workflow/submit/website/pages/fete", null).statusCode()).isEqualTo(200);
        Instant publishAt = Instant.now().plusSeconds(1);
        assertThat(fixture.as(publisher, "POST", API + "workflow/schedule/website/pages/fete",
                AuthoringFixture.body(Map.of("publishAt", publishAt.toString()))).statusCode()).isEqualTo(200);
        assertThat(fixture.as(editor, "PUT", API + "drafts/website/pages/fete", AuthoringFixture.body(
                Map.of("properties", Map.of("title", "Texte jamais relu")))).statusCode()).isEqualTo(200);

        waitUntil(true, publishAt.plusSeconds(10));

        String liveTitle = fixture.repository.withAnonymousSession(s -> s.getNode("/website/pages/fete")
                .getProperty("title").getString());
        assertThat(liveTitle).isEqualTo("Fête de la commune");
        var draft = AuthoringFixture.json(fixture.as(editor, "GET", API + "drafts/website/pages/fete", null));
        assertThat(draft.path("properties").path("title").asText()).isEqualTo("Texte jamais relu");
        assertThat(draft.toString()).contains("\"status\":\"draft\"");
        var versions = AuthoringFixture.json(fixture.as(editor, "GET", API + "versions/website/pages/fete", null));
        assertThat(versions.path("versions").get(0).path("publishedBy").asText()).isEqualTo("paul");
        assertThat(versions.has("schedule")).isFalse();
        assertThat(fixture.as(editor, "GET", API + "diff/website/pages/fete?from=1&to=0", null).body())
                .contains("\"before\":\"Fête de la commune\"").contains("\"after\":\"Texte jamais relu\"");
        List<AuditLog.Entry> audit = fixture.repository.withSystemSession(s -> fixture.feature.audit.latest(s, 5));
        assertThat(audit).anySatisfy(e -> assertThat(e.action() + " " + e.who() + " " + e.detail())
                        .isEqualTo("publish.scheduled paul version 1"));
    }

    private boolean live() {
        return fixture.repository.withAnonymousSession(s -> s.nodeExists("/website/pages/fete"));
    }

    private Instant waitUntil(boolean wanted, Instant deadline) {
        await(wanted ? "published" : "unpublished").atMost(Duration.between(Instant.now(), deadline))
                .pollInterval(Duration.ofMillis(100)).until(() -> live() == wanted);
        return Instant.now();
    }
}
