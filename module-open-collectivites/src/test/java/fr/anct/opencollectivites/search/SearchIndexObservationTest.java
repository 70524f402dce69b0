package fr.anct.opencollectivites.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.TestReferentiel;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.repository.SessionWork;

@Tag("repository")
class SearchIndexObservationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private OakRepository repository;
    private SearchIndex index;
    private SearchService search;

    @BeforeEach
    void start() {
        repository = SearchTestData.repositoryWithReferentiel();
        index = new SearchIndex(repository, SearchTestData.TYPES, null, Duration.ofMillis(50)).start();
        search = new SearchService(index);
    }

    @AfterEach
    void stop() {
        index.close();
        repository.close();
    }

    @Test
    void addedRenamedAndRemovedCommunesShowInSearch() {
        save(session -> {
            TestReferentiel.commune(session, "01002", "COM", "L'Abergement-de-Varey", "01", 260);
            return null;
        });
        awaitCodes("abergement de varey", codes -> codes.contains("01002"));

        save(session -> {
            TestReferentiel.upsert(session, TestReferentiel.communePath("01002", "COM"), "commune",
                    Map.of("nom", "Varey-la-Nouvelle"));
            return null;
        });
        awaitCodes("varey la nouvelle", codes -> codes.contains("01002"));
        assertThat(codes("abergement de varey")).doesNotContain("01002");

        save(session -> {
            session.getNode(TestReferentiel.communePath("01002", "COM")).remove();
            return null;
        });
        awaitCodes("varey", List::isEmpty);
    }

    @Test
    void aWholeNewFolderIsIndexedAndItsRemovalUnindexesIt() {
        save(session -> {
            TestReferentiel.commune(session, "97101", "COM", "Les Abymes", "971", 53_000);
            TestReferentiel.commune(session, "97102", "COM", "Anse-Bertrand", "971", 4_000);
            return null;
        });
        awaitCodes("abymes", codes -> codes.contains("97101"));
        awaitCodes("anse bertrand", codes -> codes.contains("97102"));

        save(session -> {
            session.getNode("/collectivites/communes/971").remove();
            return null;
        });
        awaitCodes("abymes", List::isEmpty);
        assertThat(codes("anse bertrand")).isEmpty();
    }

    @Test
    void draftsAreNeverIndexed() {
        save(session -> {
            TestReferentiel.upsert(session, "/oc:authoring/collectivites/communes/01/01003", "commune",
                    Map.of("code", "01003", "typecom", "COM", "nom", "Brouillon-sur-Ain"));
            TestReferentiel.commune(session, "01004", "COM", "Ambérieu-en-Bugey", "01", 14_000);
            return null;
        });
        awaitCodes("amberieu", codes -> codes.contains("01004"));
        assertThat(codes("brouillon")).isEmpty();
    }

    @Test
    void rebuildReindexesEverythingAndAnIndexOnDiskReopens(@TempDir Path dir) {
        int size = index.size();
        assertThat(index.rebuild()).isEqualTo(size);
        Path indexDir = dir.resolve("search");
        try (SearchIndex onDisk = new SearchIndex(repository, SearchTestData.TYPES, indexDir, Duration.ofMillis(50))) {
            onDisk.start();
            assertThat(onDisk.size()).isEqualTo(size);
        }
        try (SearchIndex reopened = new SearchIndex(repository, SearchTestData.TYPES, indexDir, Duration.ofMillis(50))) {
            assertThat(reopened.size()).as("the previous content is served until the rebuild").isEqualTo(size);
            reopened.start();
            assertThat(new SearchService(reopened).search("paris", Set.of(), 1).results().get(0).code())
                    .isEqualTo("75056");
        }
    }

    private void save(SessionWork<Void> work) {
        repository.withSystemSession(session -> {
            work.run(session);
            session.save();
            return null;
        });
    }

    private List<String> codes(String query) {
        return search.search(query, Set.of(), 10).results().stream().map(SearchHit::code).toList();
    }

    private void awaitCodes(String query, Predicate<List<String>> expected) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            List<String> codes = codes(query);
            assertThat(expected.test(codes)).as("search for '%s' within %s gave %s", query, TIMEOUT, codes).isTrue();
        });
    }
}
