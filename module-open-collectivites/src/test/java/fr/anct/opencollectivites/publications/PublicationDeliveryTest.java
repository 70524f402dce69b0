package fr.anct.opencollectivites.publications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.delivery.DeliveryEndpoints;
import fr.anct.opencollectivites.delivery.DeliveryException;
import fr.anct.opencollectivites.delivery.DeliveryService;
import fr.anct.opencollectivites.repository.OakRepository;

/** The light module's delivery endpoints of publications and their taxonomy. */
@Tag("repository")
class PublicationDeliveryTest {
    private OakRepository repository;
    private DeliveryService delivery;

    @BeforeEach
    void setUp() {
        repository = PublicationsTestSupport.repository();
        CatalogueFixture fixture = new CatalogueFixture(repository);
        fixture.publications();
        repository.withSystemSession(session -> {
            session.getNode(CatalogueFixture.path("p3")).setProperty("linkStatus", "broken");
            session.save();
            return null;
        });
        delivery = new DeliveryService(DeliveryEndpoints.load(TestLightModule.dir(), TestLightModule.contentTypes()),
                TestLightModule.contentTypes());
    }

    @AfterEach
    void tearDown() {
        repository.close();
    }

    private JsonNode query(String endpoint, Map<String, List<String>> parameters) {
        return repository.withAnonymousSession(session -> delivery.query(session, endpoint, parameters).body());
    }

    private static List<String> values(JsonNode answer, String property) {
        List<String> values = new ArrayList<>();
        answer.get("results").forEach(result -> values.add(result.get(property).asText()));
        return values;
    }

    @Test
    void livePublicationsOnlyAndBrokenLinksByQuery() {
        assertThat(query("publications", Map.of()).get("total").asInt()).isEqualTo(6);
        assertThat(values(query("publications", Map.of("linkStatus", List.of("broken"))), "code")).containsExactly("p3");
        assertThat(values(query("publications", Map.of("themes", List.of("finances-fiscalite"), "orderBy", List.of("date desc"))),
                "code")).containsExactly("p1", "p5", "p6");
        assertThatThrownBy(() -> repository.withAnonymousSession(session ->
                delivery.node(session, "publications", "/d1/d1"))).isInstanceOf(DeliveryException.class);
    }

    @Test
    void theSeededTaxonomyIsServed() {
        assertThat(query("publications-themes", Map.of("limit", List.of("20"))).get("total").asInt()).isEqualTo(9);
        assertThat(values(query("publications-organisations", Map.of("orderBy", List.of("code asc"))), "acronym"))
                .containsExactly("DARES", "DEPP", "DGCL", "DREES", "INSEE", "OFGL", "SDES");
        assertThat(query("publications-document-types", Map.of()).get("total").asInt()).isEqualTo(5);
        assertThat(query("publications-scopes", Map.of()).get("total").asInt()).isEqualTo(6);
    }
}
