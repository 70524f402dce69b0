package fr.anct.opencollectivites.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.anct.opencollectivites.TestHttpServer;

/** The delivery API over real HTTP on an in-memory repository. */
@Tag("repository")
@Tag("http")
class DeliveryResourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static DeliveryFixture fixture;
    private static TestHttpServer server;

    @BeforeAll
    static void start() {
        fixture = new DeliveryFixture();
        server = new TestHttpServer(fixture.resource());
    }

    @AfterAll
    static void stop() {
        server.close();
        fixture.close();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    private static JsonNode ok(String pathAndQuery) {
        HttpResponse<String> response = server.get(pathAndQuery);
        assertThat(response.statusCode()).as(pathAndQuery + " → " + response.body()).isEqualTo(200);
        return json(response);
    }

    private static List<String> names(JsonNode queryAnswer) {
        List<String> names = new ArrayList<>();
        queryAnswer.get("results").forEach(node -> names.add(node.get("@name").asText()));
        return names;
    }

    private static void assertError(String pathAndQuery, int status, String code, String messagePart) {
        HttpResponse<String> response = server.get(pathAndQuery);
        assertThat(response.statusCode()).as(pathAndQuery + " → " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).contains(messagePart);
    }

    @Test
    void oneNodeHasMagnoliasShapeWithTypedValues() {
        JsonNode commune = ok("/.rest/delivery/communes/01/01004");
        assertThat(commune.get("@name").asText()).isEqualTo("01004");
        assertThat(commune.get("@path").asText()).isEqualTo("/communes/01/01004");
        assertThat(commune.get("@id").asText()).matches("[0-9a-f-]{36}");
        assertThat(commune.get("@nodeType").asText()).isEqualTo("oc:commune");
        assertThat(commune.get("nom").asText()).isEqualTo("Ambérieu-en-Bugey");
        assertThat(commune.get("population").isIntegralNumber()).isTrue();
        assertThat(commune.get("population").asLong()).isEqualTo(14_514L);
        assertThat(commune.get("anciensNoms").isArray()).isTrue();
        assertThat(commune.get("anciensNoms")).extracting(JsonNode::asText).containsExactly("Ambérieu", "Bugey");
        assertThat(commune.get("mgnl:lastModified").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(commune.get("mgnl:created").asText()).isNotEmpty();
        assertThat(commune.has("jcr:primaryType")).isFalse();
        assertThat(commune.get("@nodes").isArray()).isTrue();
        assertThat(commune.get("@nodes")).isEmpty();
    }

    @Test
    void referencesAreResolvedIntoTheTargetNode() {
        JsonNode commune = ok("/.rest/delivery/communes/01/01001");
        JsonNode departement = commune.get("departement");
        assertThat(departement.isObject()).as(commune.toString()).isTrue();
        assertThat(departement.get("@path").asText()).isEqualTo("/departements/01");
        assertThat(departement.get("@nodeType").asText()).isEqualTo("oc:departement");
        assertThat(departement.get("nom").asText()).isEqualTo("Ain");
        // a resolved target is shown flat: its own references stay codes (no cycles, no cascades)
        assertThat(departement.get("region").asText()).isEqualTo("84");
        assertThat(commune.get("region").get("nom").asText()).isEqualTo("Auvergne-Rhône-Alpes");
        assertThat(ok("/.rest/delivery/departements/01").get("region").get("@path").asText()).isEqualTo("/regions/84");
        // a query resolves references in every result
        JsonNode paris = ok("/.rest/delivery/communes?code=75056").get("results").get(0);
        assertThat(paris.get("departement").get("nom").asText()).isEqualTo("Paris");
        assertThat(paris.get("region").get("nom").asText()).isEqualTo("Île-de-France");
    }

    @Test
    void aFolderListsItsChildrenWithNodesSuffix() {
        JsonNode children = ok("/.rest/delivery/communes/01@nodes");
        assertThat(children.isArray()).isTrue();
        List<String> names = new ArrayList<>();
        children.forEach(child -> names.add(child.get("@name").asText()));
        assertThat(names).containsExactly("01001", "01002", "01004", "01005");
        assertThat(children.get(0).get("@path").asText()).isEqualTo("/communes/01/01001");

        JsonNode buckets = ok("/.rest/delivery/communes@nodes");
        List<String> bucketNames = new ArrayList<>();
        buckets.forEach(child -> bucketNames.add(child.get("@name").asText()));
        assertThat(bucketNames).containsExactly("01", "75");
    }

    @Test
    void queryAnswersTotalOffsetLimitAndResultsInPathOrder() {
        JsonNode answer = ok("/.rest/delivery/communes");
        assertThat(answer.get("total").asLong()).isEqualTo(5);
        assertThat(answer.get("offset").asInt()).isZero();
        assertThat(answer.get("limit").asInt()).isEqualTo(20);
        assertThat(names(answer)).containsExactly("01001", "01002", "01004", "01005", "75056");
        assertThat(answer.get("results").get(0).get("@path").asText()).isEqualTo("/communes/01/01001");
        assertThat(names(ok("/.rest/delivery/communes/"))).hasSize(5);
    }

    @Test
    void pagingKeepsTheExactTotal() {
        JsonNode page = ok("/.rest/delivery/communes?offset=1&limit=2");
        assertThat(page.get("total").asLong()).isEqualTo(5);
        assertThat(page.get("offset").asInt()).isEqualTo(1);
        assertThat(page.get("limit").asInt()).isEqualTo(2);
        assertThat(names(page)).containsExactly("01002", "01004");
        assertThat(names(ok("/.rest/delivery/communes?offset=4&limit=2"))).containsExactly("75056");
        assertThat(ok("/.rest/delivery/communes?offset=10").get("results")).isEmpty();
    }

    @Test
    void pageSizeIsCappedByMaxLimit() {
        JsonNode answer = ok("/.rest/delivery/communes?limit=100000");
        assertThat(answer.get("limit").asInt()).isEqualTo(100);
        assertThat(answer.get("total").asLong()).isEqualTo(5);
    }

    @Test
    void orderByWithDirectionsAndTieBreakOnPath() {
        assertThat(names(ok("/.rest/delivery/communes?orderBy=population%20desc")))
                .containsExactly("75056", "01004", "01005", "01001", "01002");
        assertThat(names(ok("/.rest/delivery/communes?orderBy=nom%20asc")))
                .containsExactly("01004", "01005", "01001", "01002", "75056");
        // every commune has the same millésime: the path breaks the tie, both directions
        assertThat(names(ok("/.rest/delivery/communes?orderBy=millesimeCog%20desc")))
                .containsExactly("01001", "01002", "01004", "01005", "75056");
        assertThat(names(ok("/.rest/delivery/communes?orderBy=millesimeCog%20asc,population%20asc")))
                .containsExactly("01002", "01001", "01005", "01004", "75056");
        assertThat(names(ok("/.rest/delivery/communes?orderBy=@path%20desc&limit=2")))
                .containsExactly("75056", "01005");
        assertThat(names(ok("/.rest/delivery/communes?orderBy=@name%20desc")))
                .containsExactly("75056", "01005", "01004", "01002", "01001");
    }

    @Test
    void equalityAndNotEqualFilters() {
        assertThat(names(ok("/.rest/delivery/communes?code=01004"))).containsExactly("01004");
        assertThat(names(ok("/.rest/delivery/communes?code[eq]=01004"))).containsExactly("01004");
        assertThat(names(ok("/.rest/delivery/communes?departement=75"))).containsExactly("75056");
        assertThat(names(ok("/.rest/delivery/communes?departement[ne]=01"))).containsExactly("75056");
    }

    @Test
    void numericComparisonsCompareNumbersNotStrings() {
        // as strings "859" > "14514"; as numbers it is the other way round
        assertThat(names(ok("/.rest/delivery/communes?population[gt]=859"))).containsExactly("01004", "01005", "75056");
        assertThat(names(ok("/.rest/delivery/communes?population[gte]=859"))).containsExactly("01001", "01004", "01005", "75056");
        assertThat(names(ok("/.rest/delivery/communes?population[lt]=1772"))).containsExactly("01001", "01002");
        assertThat(names(ok("/.rest/delivery/communes?population[lte]=1772"))).containsExactly("01001", "01002", "01005");
        assertThat(names(ok("/.rest/delivery/communes?population[range]=800~15000"))).containsExactly("01001", "01004", "01005");
    }

    @Test
    void likeInAndNotInFilters() {
        assertThat(names(ok("/.rest/delivery/communes?nom[like]=Amb%25"))).containsExactly("01004", "01005");
        assertThat(names(ok("/.rest/delivery/communes?code[in]=01001,75056,99999"))).containsExactly("01001", "75056");
        assertThat(names(ok("/.rest/delivery/communes?code[not-in]=01001,75056"))).containsExactly("01002", "01004", "01005");
        assertThat(names(ok("/.rest/delivery/communes?anciensNoms=Bugey"))).containsExactly("01004");
    }

    @Test
    void dateFiltersCompareAsDates() {
        assertThat(ok("/.rest/delivery/communes?mgnl:lastModified[gt]=2000-01-01").get("total").asLong()).isEqualTo(5);
        assertThat(ok("/.rest/delivery/communes?mgnl:lastModified[lt]=2000-01-01T00:00:00Z").get("total").asLong()).isZero();
    }

    @Test
    void ancestorNameAndFullTextFilters() {
        assertThat(names(ok("/.rest/delivery/communes?@ancestor=/communes/75"))).containsExactly("75056");
        assertThat(names(ok("/.rest/delivery/communes?@ancestor=/communes/01&population[gt]=1000")))
                .containsExactly("01004", "01005");
        assertThat(names(ok("/.rest/delivery/communes?@name=01002"))).containsExactly("01002");
        assertThat(names(ok("/.rest/delivery/communes?@name[in]=01002,75056"))).containsExactly("01002", "75056");
        assertThat(names(ok("/.rest/delivery/communes?q=dombes"))).containsExactly("01005");
        assertThat(names(ok("/.rest/delivery/communes?q=AMB%20en"))).containsExactly("01004", "01005");
        assertThat(names(ok("/.rest/delivery/communes?q=bugey"))).containsExactly("01004");
        assertThat(names(ok("/.rest/delivery/communes?q=75056"))).containsExactly("75056");
        assertThat(ok("/.rest/delivery/communes?q=100%25").get("total").asLong()).isZero();
    }

    @Test
    void aDraftNeverAppears() {
        assertError("/.rest/delivery/communes" + DeliveryFixture.DRAFT_COMMUNE.substring("/communes".length()),
                404, "pathNotFound", "01999");
        assertThat(names(ok("/.rest/delivery/communes?limit=100"))).doesNotContain("01999");
        assertThat(ok("/.rest/delivery/communes?code=01999").get("total").asLong()).isZero();
        assertThat(ok("/.rest/delivery/communes?q=Brouillon").get("total").asLong()).isZero();
        assertThat(ok("/.rest/delivery/communes?population[lt]=10").get("total").asLong()).isZero();
        assertThat(ok("/.rest/delivery/communes/01@nodes").toString()).doesNotContain("01999");
        assertError("/.rest/delivery/communes/01/%2E%2E/%2E%2E/%2E%2E/oc:authoring/collectivites/communes/01/01999",
                404, "pathNotFound", "");
        assertError("/.rest/delivery/communes?@ancestor=/../oc:authoring", 400, "invalidQuery", "");
    }

    @Test
    void notModifiedOnIfNoneMatchAndIfModifiedSince() {
        HttpResponse<String> first = server.get("/.rest/delivery/communes/01/01001");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(etag).matches("\"[A-Za-z0-9_-]+\"");
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("public, max-age=60");

        HttpResponse<String> byTag = server.get("/.rest/delivery/communes/01/01001", "If-None-Match", etag);
        assertThat(byTag.statusCode()).isEqualTo(304);
        assertThat(byTag.body()).isEmpty();
        assertThat(byTag.headers().firstValue("ETag")).contains(etag);

        HttpResponse<String> byDate = server.get("/.rest/delivery/communes/01/01001", "If-Modified-Since", lastModified);
        assertThat(byDate.statusCode()).isEqualTo(304);
        assertThat(byDate.body()).isEmpty();

        assertThat(server.get("/.rest/delivery/communes/01/01001", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        assertThat(server.get("/.rest/delivery/communes/01/01001", "If-Modified-Since",
                "Thu, 01 Jan 2015 00:00:00 GMT").statusCode()).isEqualTo(200);

        HttpResponse<String> query = server.get("/.rest/delivery/communes?departement=01");
        assertThat(query.headers().firstValue("Last-Modified")).as("a list revalidates by ETag only").isEmpty();
        assertThat(server.get("/.rest/delivery/communes?departement=01", "If-None-Match",
                query.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(304);
        assertThat(query.headers().firstValue("ETag")).isNotEqualTo(Optional.of(etag));
    }

    @Test
    void errorsUseMagnoliasCodesWithFrenchMessages() {
        assertError("/.rest/delivery/communes/01/00000", 404, "pathNotFound", "/communes/01/00000");
        assertError("/.rest/delivery/inconnu", 404, "notFound", "inconnu");
        assertError("/.rest/delivery/inconnu/01", 404, "notFound", "n'existe pas");
        assertError("/.rest/delivery/communes?superficie=12", 400, "invalidQuery", "superficie");
        assertError("/.rest/delivery/communes?orderBy=superficie", 400, "invalidQuery", "superficie");
        assertError("/.rest/delivery/communes?orderBy=nom%20sideways", 400, "invalidQuery", "Tri invalide");
        assertError("/.rest/delivery/communes?population[between]=1", 400, "invalidQuery", "between");
        assertError("/.rest/delivery/communes?population[gt]=beaucoup", 400, "invalidValueFormat", "beaucoup");
        assertError("/.rest/delivery/communes?population[like]=1%25", 400, "invalidQuery", "population");
        assertError("/.rest/delivery/communes?population[range]=1", 400, "invalidQuery", "min~max");
        assertError("/.rest/delivery/communes?limit=-1", 400, "invalidValueFormat", "limit");
        assertError("/.rest/delivery/communes?offset=abc", 400, "invalidValueFormat", "offset");
        assertError("/.rest/delivery/communes?@ancestor=/departements", 400, "invalidQuery", "/communes");
        assertError("/.rest/delivery/communes?mgnl:lastModified[gt]=hier", 400, "invalidValueFormat", "hier");
    }
}
