package fr.anct.opencollectivites.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.imports.ImportRun;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.module.RepositoryBootstrap;
import fr.anct.opencollectivites.module.Importers;

/**
 * The acceptance rules on the national data as the importers store it (every commune of every
 * TYPECOM, populations, EPCI, former codes and names from the movements file). Runs only with
 * {@code -Dfixtures.dir}. Query latency is measured by the JMH benchmark, not here.
 */
@Tag("repository")
@Tag("national")
class NationalSearchFixtureTest {
    private static final Logger LOG = LoggerFactory.getLogger(NationalSearchFixtureTest.class);
    /** La Poste's postal codes as compiled by the Base Adresse Nationale (SOURCES.md). */
    private static final String POSTAL_CODES = "public-data/laposte/codes-postaux.json";
    private static OakRepository repository;
    private static SearchIndex index;
    private static SearchService search;

    @BeforeAll
    static void importTheNationalData() {
        assumeTrue(TestLightModule.fixturesDir().isPresent(), "national fixtures not given (-Dfixtures.dir)");
        repository = OakRepository.inMemory();
        new RepositoryBootstrap(SearchTestData.TYPES).install(repository);
        ImportService imports = new ImportService(repository, SearchTestData.TYPES, TestLightModule.messages(), Importers.standard());
        for (String file : TestLightModule.NATIONAL_FILES) {
            ImportRun run = imports.importPath(TestLightModule.fixture(file), ProgressListener.NONE);
            assertThat(run.failed()).as(file).isFalse();
        }
        ImportRun postal = imports.importPath(TestLightModule.fixture(POSTAL_CODES), ProgressListener.NONE);
        assertThat(postal.failed()).as(POSTAL_CODES).isFalse();
        index = new SearchIndex(repository, SearchTestData.TYPES);
        search = new SearchService(index);
    }

    @AfterAll
    static void close() {
        if (index != null) {
            index.close();
            repository.close();
        }
    }

    private static List<String> codes(String query) {
        return search.search(query, Set.of(), 10).results().stream().map(SearchHit::code).toList();
    }

    @Test
    void acceptanceRulesOnTheNationalData() {
        long start = System.nanoTime();
        int indexed = index.rebuild();
        long rebuildMillis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("Search index rebuild: {} documents in {} ms", indexed, rebuildMillis);
        assertThat(indexed).isGreaterThan(37_000);

        for (String query : List.of("st etienne", "saint-etienne", "Saint Étienne")) {
            assertThat(codes(query).get(0)).as(query).isEqualTo("42218");
        }
        assertThat(codes("2A004").get(0)).isEqualTo("2A004");
        assertThat(search.search("13055", List.of(SearchType.COMMUNE), 10).results())
                .extracting(SearchHit::code, SearchHit::typecom)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("13055", "COM"));
        assertThat(codes("75056").get(0)).isEqualTo("75056");
        assertThat(codes("17352").get(0)).isEqualTo("17457");
        assertThat(codes("saint-laurent-de-la-barriere").get(0)).isEqualTo("17457");
        assertThat(codes("moutiers")).contains("28274");
        assertThat(codes("y").get(0)).isEqualTo("80829");
        SearchHit metropole = search.search("244200770", Set.of(), 10).results().get(0);
        assertThat(metropole.type()).isEqualTo("epci");
        assertThat(metropole.nom()).isEqualTo("Saint-Étienne Métropole");
        SearchHit paris = search.search("paris", Set.of(), 10).results().get(0);
        assertThat(paris.code()).isEqualTo("75056");
        assertThat(paris.typecom()).isEqualTo("COM");

        // postal codes: the arrondissement first, before a commune sharing the code or an INSEE code
        assertThat(search.search("75015", Set.of(), 10).results()).first()
                .satisfies(hit -> assertThat(hit.nom()).isEqualTo("Paris 15e Arrondissement"));
        assertThat(codes("75015")).contains("92040"); // Issy-les-Moulineaux shares it
        assertThat(codes("42000").get(0)).isEqualTo("42218");
        assertThat(search.search("13001", Set.of(), 10).results()).first()
                .satisfies(hit -> assertThat(hit.nom()).isEqualTo("Marseille 1er Arrondissement"));
        assertThat(codes("13001")).contains("13001"); // Aix-en-Provence by its INSEE code, after
    }
}
