package fr.anct.opencollectivites.finances;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.imports.ImportRun;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.repository.OakRepository;

/** The OFGL samples of the national fixtures (-Dfixtures.dir), public-data/ofgl (see its SOURCES.md). */
@Tag("repository")
@Tag("national")
class OfglFixturesTest {
    private static final String OFGL = "public-data/ofgl/";
    private OakRepository repository;
    private ImportService imports;

    @BeforeEach
    void repository() {
        Assumptions.assumeTrue(TestLightModule.fixturesDir().isPresent(), "national fixtures not given (-Dfixtures.dir)");
        repository = ImportTestSupport.bootstrapped(OakRepository.inMemory());
        imports = ImportTestSupport.service(repository);
    }

    @AfterEach
    void close() {
        if (repository != null) {
            repository.close();
        }
    }

    private FinanceSeries read(FinanceLevel level, String code) {
        return repository.withAnonymousSession(session -> new FinancesReader().read(session, level, code))
                .orElseThrow(() -> new AssertionError(level + " " + code + " not imported"));
    }

    private void importRecognised(Path file, String importer) {
        ImportRun run = imports.importPath(file, ProgressListener.NONE);
        assertThat(run.reports()).as(file.toString()).singleElement().satisfies(r -> {
            assertThat(r.importer()).isEqualTo(importer);
            assertThat(r.failed()).as(r.rejections().toString()).isFalse();
        });
    }

    @Test
    void cazeresShowsItsAgregatsOf2022And2023PerInhabitant() throws IOException {
        Path file = TestLightModule.fixture(OFGL + "ofgl-base-communes-consolidee.test.csv");
        importRecognised(file, "ofgl-communes");

        Map<String, OfglExpectations.Expected> expected =
                OfglExpectations.read(file, "Code Insee \\d{4} Commune").get("31135");
        FinanceSeries cazeres = read(FinanceLevel.COMMUNE, "31135");

        assertThat(cazeres.source()).isEqualTo("OFGL – comptes consolidés (ofgl-base-communes-consolidee)");
        assertThat(cazeres.vintage()).isEqualTo("2024");
        assertThat(cazeres.values()).hasSize(expected.size());
        assertThat(countByExercice(cazeres)).isEqualTo(expected.keySet().stream()
                .collect(Collectors.groupingBy(k -> Integer.parseInt(k.substring(0, 4)), Collectors.counting())))
                .containsOnlyKeys(2022, 2023);
        Map<String, FinanceValue> values = OfglExpectations.byKey(cazeres);
        expected.forEach((key, want) -> {
            FinanceValue got = values.get(key);
            assertThat(got).as(key).isNotNull();
            assertThat(got.montant()).as(key).isEqualByComparingTo(want.montant());
            assertThat(got.euroParHabitant()).as(key).isEqualByComparingTo(new BigDecimal(want.euroParHabitant()));
            assertThat(got.population()).as(key).isEqualTo(want.population());
        });
        assertThat(values.get("2022|Autres recettes de fonctionnement").euroParHabitant())
                .isEqualByComparingTo("90.11027509751591");
    }

    private static Map<Integer, Long> countByExercice(FinanceSeries series) {
        return series.values().stream().collect(Collectors.groupingBy(FinanceValue::exercice, Collectors.counting()));
    }

    @Test
    void theDepartementBaseGivesHauteGaronneEveryAgregatOfTheFile() throws IOException {
        Path file = TestLightModule.fixture(OFGL + "ofgl-base-departement.test.csv");
        importRecognised(file, "ofgl-departements");

        Map<String, Map<String, OfglExpectations.Expected>> expected = OfglExpectations.read(file, "Code Insee \\d{4} Département");
        assertThat(expected).containsOnlyKeys("31");
        FinanceSeries series = read(FinanceLevel.DEPARTEMENT, "31");
        assertThat(OfglExpectations.byKey(series).keySet()).containsExactlyElementsOf(expected.get("31").keySet());
        assertThat(series.values()).allSatisfy(v -> assertThat(v.euroParHabitant()).isNotNull());
    }

    /** The GFP base lists 2016's EPCI under their 2024 successor: one series per 2024 SIREN, predecessors summed. */
    @Test
    void theEpciBaseGivesOneSeriesPerCurrentSiren() throws IOException {
        Path file = TestLightModule.fixture(OFGL + "ofgl-base-epci.test.csv");
        importRecognised(file, "ofgl-epci");

        Map<String, Map<String, OfglExpectations.Expected>> expected = OfglExpectations.read(file, "Code Siren \\d{4} EPCI");
        assertThat(expected.values().stream().mapToInt(Map::size).sum()).isLessThan(24);   // some merged
        expected.forEach((siren, byKey) -> {
            Map<String, FinanceValue> values = OfglExpectations.byKey(read(FinanceLevel.EPCI, siren));
            assertThat(values.keySet()).as(siren).containsExactlyElementsOf(byKey.keySet());
            byKey.forEach((key, want) -> {
                FinanceValue got = values.get(key);
                assertThat(got.montant()).as(siren + " " + key).isEqualByComparingTo(want.montant());
                assertThat(got.population()).as(siren + " " + key).isEqualTo(want.population());
                BigDecimal perInhabitant = want.lines() == 1 ? new BigDecimal(want.euroParHabitant())
                        : want.montant().divide(BigDecimal.valueOf(want.population()), MathContext.DECIMAL64);
                assertThat(got.euroParHabitant()).as(siren + " " + key).isEqualByComparingTo(perInhabitant);
            });
        });
    }
}
