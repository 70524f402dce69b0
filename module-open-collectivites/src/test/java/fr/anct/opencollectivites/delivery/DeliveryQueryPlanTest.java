package fr.anct.opencollectivites.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of delivery query is answered from an Oak index, never by traversing the repository. */
@Tag("repository")
class DeliveryQueryPlanTest {
    private static DeliveryFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new DeliveryFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static String plan(String name, String value) {
        DeliveryEndpointDefinition communes = fixture.endpoints.byName("communes").orElseThrow();
        Map<String, List<String>> parameters = name.isEmpty() ? Map.of() : Map.of(name, List.of(value));
        Sql2Query query = new Sql2QueryBuilder().build(communes,
                new DeliveryQueryParser(fixture.types).parse(communes, parameters));
        return fixture.repository.withAnonymousSession(session -> QueryPlans.explain(session, query));
    }

    @ParameterizedTest
    @ValueSource(strings = {"code=01001", "departement=01", "typecom[in]=COM,ARM", "epci[ne]=200000000",
            "anciensCodes=01999"})
    void filtersOnIndexedPropertiesUseTheirPropertyIndex(String filter) {
        String[] parts = filter.split("=", 2);
        String property = parts[0].replaceAll("\\[.*]", "");
        String plan = plan(parts[0], parts[1]);
        assertThat(QueryPlans.traverses(plan)).as(plan).isFalse();
        if (!parts[0].contains("[ne]")) {
            assertThat(plan).as(plan).contains("property oc-" + property);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "population[gt]=1000", "q=dombes", "@name=01001", "@ancestor=/communes/01",
            "orderBy=nom desc"})
    void otherQueriesUseTheNodeTypeIndex(String parameter) {
        String[] parts = parameter.split("=", 2);
        String plan = plan(parts[0], parts[1]);
        assertThat(QueryPlans.traverses(plan)).as(plan).isFalse();
        assertThat(plan).as(plan).containsAnyOf("nodeType", "property oc-");
    }
}
