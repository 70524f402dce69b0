package fr.anct.opencollectivites.mairies;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.anct.opencollectivites.TestHttpServer;
import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.delivery.DeliveryEndpoints;
import fr.anct.opencollectivites.delivery.DeliveryResource;
import fr.anct.opencollectivites.delivery.DeliveryService;
import fr.anct.opencollectivites.repository.SessionProvider;
import fr.anct.opencollectivites.elus.RneImporter;
import fr.anct.opencollectivites.imports.ImportRun;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.imports.Importer;
import fr.anct.opencollectivites.repository.OakRepository;

/** The mairies and élus endpoints declared in the light module, over real HTTP, read anonymously. */
@Tag("repository")
@Tag("http")
class MairiesElusDeliveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static OakRepository repository;
    private static TestHttpServer server;

    @BeforeAll
    static void start() {
        ContentTypeRegistry types = TestLightModule.contentTypes();
        repository = ImportTestSupport.bootstrapped(OakRepository.inMemory());
        List<Importer> importers = new java.util.ArrayList<>(MairiesImporter.all());
        importers.addAll(RneImporter.all());
        ImportService imports = new ImportService(repository, types, TestLightModule.messages(), importers);
        for (String file : List.of("annuaire/mairies-records.json", "rne/elus-maires-2026-09-16.csv",
                "rne/elus-epci-2026-09-16.csv")) {
            ImportRun run = imports.importPath(ImportTestSupport.resource(file), ProgressListener.NONE);
            assertThat(run.failed()).as(run.summary(TestLightModule.messages())).isFalse();
        }
        DeliveryService delivery = new DeliveryService(DeliveryEndpoints.load(TestLightModule.dir(), types), types);
        server = new TestHttpServer(new DeliveryResource(delivery, SessionProvider.anonymous(repository),
                TestLightModule.messages()));
    }

    @AfterAll
    static void stop() {
        server.close();
        repository.close();
    }

    private static JsonNode ok(String pathAndQuery) throws Exception {
        HttpResponse<String> response = server.get(pathAndQuery);
        assertThat(response.statusCode()).as(pathAndQuery + " → " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void mairiesOfACommuneWithTheirOpeningHoursNested() throws Exception {
        JsonNode answer = ok("/.rest/delivery/mairies?codesInsee=42218&orderBy=deleguee%20asc");
        assertThat(answer.get("total").asInt()).isEqualTo(2);
        JsonNode principal = answer.get("results").get(0);
        assertThat(principal.get("nom").asText()).isEqualTo("Mairie - Saint-Étienne");
        assertThat(principal.get("deleguee").isBoolean()).isTrue();
        assertThat(principal.get("codesInsee")).extracting(JsonNode::asText).containsExactly("42218");

        JsonNode one = ok("/.rest/delivery/mairies/42/a1111111-0000-4000-8000-000000000001");
        JsonNode monday = one.get("horaires").get("0");
        assertThat(monday.get("jourDebut").asText()).isEqualTo("lundi");
        assertThat(monday.get("jourFin").asText()).isEqualTo("vendredi");
        assertThat(monday.get("plages")).extracting(JsonNode::asText).containsExactly("08:30-12:00", "13:30-17:00");
        assertThat(one.get("horaires").get("2").get("commentaire").asText()).isEqualTo("Fermé");
        assertThat(one.get("siteInternet").asText()).isEqualTo("https://www.saint-etienne.fr");
    }

    @Test
    void maireAndPresidentAtTheirPaths() throws Exception {
        JsonNode maire = ok("/.rest/delivery/elus/maires/42/42218");
        assertThat(maire.get("nom").asText()).isEqualTo("NOMDEXEMPLE");
        assertThat(maire.get("mandat").asText()).isEqualTo("maire");
        assertThat(maire.has("dateDeNaissance")).isFalse();
        JsonNode presidents = ok("/.rest/delivery/elus?mandat=president&code=244200770");
        assertThat(presidents.get("total").asInt()).isEqualTo(1);
        assertThat(presidents.get("results").get(0).get("prenom").asText()).isEqualTo("Sacha");
    }
}
