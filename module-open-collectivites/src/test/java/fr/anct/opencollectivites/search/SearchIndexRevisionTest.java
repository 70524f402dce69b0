package fr.anct.opencollectivites.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.TestReferentiel;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * The index on disk knows the référentiel revision it reflects: a start on a current index does not
 * rebuild, one behind an import rebuilds, and a running index that indexes an import is current after it.
 */
@Tag("repository")
class SearchIndexRevisionTest {
    @TempDir
    Path dir;

    private static List<String> codes(SearchIndex index, String query) {
        return new SearchService(index).search(query, SearchType.DEFAULT, 20).results().stream().map(SearchHit::code).toList();
    }

    private static void await(SearchIndex index, String query, String code) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!codes(index, query).contains(code) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(codes(index, query)).contains(code);
    }

    @Test
    void aCurrentIndexStartsWithoutRebuildingAndAnIndexBehindAnImportCatchesUp() throws Exception {
        Path indexDir = dir.resolve("search-index");
        try (OakRepository repository = ImportTestSupport.bootstrapped(OakRepository.embedded(dir.resolve("data")))) {
            ImportService imports = ImportTestSupport.service(repository);
            assertThat(imports.importPath(ImportTestSupport.resource("cog"), ProgressListener.NONE).failed()).isFalse();
            try (SearchIndex index = new SearchIndex(repository, TestLightModule.contentTypes(), indexDir, Duration.ofMillis(50))) {
                assertThat(index.isCurrent()).isFalse();
                assertThat(index.bringUpToDate()).isPositive();
                assertThat(index.isCurrent()).isTrue();
                assertThat(index.bringUpToDate()).isEqualTo(-1);
            }

            // a change that renews no revision is not seen by a start on a current index: it did not rebuild
            repository.withSystemSession(session -> {
                TestReferentiel.commune(session, "01002", "COM", "L'Abergement-de-Varey", "01", 260);
                session.save();
                return null;
            });
            try (SearchIndex index = new SearchIndex(repository, TestLightModule.contentTypes(), indexDir, Duration.ofMillis(50)).start()) {
                assertThat(index.isCurrent()).isTrue();
                Thread.sleep(300);
                assertThat(codes(index, "abergement de varey")).isEmpty();
                assertThat(codes(index, "culoz")).contains("01138");

                // an import while it runs: indexed through observation, and the index is current again
                Path renamed = Files.writeString(dir.resolve("communes.csv"), Files.readString(
                        ImportTestSupport.resource("cog/communes.csv")).replace("Culoz-Béon", "Culoz-Béon-Nouveau"),
                        StandardCharsets.UTF_8);
                assertThat(imports.importPath(renamed, ProgressListener.NONE).failed()).isFalse();
                await(index, "culoz beon nouveau", "01138");
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (!index.isCurrent() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(index.isCurrent()).isTrue();
            }

            // an import while no index listens (the import command): the next start catches up in the background
            Path again = Files.writeString(dir.resolve("communes.csv"), Files.readString(
                    ImportTestSupport.resource("cog/communes.csv")).replace("Culoz-Béon", "Culoz-Béon-Encore"),
                    StandardCharsets.UTF_8);
            assertThat(imports.importPath(again, ProgressListener.NONE).failed()).isFalse();
            try (SearchIndex index = new SearchIndex(repository, TestLightModule.contentTypes(), indexDir, Duration.ofMillis(50)).start()) {
                await(index, "culoz beon encore", "01138");
                // that complete file no longer lists 01002: retired, and gone from search
                assertThat(codes(index, "abergement de varey")).isEmpty();
                assertThat(index.isCurrent()).isTrue();
            }
        }
    }
}
