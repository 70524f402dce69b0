package fr.anct.opencollectivites.finances;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.anct.opencollectivites.TestHttpServer;
import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.delivery.DeliveryEndpoints;
import fr.anct.opencollectivites.delivery.DeliveryResource;
import fr.anct.opencollectivites.delivery.DeliveryService;
import fr.anct.opencollectivites.repository.SessionProvider;
import fr.anct.opencollectivites.imports.ImportReport;
import fr.anct.opencollectivites.imports.ImportRun;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.repository.OakRepository;

/** The four OFGL bases, from small fixtures written after the real headers (src/test/resources/imports/ofgl). */
@Tag("repository")
@Tag("http")
class OfglImportTest {
    @TempDir
    Path dir;
    private OakRepository repository;
    private ImportService imports;

    @BeforeEach
    void repository() {
        repository = ImportTestSupport.bootstrapped(OakRepository.inMemory());
        imports = ImportTestSupport.service(repository);
    }

    @AfterEach
    void close() {
        repository.close();
    }

    /** The external sort's temporary directories: none may outlive an import. */
    static List<Path> sortDirectories() {
        try (var found = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return found.filter(p -> p.getFileName().toString().startsWith("ofgl-sort-")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Optional<FinanceSeries> read(FinanceLevel level, String code) {
        return repository.withAnonymousSession(session -> new FinancesReader().read(session, level, code));
    }

    @Test
    void theFourBasesAreRecognisedAndImportedPerCollectiviteExerciceAndAgregat() throws IOException {
        ImportRun run = imports.importPath(ImportTestSupport.resource("ofgl"), ProgressListener.NONE);

        assertThat(run.failed()).as(run.reports().toString()).isFalse();
        assertThat(run.unrecognised()).isEmpty();
        assertThat(run.reports()).extracting(r -> r.file().getFileName() + "=" + r.importer()).containsExactlyInAnyOrder(
                "communes.csv=ofgl-communes", "epci.csv=ofgl-epci", "departements.csv=ofgl-departements",
                "regions.csv=ofgl-regions");
        assertMatchesFile(FinanceLevel.COMMUNE, "communes.csv", "Code Insee \\d{4} Commune");
        assertMatchesFile(FinanceLevel.EPCI, "epci.csv", "Code Siren \\d{4} EPCI");
        assertMatchesFile(FinanceLevel.DEPARTEMENT, "departements.csv", "Code Insee \\d{4} Département");
        assertMatchesFile(FinanceLevel.REGION, "regions.csv", "Code Insee \\d{4} Région");
        assertThat(read(FinanceLevel.COMMUNE, "31135")).isEmpty();
        assertThat(read(FinanceLevel.REGION, "2A004")).isEmpty();
        assertThat(read(FinanceLevel.COMMUNE, "../../regions/76")).isEmpty();
    }

    /** Every collectivité of the file has exactly the file's exercice/agrégat pairs, with its figures. */
    private void assertMatchesFile(FinanceLevel level, String file, String codeHeader) throws IOException {
        Map<String, Map<String, OfglExpectations.Expected>> expected =
                OfglExpectations.read(ImportTestSupport.resource("ofgl/" + file), codeHeader);
        assertThat(expected).isNotEmpty();
        for (Map.Entry<String, Map<String, OfglExpectations.Expected>> collectivite : expected.entrySet()) {
            FinanceSeries series = read(level, collectivite.getKey()).orElseThrow(
                    () -> new AssertionError(level + " " + collectivite.getKey() + " not imported"));
            assertThat(series.source()).isEqualTo("OFGL – comptes consolidés (" + level.dataset() + ")");
            assertThat(series.vintage()).isEqualTo("2024");
            Map<String, FinanceValue> values = OfglExpectations.byKey(series);
            assertThat(values.keySet()).containsExactlyElementsOf(collectivite.getValue().keySet());
            collectivite.getValue().forEach((key, want) -> {
                FinanceValue got = values.get(key);
                assertThat(got.montant()).as(key).isEqualByComparingTo(want.montant());
                assertThat(got.population()).as(key).isEqualTo(want.population());
                if (want.lines() == 1) {
                    assertThat(got.euroParHabitant()).as(key).isEqualTo(
                            want.euroParHabitant().isEmpty() ? null : new BigDecimal(want.euroParHabitant()));
                } else {
                    assertThat(got.euroParHabitant()).as(key).isEqualByComparingTo(
                            want.montant().divide(BigDecimal.valueOf(want.population()), MathContext.DECIMAL64));
                }
            });
        }
    }

    @Test
    void predecessorsOfAMergedEpciAreSummedOnTodaysPerimeter() {
        imports.importPath(ImportTestSupport.resource("ofgl/epci.csv"), ProgressListener.NONE);

        FinanceValue v2016 = read(FinanceLevel.EPCI, "200068807").orElseThrow().values().get(0);
        assertThat(v2016.exercice()).isEqualTo(2016);
        assertThat(v2016.montant()).isEqualByComparingTo("3065410.80");   // 2203347.52 + 862063.28
        assertThat(v2016.population()).isEqualTo(30469L);                 // 20838 + 9631
        assertThat(v2016.euroParHabitant()).isEqualByComparingTo(
                new BigDecimal("3065410.80").divide(new BigDecimal(30469), MathContext.DECIMAL64));
    }

    @Test
    void reimportingTheSameFilesWritesNothing() {
        imports.importPath(ImportTestSupport.resource("ofgl"), ProgressListener.NONE);
        Map<String, String> before = ImportTestSupport.dump(repository, "/collectivites/finances");

        ImportRun again = imports.importPath(ImportTestSupport.resource("ofgl"), ProgressListener.NONE);

        assertThat(again.failed()).isFalse();
        assertThat(again.reports()).allSatisfy(r -> {
            assertThat(r.saved()).isFalse();
            assertThat(r.created() + r.updated()).isZero();
            assertThat(r.unchanged()).isPositive();
        });
        assertThat(ImportTestSupport.dump(repository, "/collectivites/finances")).isEqualTo(before);
    }

    @Test
    void aHeaderRenamedForAnotherYearStillImports() throws IOException {
        Path file = dir.resolve("ofgl-communes-2025.csv");
        List<String> lines = Files.readAllLines(ImportTestSupport.resource("ofgl/communes.csv"), StandardCharsets.UTF_8);
        lines.set(0, lines.get(0).replace("2024", "2025"));
        Files.write(file, lines, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).contains("Code Insee 2025 Commune").doesNotContain("2024");

        ImportRun run = imports.importPath(file, ProgressListener.NONE);

        assertThat(run.reports()).singleElement().satisfies(r -> {
            assertThat(r.importer()).isEqualTo("ofgl-communes");
            assertThat(r.failed()).as(r.rejections().toString()).isFalse();
        });
        assertThat(read(FinanceLevel.COMMUNE, "2A004").orElseThrow().vintage())
                .isEqualTo("2025");
    }

    @Test
    void aFileWithOtherExercicesAddsToTheStoredSeries() throws IOException {
        imports.importPath(ImportTestSupport.resource("ofgl/departements.csv"), ProgressListener.NONE);
        Path later = dir.resolve("departements-2024.csv");
        List<String> lines = Files.readAllLines(ImportTestSupport.resource("ofgl/departements.csv"), StandardCharsets.UTF_8);
        Files.write(later, List.of(lines.get(0), lines.get(1).replaceFirst("^2022", "2024")), StandardCharsets.UTF_8);

        assertThat(imports.importPath(later, ProgressListener.NONE).failed()).isFalse();

        FinanceSeries series = read(FinanceLevel.DEPARTEMENT, "31").orElseThrow();
        assertThat(series.values()).extracting(FinanceValue::exercice).containsExactly(2022, 2022, 2023, 2023, 2024);
        assertThat(series.vintage()).isEqualTo("2024");
        assertThat(series.values()).extracting(FinanceValue::exercice).contains(2022, 2024);
    }

    /** Runs of 3 lines and a save every 4 values: many sorted runs merged (and compacted), many batches. */
    @Test
    void smallSortRunsAndBatchesGiveTheSameSeries(@TempDir Path other) throws IOException {
        Path generated = OfglGenerator.write(dir.resolve("generated.csv"), 40, 3, 5);   // 600 rows
        imports.importPath(generated, ProgressListener.NONE);
        Map<String, String> oneRun = ImportTestSupport.dump(repository, "/collectivites/finances");

        try (OakRepository second = ImportTestSupport.bootstrapped(OakRepository.inMemory())) {
            ImportService tuned = new ImportService(second, TestLightModule.contentTypes(), TestLightModule.messages(),
                    List.of(OfglImporter.communes().withBatches(3, 4)));
            ImportReport report = tuned.importPath(generated, ProgressListener.NONE).reports().get(0);
            assertThat(report.failed()).as(report.rejections().toString()).isFalse();
            assertThat(report.created()).isEqualTo(40);
            assertThat(sortDirectories()).as("temporary sort files left").isEmpty();
            assertThat(withoutDates(ImportTestSupport.dump(second, "/collectivites/finances")))
                    .isEqualTo(withoutDates(oneRun));
        }
        assertThat(OfglExpectations.read(generated, "Code Insee \\d{4} Commune")).hasSize(40);
    }

    private static Map<String, String> withoutDates(Map<String, String> dump) {
        Map<String, String> kept = new java.util.TreeMap<>(dump);
        kept.keySet().removeIf(path -> path.endsWith("mgnl:created") || path.endsWith("mgnl:lastModified")
                || path.endsWith("jcr:uuid"));
        return kept;
    }

    @Test
    void aSeriesIsServedByTheDeliveryEndpoint() throws IOException, InterruptedException {
        imports.importPath(ImportTestSupport.resource("ofgl/communes.csv"), ProgressListener.NONE);
        DeliveryEndpoints endpoints = DeliveryEndpoints.load(TestLightModule.dir(), TestLightModule.contentTypes());
        DeliveryResource resource = new DeliveryResource(new DeliveryService(endpoints, TestLightModule.contentTypes()),
                SessionProvider.anonymous(repository), TestLightModule.messages());
        try (TestHttpServer server = new TestHttpServer(resource)) {
            HttpResponse<String> response = server.get("/.rest/delivery/finances/communes/2A/2A004");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode node = new ObjectMapper().readTree(response.body());
            assertThat(node.get("code").asText()).isEqualTo("2A004");
            assertThat(node.get("dataset").asText()).isEqualTo("ofgl-base-communes-consolidee");
            assertThat(node.get("exercices")).extracting(JsonNode::asLong).containsExactly(2022L, 2023L);
            JsonNode values = new ObjectMapper().readTree(node.get("valeurs").asText());
            assertThat(values).hasSize(6);
        }
    }
}
