package fr.anct.opencollectivites.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.content.ContentTypeRegistry;

@Tag("unit")
class Sql2QueryBuilderTest {
    private final ContentTypeRegistry types = TestLightModule.contentTypes();
    private final DeliveryEndpointDefinition communes =
            DeliveryEndpoints.load(TestLightModule.dir(), types).byName("communes").orElseThrow();
    private final DeliveryQueryParser parser = new DeliveryQueryParser(types);
    private final Sql2QueryBuilder builder = new Sql2QueryBuilder();

    private Sql2Query build(Map<String, List<String>> parameters) {
        return builder.build(communes, parser.parse(communes, parameters));
    }

    @Test
    void restrictsToTheNodeTypeAndRootAndLeavesThePathOrderToTheCaller() {
        Sql2Query query = build(Map.of());
        assertThat(query.statement()).isEqualTo("SELECT n.[jcr:path] FROM [oc:commune] AS n WHERE "
                + "ISDESCENDANTNODE(n, '/collectivites/communes')");
        assertThat(query.bindings()).isEmpty();
        assertThat(query.pathOrder()).isEqualTo(Sql2Query.PathOrder.ASCENDING);
        assertThat(build(Map.of("orderBy", List.of("@path desc, nom"))).pathOrder())
                .isEqualTo(Sql2Query.PathOrder.DESCENDING);
    }

    @Test
    void propertyOrdersEndWithThePathTieBreak() {
        Sql2Query query = build(Map.of("orderBy", List.of("nom")));
        assertThat(query.statement()).endsWith(" ORDER BY n.[nom] ASC, n.[jcr:path] ASC");
        assertThat(query.pathOrder()).isEqualTo(Sql2Query.PathOrder.IN_STATEMENT);
    }

    @Test
    void userValuesTravelOnlyAsBindVariables() {
        String hostile = "x' OR 1=1 OR n.[nom] = '";
        DeliveryQuery parsed = parser.parse(communes, new java.util.LinkedHashMap<>(Map.of("nom", List.of(hostile),
                "code[in]", List.of("01001,01002"), "q", List.of("l'abergement 100%"))));
        // q's words go to the full-text index; the statement gets the identifiers it found, bound too
        Sql2Query query = builder.build(communes, parsed, List.of("0f1e2d3c-aaaa-bbbb-cccc-000000000001"));
        assertThat(query.statement()).doesNotContain(hostile).doesNotContain("01001").doesNotContain("abergement")
                .doesNotContain("0f1e2d3c");
        assertThat(query.statement()).contains("n.[nom] = $v").contains("n.[code] = $v").contains("n.[jcr:uuid] = $v");
        assertThat(query.bindings()).containsValue(hostile).containsValue("01001").containsValue("01002")
                .containsValue("0f1e2d3c-aaaa-bbbb-cccc-000000000001");
    }

    @Test
    void operatorsOrderAndAncestorBecomeSql2() {
        Sql2Query query = build(new java.util.LinkedHashMap<>(Map.of(
                "population[range]", List.of("1~9"),
                "code[not-in]", List.of("a,b"),
                "@name", List.of("01001"),
                "@ancestor", List.of("/communes/01"),
                "orderBy", List.of("population desc,@name"))));
        assertThat(query.statement())
                .contains("(n.[population] >= $v", "AND n.[population] <= $v")
                .contains("(n.[code] <> $v", " AND n.[code] <> $v")
                .contains("NAME(n) = $v")
                .contains("ISDESCENDANTNODE(n, '/collectivites/communes/01')")
                .endsWith("ORDER BY n.[population] DESC, NAME(n) ASC, n.[jcr:path] ASC");
        assertThat(query.bindings()).containsValues(1L, 9L);
    }
}
