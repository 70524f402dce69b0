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
        DeliveryQuery parsed = new DeliveryQueryParser(fixture.types).parse(communes, parameters);
        Sql2Query query = parsed.fullText().isEmpty() ? new Sql2QueryBuilder().build(communes, parsed)
                : new Sql2QueryBuilder().build(communes, parsed, fixture.textIndex.candidates(communes.rootAbsolutePath(),
                        communes.nodeTypes(), parsed.fullText().get().terms()));
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

    /**
     * Pen-test finding: {@code q} read every commune (37,000 on the national référentiel). Its words are looked
     * up in the full-text index; the repository is asked only for the nodes found, by identifier.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dombes", "amb en", "75056"})
    void fullTextIsAnsweredFromIndexesOnly(String q) {
        String plan = plan("q", q);
        assertThat(QueryPlans.traverses(plan)).as(plan).isFalse();
        assertThat(plan).as(plan).contains("uuid").doesNotContain("nodeType");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "population[gt]=1000", "@name=01001", "@ancestor=/communes/01", "orderBy=nom desc"})
    void otherQueriesUseTheNodeTypeIndex(String parameter) {
        String[] parts = parameter.split("=", 2);
        String plan = plan(parts[0], parts[1]);
        assertThat(QueryPlans.traverses(plan)).as(plan).isFalse();
        assertThat(plan).as(plan).containsAnyOf("nodeType", "property oc-");
    }
}
