package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import javax.jcr.Node;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** The real platform (Jetty, Jersey, embedded Oak, demo data) on a free port, spoken to over HTTP. */
@Tag("http")
class PlatformHttpTest {
    @TempDir
    static Path dataDir;
    static Platform platform;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        PlatformConfig config = PlatformConfig.load(Optional.empty(), Map.of(
                "OC_SERVER_HOST", "127.0.0.1", "OC_SERVER_PORT", "0", "OC_DATA_DIR", dataDir.toString()));
        platform = Platform.start(config);
        http = new Http(platform.port());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void healthSaysTheRepositoryIsUp() {
        JsonNode health = http.json("/health");
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("repository").asText()).isEqualTo("UP");
    }

    @Test
    void demoDataIsServedByTheDeliveryApi() {
        JsonNode saintEtienne = http.json("/.rest/delivery/communes/42/42218");
        assertThat(saintEtienne.path("nom").asText()).isEqualTo("Saint-Étienne");
        assertThat(saintEtienne.path("@nodeType").asText()).isEqualTo("oc:commune");
        assertThat(saintEtienne.path("population").isNumber()).isTrue();
        assertThat(saintEtienne.path("epci").asText()).isEqualTo("244200770");
    }

    @Test
    void demoFicheOfSaintEtienneHasEverySection() {
        JsonNode fiche = http.json("/.rest/open-collectivites/v1/fiches/commune/42218");
        assertThat(fiche.path("identite").path("statuts").get(0).path("libelle").asText()).isEqualTo("Préfecture");
        assertThat(fiche.path("hierarchie").path("epci").path("nom").asText()).isEqualTo("Saint-Étienne Métropole");
        assertThat(fiche.path("population").path("municipale").isNumber()).isTrue();
        assertThat(fiche.path("finances").path("exercices").size()).isEqualTo(5);
        assertThat(fiche.path("mairies").get(0).path("horaires").size()).isPositive();
        assertThat(fiche.path("elus").path("maire").path("nom").asText()).isNotBlank();
        JsonNode epci = http.json("/.rest/open-collectivites/v1/fiches/epci/244200770");
        assertThat(epci.path("elus").path("president").path("fonction").asText()).startsWith("Président");
        assertThat(epci.path("finances").path("agregats").size()).isEqualTo(6);
    }

    @Test
    void contentSavedAfterEarlierRequestsIsServedAtOnce() {
        String path = "/.rest/delivery/regions/94";
        for (int i = 0; i < 20; i++) {
            assertThat(http.get(path).statusCode()).isEqualTo(404);
        }
        platform.repository().withSystemSession(session -> {
            Node region = session.getNode("/collectivites/regions").addNode("94", "oc:region");
            region.setProperty("code", "94");
            region.setProperty("nom", "Corse");
            session.save();
            return null;
        });
        for (int i = 0; i < 20; i++) {
            assertThat(http.json(path).path("nom").asText()).isEqualTo("Corse");
        }
    }

    @Test
    void parisPopulationIsTheSumOfItsArrondissements() {
        JsonNode paris = http.json("/.rest/delivery/communes/75/75056");
        JsonNode arrondissements = http.json("/.rest/delivery/communes?communeParente=75056&typecom=ARM&limit=50");
        assertThat(arrondissements.path("total").asInt()).isEqualTo(20);
        long sum = 0;
        for (JsonNode arm : arrondissements.path("results")) {
            sum += arm.path("population").asLong();
        }
        assertThat(paris.path("population").asLong()).isEqualTo(sum).isPositive();
    }

    @Test
    void searchFindsSaintEtienneFromAnAbbreviation() {
        JsonNode result = http.json("/.rest/open-collectivites/v1/search?q=st%20etienne");
        assertThat(result.path("results").get(0).path("code").asText()).isEqualTo("42218");
    }

    /** The demo platform promises postal codes in its search hint: they find their communes there too. */
    @Test
    void demoPostalCodesFindTheirCommunes() {
        assertThat(http.json("/.rest/open-collectivites/v1/search?q=42000").path("results").get(0).path("code").asText())
                .isEqualTo("42218");
        assertThat(http.json("/.rest/open-collectivites/v1/search?q=75015").path("results").get(0).path("code").asText())
                .isEqualTo("75115");
    }

    @Test
    void aFormerCodeRedirectsPermanentlyToTodaysCommuneAndIsFoundBySearch() {
        HttpResponse<String> former = http.get("/.rest/open-collectivites/v1/communes/42190");
        assertThat(former.statusCode()).isEqualTo(301);
        assertThat(former.headers().firstValue("Location").orElseThrow()).endsWith("/.rest/open-collectivites/v1/communes/42218");
        JsonNode current = http.json("/.rest/open-collectivites/v1/communes/42218");
        assertThat(current.path("apiPath").asText()).isEqualTo("/.rest/delivery/communes/42/42218");
        assertThat(http.json(current.path("apiPath").asText()).path("nom").asText()).isEqualTo("Saint-Étienne");
        assertThat(http.get("/.rest/open-collectivites/v1/communes/99999").statusCode()).isEqualTo(404);
        assertThat(http.json("/.rest/open-collectivites/v1/search?q=terrenoire").path("results").get(0).path("code").asText())
                .isEqualTo("42218");
    }

    @Test
    void unknownAddressAnswersAJsonErrorInFrench() {
        HttpResponse<String> response = http.get("/nulle-part");
        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode error = Http.parse(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("notFound");
        assertThat(error.path("message").asText()).contains("adresse");
    }
}
