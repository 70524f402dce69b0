package fr.anct.opencollectivites.publications;

import static fr.anct.opencollectivites.publications.PublicationsTestSupport.property;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.repository.SessionProvider;
import fr.anct.opencollectivites.publications.harvest.FetchLimits;
import fr.anct.opencollectivites.publications.harvest.HttpFetcher;
import fr.anct.opencollectivites.publications.harvest.OutboundPolicy;
import fr.anct.opencollectivites.repository.OakRepository;

@Tag("repository")
@Tag("http")
class PublicationJobsTest {

    @Test
    void theFeatureSeedsTheTaxonomyAndItsScheduleHarvestsAndChecksLinks() throws Exception {
        try (OakRepository repository = PublicationsTestSupport.repository(); StubWebServer web = new StubWebServer()) {
            web.resource("/drees.xml", "rss2-cdata.xml", "application/rss+xml", null);
            PublicationsTestSupport.source(repository, "drees", "feed", web.uri("/drees.xml").toString(), true, Map.of());
            // the stub server is on loopback, which the platform refuses unless an operator trusts the host
            try (PublicationsFeature feature = new PublicationsFeature(repository, SessionProvider.anonymous(repository),
                    TestLightModule.contentTypes(), TestLightModule.messages(), PublicationsTestSupport.TAGGER,
                    "* * * * * ?", "* * * * * ?", OutboundPolicy.trusting("127.0.0.1"))) {
                assertThat(feature.resources()).hasSize(2);
                await("the scheduled harvest").atMost(Duration.ofSeconds(15))
                        .until(() -> property(repository, "/publications/sources/drees", "lastStatus") != null);
            }
            assertThat(property(repository, "/publications/sources/drees", "lastStatus")).isEqualTo("ok");
            assertThat(web.hits("/drees.xml")).isPositive();
        }
    }

    @Test
    void aSourceIsHarvestedAgainOnlyWhenItsOwnScheduleIsDue() {
        try (OakRepository repository = PublicationsTestSupport.repository(); StubWebServer web = new StubWebServer()) {
            web.resource("/a.xml", "rss2-cdata.xml", "application/rss+xml", null);
            web.resource("/b.xml", "atom.xml", "application/atom+xml", null);
            PublicationsTestSupport.source(repository, "yearly", "feed", web.uri("/a.xml").toString(), true,
                    Map.of("schedule", "0 0 0 1 1 ? 2099"));
            PublicationsTestSupport.source(repository, "always", "feed", web.uri("/b.xml").toString(), true, Map.of());
            fr.anct.opencollectivites.publications.harvest.Harvester harvester =
                    new fr.anct.opencollectivites.publications.harvest.Harvester(repository,
                            TestLightModule.contentTypes(), PublicationsTestSupport.TAGGER,
                            new HttpFetcher(FetchLimits.DEFAULT, OutboundPolicy.trusting("127.0.0.1")),
                            TestLightModule.messages(), java.time.Clock.systemUTC());

            assertThat(harvester.harvestDue()).hasSize(2);
            assertThat(harvester.harvestDue()).extracting(run -> run.source()).containsExactly("always");
            assertThat(web.hits("/a.xml")).isEqualTo(1);
            assertThat(web.hits("/b.xml")).isEqualTo(2);
        }
    }

    @Test
    void seedingTwiceChangesNothing() {
        try (OakRepository repository = PublicationsTestSupport.repository()) {
            assertThat(property(repository, "/publications/themes/finances-fiscalite", "name")).isEqualTo("Finances & Fiscalité");
            assertThat(property(repository, "/publications/themes/finances-fiscalite", "keywords")).contains("fiscalité");
            assertThat(property(repository, "/publications/documentTypes/jeu-de-donnees", "name")).isEqualTo("Jeu de données");
            assertThat(property(repository, "/publications/organisations/depp", "acronym")).isEqualTo("DEPP");
            assertThat(property(repository, "/publications/scopes/communes-montagne", "name")).isEqualTo("Communes de montagne");
            assertThat(new TaxonomySeeder(repository, TestLightModule.contentTypes()).seed()).isZero();
            long themes = repository.withSystemSession(session -> session.getNode("/publications/themes").getNodes().getSize());
            assertThat(themes).isEqualTo(9);
        }
    }

    @Test
    void anInvalidScheduleStopsStartup() {
        try (OakRepository repository = PublicationsTestSupport.repository()) {
            assertThatThrownBy(() -> new PublicationsFeature(repository, TestLightModule.contentTypes(),
                    TestLightModule.messages(), PublicationsTestSupport.TAGGER, "every hour", null))
                    .isInstanceOf(RuntimeException.class);
        }
    }
}
