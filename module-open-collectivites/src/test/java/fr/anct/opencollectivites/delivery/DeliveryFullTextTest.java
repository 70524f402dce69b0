package fr.anct.opencollectivites.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.anct.opencollectivites.TestHttpServer;
import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.repository.SessionProvider;
import fr.anct.opencollectivites.module.RepositoryBootstrap;

/**
 * Pen-test finding: {@code GET /.rest/delivery/communes?q=zz} read all 37,000 communes (3.5 s; eight at
 * once slowed everything). {@code q} now goes through {@link DeliveryTextIndex}: a broad or long {@code q}
 * is a 400, never a walk of the repository, and the index follows the repository's changes.
 */
@Tag("http")
class DeliveryFullTextTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContentTypeRegistry TYPES = TestLightModule.contentTypes();
    private static OakRepository repository;
    private static DeliveryTextIndex index;
    private static TestHttpServer server;

    @BeforeAll
    static void start() {
        repository = OakRepository.inMemory();
        new RepositoryBootstrap(TYPES).install(repository);
        repository.withSystemSession(session -> {
            ContentWriter writer = new ContentWriter();
            for (int i = 0; i <= DeliveryTextIndex.MAX_CANDIDATES; i++) {
                String code = String.format("42%03d", i % 1000) + (i / 1000);
                writer.upsert(session, "/collectivites/communes/42/" + code, TYPES.require("commune"), Map.of("code", code,
                        "typecom", "COM", "nom", "Saint-Village-" + i, "departement", "42", "population", (long) i,
                        "millesimeCog", 2026L));
            }
            session.save();
            return null;
        });
        DeliveryEndpoints endpoints = DeliveryEndpoints.load(TestLightModule.dir(), TYPES);
        index = new DeliveryTextIndex(repository, endpoints, TYPES).startAndWait();
        server = new TestHttpServer(new DeliveryResource(new DeliveryService(endpoints, TYPES, index),
                SessionProvider.anonymous(repository), TestLightModule.messages()));
    }

    @AfterAll
    static void stop() {
        server.close();
        index.close();
        repository.close();
    }

    private static JsonNode get(String query, int status) throws IOException {
        HttpResponse<String> response = server.get("/.rest/delivery/communes?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    @Test
    void wordsAreLookedUpNotScanned() throws IOException {
        assertThat(get("q=zz", 200).get("total").asLong()).isZero();
        JsonNode village = get("q=village%201234", 200);
        assertThat(village.get("total").asLong()).isEqualTo(1);
        assertThat(village.get("results").get(0).get("nom").asText()).isEqualTo("Saint-Village-1234");
        assertThat(get("q=SAINT%20vill%20123&limit=20", 200).get("total").asLong()).as("123, 1230…1239").isEqualTo(11);
        assertThat(get("q=%C3%A9tienne", 200).get("total").asLong()).isZero();
    }

    @Test
    void aBroadOrLongQueryIsA400() throws IOException {
        JsonNode broad = get("q=saint", 400);
        assertThat(broad.get("error").get("code").asText()).isEqualTo("invalidQuery");
        assertThat(broad.get("error").get("message").asText()).contains("trop large");
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 520; i++) {
            words.add("mot" + i);
        }
        JsonNode many = get("q=" + String.join("%20", words.subList(0, DeliveryTextIndex.MAX_TERMS + 1)), 400);
        assertThat(many.get("error").get("message").asText()).contains(DeliveryTextIndex.MAX_TERMS + " mots au plus");
        assertThat(get("q=a-b-c-d-e-f-g-h-i-j-k", 400).get("error").get("code").asText()).isEqualTo("invalidQuery");
    }

    @Test
    void theIndexFollowsTheRepository() throws Exception {
        repository.withSystemSession(session -> {
            new ContentWriter().upsert(session, "/collectivites/communes/42/42218", TYPES.require("commune"),
                    Map.of("code", "42218", "typecom", "COM", "nom", "Saint-Étienne", "departement", "42",
                            "population", 170_000L, "millesimeCog", 2026L));
            session.save();
            return null;
        });
        assertThat(waitForTotal("q=etienne", 1)).isTrue();
        repository.withSystemSession(session -> {
            session.getNode("/collectivites/communes/42/42218").setProperty("nom", "Saint-Étienne-en-Forez");
            session.save();
            return null;
        });
        assertThat(waitForTotal("q=forez", 1)).isTrue();
        repository.withSystemSession(session -> {
            session.getNode("/collectivites/communes/42/42218").remove();
            session.save();
            return null;
        });
        assertThat(waitForTotal("q=etienne", 0)).isTrue();
    }

    private static boolean waitForTotal(String query, long total) throws Exception {
        for (int i = 0; i < 50; i++) {
            if (get(query, 200).get("total").asLong() == total) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
