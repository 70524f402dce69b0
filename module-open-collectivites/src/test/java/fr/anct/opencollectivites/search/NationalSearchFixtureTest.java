package fr.anct.opencollectivites.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.repository.RepositoryBootstrap;

/**
 * The acceptance rules on the national COG (every commune of every TYPECOM, former codes and names
 * from the movements file), and the rebuild time and query latency at national size. Runs only with
 * {@code -Dfixtures.dir}. The COG has no population: ties fall to kind and name.
 */
class NationalSearchFixtureTest {
    private static final Logger LOG = LoggerFactory.getLogger(NationalSearchFixtureTest.class);
    private static final List<String> LATENCY_QUERIES = List.of("p", "pa", "paris", "s", "sa", "saint", "st etienne",
            "saint-e", "y", "l", "la", "le", "sur", "les", "moutiers", "13055", "2A004", "1", "13", "ma", "marseille",
            "lyon", "bordeaux", "a", "b", "mont", "villeneuve", "saint-laurent-de-la-barriere", "ste marie", "e");
    private static OakRepository repository;
    private static SearchIndex index;
    private static SearchService search;
    private static int communes;

    @BeforeAll
    static void loadTheCog() throws Exception {
        assumeTrue(TestLightModule.fixturesDir().isPresent(), "national fixtures not given (-Dfixtures.dir)");
        repository = OakRepository.inMemory();
        new RepositoryBootstrap(SearchTestData.TYPES).install(repository);
        long start = System.nanoTime();
        repository.withSystemSession(session -> {
            try {
                load(session);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        LOG.info("COG written to the repository: {} communes in {} ms", communes, (System.nanoTime() - start) / 1_000_000);
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

    private static void load(Session session) throws IOException, RepositoryException {
        for (CSVRecord row : csv("public-data/insee-cog/v_region_2024.csv")) {
            SearchTestData.upsert(session, "/collectivites/regions/" + row.get("REG"), "region",
                    Map.of("code", row.get("REG"), "nom", row.get("LIBELLE")));
        }
        for (CSVRecord row : csv("public-data/insee-cog/v_departement_2024.csv")) {
            SearchTestData.upsert(session, "/collectivites/departements/" + row.get("DEP"), "departement",
                    Map.of("code", row.get("DEP"), "nom", row.get("LIBELLE"), "region", row.get("REG")));
        }
        session.save();
        Map<String, Set<String>> formerCodes = new HashMap<>();
        Map<String, Set<String>> formerNames = new HashMap<>();
        for (CSVRecord row : csv("public-data/insee-cog/v_mvt_commune_2026.csv")) {
            if (row.get("TYPECOM_AP").equals("COM")) {
                String code = row.get("COM_AP");
                if (!row.get("COM_AV").equals(code)) {
                    formerCodes.computeIfAbsent(code, k -> new LinkedHashSet<>()).add(row.get("COM_AV"));
                }
                formerNames.computeIfAbsent(code, k -> new LinkedHashSet<>()).add(row.get("LIBELLE_AV"));
            }
        }
        for (CSVRecord row : csv("public-data/insee-cog/v_commune_2026.csv")) {
            String code = row.get("COM");
            String typecom = row.get("TYPECOM");
            String nom = row.get("LIBELLE");
            Map<String, Object> values = new HashMap<>();
            values.put("code", code);
            values.put("typecom", typecom);
            values.put("nom", nom);
            String departement = row.get("DEP");
            if (!departement.isEmpty()) {
                values.put("departement", departement);
            }
            if (typecom.equals("COM")) {
                List<String> codes = new ArrayList<>(formerCodes.getOrDefault(code, Set.of()));
                List<String> names = formerNames.getOrDefault(code, Set.of()).stream().filter(n -> !n.equals(nom)).toList();
                if (!codes.isEmpty()) {
                    values.put("anciensCodes", codes);
                }
                if (!names.isEmpty()) {
                    values.put("anciensNoms", names);
                }
            }
            SearchTestData.upsert(session, SearchTestData.communePath(code, typecom), "commune", values);
            if (++communes % 2000 == 0) {
                session.save();
            }
        }
        session.save();
    }

    private static Iterable<CSVRecord> csv(String file) throws IOException {
        Path path = TestLightModule.fixture(file);
        Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader).getRecords();
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
        SearchHit paris = search.search("paris", Set.of(), 10).results().get(0);
        assertThat(paris.code()).isEqualTo("75056");
        assertThat(paris.typecom()).isEqualTo("COM");
    }

    @Test
    void queryLatencyAtNationalSize() {
        if (index.size() == 0) {
            index.rebuild();
        }
        for (int i = 0; i < 5_000; i++) {
            search.search(LATENCY_QUERIES.get(i % LATENCY_QUERIES.size()), Set.of(), 10);
        }
        int rounds = 20_000;
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            String query = LATENCY_QUERIES.get(i % LATENCY_QUERIES.size());
            long start = System.nanoTime();
            search.search(query, Set.of(), 10);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double p50 = nanos[rounds / 2] / 1000.0;
        double p99 = nanos[rounds * 99 / 100] / 1000.0;
        LOG.info("Search latency over {} queries on {} documents: p50 {} µs, p99 {} µs, max {} µs",
                rounds, index.size(), p50, p99, nanos[rounds - 1] / 1000.0);
        // Generous against shared CI machines; the measured figure is logged above.
        assertThat(p99).isLessThan(5_000);
    }
}
