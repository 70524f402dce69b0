package fr.anct.opencollectivites.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.anct.opencollectivites.TestHttpServer;
import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.repository.OakRepository;

@Tag("repository")
@Tag("http")
class SearchResourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/.rest/open-collectivites/v1/search";
    private static final Messages MESSAGES = TestLightModule.messages();
    private static OakRepository repository;
    private static SearchIndex index;
    private static TestHttpServer server;

    @BeforeAll
    static void serve() {
        repository = SearchTestData.repositoryWithReferentiel();
        index = new SearchIndex(repository, SearchTestData.TYPES).start();
        server = new TestHttpServer(new SearchResource(new SearchService(index), MESSAGES));
    }

    @AfterAll
    static void stop() {
        server.close();
        index.close();
        repository.close();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void answersGroupsByTypeAndAFlatRankedListCacheable() throws Exception {
        HttpResponse<String> response = server.get(PATH + "?q=saint%20etienne");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
        JsonNode body = json(response);
        assertThat(body.get("query").asText()).isEqualTo("saint etienne");
        assertThat(body.get("total").asLong()).isEqualTo(5);
        assertThat(fieldNames(body.get("groups"))).containsExactly("commune", "epci", "departement", "region");
        JsonNode first = body.get("groups").get("commune").get(0);
        assertThat(first.get("code").asText()).isEqualTo("42218");
        assertThat(first.get("nom").asText()).isEqualTo("Saint-Étienne");
        assertThat(first.get("type").asText()).isEqualTo("commune");
        assertThat(first.get("typecom").asText()).isEqualTo("COM");
        assertThat(first.get("departement").asText()).isEqualTo("42");
        assertThat(first.get("departementNom").asText()).isEqualTo("Loire");
        assertThat(first.get("population").asLong()).isEqualTo(171_000);
        assertThat(first.get("apiPath").asText()).isEqualTo("/.rest/delivery/communes/42/42218");
        assertThat(first.get("pagePath").asText()).isEqualTo("/communes/42218-saint-etienne");
        assertThat(body.get("groups").get("epci").get(0).get("code").asText()).isEqualTo("244200770");
        assertThat(body.get("groups").get("epci").get(0).has("typecom")).isFalse();
        assertThat(body.get("results").get(0).get("code").asText()).isEqualTo("42218");
        assertThat(body.get("results")).hasSize(5);
    }

    @Test
    void limitBoundsEachGroupAndTheFlatList() throws Exception {
        JsonNode body = json(server.get(PATH + "?q=moutiers&limit=3"));
        assertThat(body.get("groups").get("commune")).hasSize(3);
        assertThat(body.get("results")).hasSize(3);
        assertThat(body.get("total").asLong()).isEqualTo(12);
        assertThat(json(server.get(PATH + "?q=moutiers")).get("results")).hasSize(10);
        assertThat(json(server.get(PATH + "?q=moutiers&limit=50")).get("results")).hasSize(12);
    }

    @Test
    void typeFiltersTheGroups() throws Exception {
        JsonNode body = json(server.get(PATH + "?q=paris&type=epci"));
        assertThat(body.get("groups").get("epci")).hasSize(1);
        assertThat(body.get("groups").get("commune")).isEmpty();
        assertThat(body.get("results").get(0).get("code").asText()).isEqualTo("200054781");

        JsonNode two = json(server.get(PATH + "?q=paris&type=departement,commune"));
        assertThat(two.get("groups").get("departement")).hasSize(1);
        assertThat(two.get("groups").get("commune").size()).isGreaterThan(1);
        assertThat(two.get("groups").get("epci")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?q=", "?q=%20%20", "?type=commune"})
    void missingQueryIsABadRequest(String query) throws Exception {
        assertInvalid(server.get(PATH + query), MESSAGES.get("search.error.missingQuery"));
    }

    @Test
    void unknownTypeIsABadRequest() throws Exception {
        HttpResponse<String> response = server.get(PATH + "?q=paris&type=canton");
        assertInvalid(response, MESSAGES.get("search.error.unknownType", "canton",
                "commune, epci, departement, region, arrondissement"));
        assertThat(json(response).get("error").get("message").asText()).contains("« canton »");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "abc", "51", "1000000"}) // beyond 50: refused, never a silent cut (pen test)
    void invalidLimitIsABadRequest(String limit) throws Exception {
        assertInvalid(server.get(PATH + "?q=paris&limit=" + limit), MESSAGES.get("search.error.invalidLimit", 50));
    }

    private static void assertInvalid(HttpResponse<String> response, String message) throws Exception {
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("invalidParameter");
        assertThat(error.get("message").asText()).isEqualTo(message).doesNotStartWith("search.");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
