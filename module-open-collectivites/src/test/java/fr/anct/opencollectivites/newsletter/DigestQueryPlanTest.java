package fr.anct.opencollectivites.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.delivery.QueryPlans;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.repository.OakRepository;

/** The digest queries use the property indexes of the publication content type, never a traversal. */
@Tag("repository")
class DigestQueryPlanTest {

    @Test
    void digestQueriesUseAnIndex() {
        Instant since = Instant.parse("2026-03-01T00:00:00Z");
        Instant until = Instant.parse("2026-03-02T00:00:00Z");
        try (OakRepository repository = ImportTestSupport.bootstrapped(OakRepository.inMemory())) {
            ContentTypeDefinition type = TestLightModule.contentTypes().require("publication");
            repository.withSystemSession(session -> {
                ContentWriter writer = new ContentWriter();
                for (int i = 0; i < 300; i++) {
                    writer.upsert(session, "/publications/items/2026/p" + i, type, Map.of("code", "p" + i,
                            "title", "Publication " + i, "link", "https://example.org/" + i,
                            "date", LocalDate.of(2025, 1, 1).plusDays(i), "territories", List.of("commune:" + (31000 + i)),
                            "themes", List.of(i % 2 == 0 ? "securite" : "parite")));
                }
                session.save();
                return null;
            });
            List<String> plans = repository.withAnonymousSession(session -> List.of(
                    DigestQuery.plan(session, since, until, new LinkedHashSet<>(List.of("commune:31555", "departement:31",
                            "region:76")), List.of()),
                    DigestQuery.plan(session, since, until, Set.of("commune:31555"), List.of("securite")),
                    DigestQuery.plan(session, since, until, Set.of(), List.of("securite", "parite"))));
            for (String plan : plans) {
                assertThat(plan).isNotEmpty();
                assertThat(QueryPlans.traverses(plan)).as(plan).isFalse();
                assertThat(plan).as(plan).containsAnyOf("property oc-", "nodeType");
            }
        }
    }
}
