package fr.anct.opencollectivites.exports;

import static fr.anct.opencollectivites.imports.ImportTestSupport.cells;
import static fr.anct.opencollectivites.imports.ImportTestSupport.epcicomHeader;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.anct.opencollectivites.TestHttpServer;
import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * The whole-country files over real HTTP, on the small référentiel: every commune of every TYPECOM,
 * the former ones on request, those in no EPCI, every EPCI with its members.
 */
@Tag("http")
class CountryExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static OakRepository repository;
    private static TestHttpServer server;

    @BeforeAll
    static void start() throws IOException {
        repository = ImportTestSupport.bootstrapped(OakRepository.inMemory());
        ImportService imports = ImportTestSupport.service(repository);
        assertThat(imports.importPath(ImportTestSupport.resource("cog"), ProgressListener.NONE).failed()).isFalse();
        // 2027: L'Abergement-Clémenciat (01001) leaves the COG: a former commune
        List<String> communes = new ArrayList<>(Files.readAllLines(ImportTestSupport.resource("cog/communes.csv")));
        communes.removeIf(line -> line.startsWith("COM,01001,"));
        Path next = Files.writeString(dir.resolve("v_commune_2027.csv"), String.join("\r\n", communes) + "\r\n",
                StandardCharsets.UTF_8);
        assertThat(imports.importPath(next, ProgressListener.NONE).failed()).isFalse();
        Path epcicom = ImportTestSupport.xlsx(dir.resolve("epcicom.xlsx"), "Epcicom2025", List.of(epcicomHeader(2025),
                cells("01", 200040350, "CC Bugey Sud", "CC", "FPU", 2, 1200, 1150, "01", "01015", 210100152, "Arboys", 600, 580),
                cells("01", 200040350, "CC Bugey Sud", "CC", "FPU", 2, 1200, 1150, "01", "01138", 210101384, "Culoz", 600, 570),
                cells("75", 200054781, "Métropole du Grand Paris", "METRO", "FPU", 1, 2e6, 2e6, "75", "75056", 217500016, "Paris", 2e6, 2e6)));
        assertThat(imports.importPath(epcicom, ProgressListener.NONE).failed()).isFalse();
        server = new TestHttpServer(new CountryExportResource(repository, TestLightModule.contentTypes(),
                TestLightModule.messages()), new ExportResource(null, null, TestLightModule.messages()));
    }

    @AfterAll
    static void stop() {
        server.close();
        repository.close();
    }

    private static List<CSVRecord> csv(String path) throws IOException {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String body = response.body().startsWith("\uFEFF") ? response.body().substring(1) : response.body();
        return CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(body)).getRecords();
    }

    @Test
    void everyCommuneOfEveryTypeWithItsTypeAndTheFormerOnesOnRequest() throws IOException {
        List<CSVRecord> all = csv("/.rest/open-collectivites/v1/exports/communes.csv");
        assertThat(all).hasSize(16);
        assertThat(all).extracting(r -> r.get("typecom")).contains("COM", "ARM", "COMD", "COMA");
        assertThat(all).extracting(r -> r.get("statut")).containsOnly("actuelle");
        assertThat(all).extracting(r -> r.get("code")).doesNotContain("01001").isSorted();

        List<CSVRecord> withFormer = csv("/.rest/open-collectivites/v1/exports/communes.csv?anciennes=oui");
        assertThat(withFormer).hasSize(17);
        CSVRecord former = withFormer.stream().filter(r -> r.get("code").equals("01001")).findFirst().orElseThrow();
        assertThat(former.get("statut")).isEqualTo("ancienne");
        assertThat(former.get("nom")).isEqualTo("L'Abergement-Clémenciat");

        assertThat(csv("/.rest/open-collectivites/v1/exports/communes.csv?typecom=ARM")).extracting(r -> r.get("code"))
                .containsExactly("75101", "75120");
        assertThat(server.get("/.rest/open-collectivites/v1/exports/communes.csv?typecom=XYZ").statusCode()).isEqualTo(400);

        JsonNode json = JSON.readTree(server.get("/.rest/open-collectivites/v1/exports/communes.json").body());
        assertThat(json).hasSize(16);
        assertThat(json.get(0).get("code").asText()).isEqualTo("01015");
    }

    @Test
    void theCommunesInNoEpciAndEveryEpciWithItsMembers() throws IOException {
        assertThat(csv("/.rest/open-collectivites/v1/exports/communes.csv?sansEpci=oui")).extracting(r -> r.get("code"))
                .containsExactly("17457", "28274", "2A004", "59545", "97101", "97611");
        List<CSVRecord> epci = csv("/.rest/open-collectivites/v1/exports/epci.csv");
        assertThat(epci).extracting(r -> r.get("siren")).containsExactly("200040350", "200054781");
        assertThat(epci.get(0).get("membres")).isEqualTo("01015 01138");
        JsonNode json = JSON.readTree(server.get("/.rest/open-collectivites/v1/exports/epci.json").body());
        assertThat(json.get(0).get("membres")).hasSize(2);
        assertThat(server.get("/.rest/open-collectivites/v1/exports/epci.xml").statusCode()).isEqualTo(400);
    }
}
