package fr.anct.opencollectivites.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.jcr.observation.Event;
import javax.jcr.observation.EventIterator;
import javax.jcr.observation.EventListener;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.repository.ClusterDatabase;
import fr.anct.opencollectivites.repository.OakRepository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * On PostgreSQL a large file is saved in batches of written collectivités
 * ({@link ImportService#DOCUMENT_STORE_BATCH}; {@value #BATCH} here) (one huge commit took minutes and ran a 256 MB heap out of memory); on the embedded
 * store, in one save. Either way every commune is there, and a re-import of the same file writes nothing.
 */
@Tag("postgres")
class ImportBatchesTest {
    private static final int COMMUNES = 250;
    private static final int BATCH = 100;

    @Test
    void onPostgresqlALargeFileArrivesInBatchesAndWhole(@TempDir Path work) throws Exception {
        Path file = communes(work);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             ClusterDatabase database = ClusterDatabase.connect(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", 4);
             OakRepository repository = ImportTestSupport.bootstrapped(OakRepository.cluster(database, 1))) {
            Recorded progress = new Recorded();
            assertThat(saves(repository, file, progress)).as("commits that brought communes").isEqualTo(3);
            assertThat(communeCount(repository)).isEqualTo(COMMUNES);
            assertThat(progress.lastWritten).as("the progress follows the writes").isEqualTo(COMMUNES);
            assertThat(progress.saves).as("and says each save").isEqualTo(3);
            ImportRun again = ImportTestSupport.service(repository).importPath(file, ProgressListener.NONE);
            assertThat(again.reports().get(0).unchanged()).isEqualTo(COMMUNES);
            assertThat(again.reports().get(0).saved()).as("an unchanged file writes nothing").isFalse();
        }
    }

    @Test
    void onTheEmbeddedStoreAFileIsOneSave(@TempDir Path work) throws Exception {
        Path file = communes(work);
        try (OakRepository repository = ImportTestSupport.bootstrapped(OakRepository.embedded(work.resolve("data")))) {
            Recorded progress = new Recorded();
            assertThat(saves(repository, file, progress)).isEqualTo(1);
            assertThat(progress.lastWritten).isEqualTo(COMMUNES);
            assertThat(progress.saves).isEqualTo(1);
            assertThat(communeCount(repository)).isEqualTo(COMMUNES);
        }
    }

    /** Imports the file and counts the commits that added communes (observation: one call per commit). */
    private static int saves(OakRepository repository, Path file, ProgressListener progress) throws Exception {
        List<Integer> commits = new CopyOnWriteArrayList<>();
        javax.jcr.Session listening = repository.loginSystem();
        EventListener listener = (EventIterator events) -> {
            int added = 0;
            while (events.hasNext()) {
                Event event = events.nextEvent();
                try {
                    if (event.getType() == Event.NODE_ADDED && event.getPath().matches("/collectivites/communes/\\d\\d/\\d{5}")) {
                        added++;
                    }
                } catch (javax.jcr.RepositoryException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (added > 0) {
                commits.add(added);
            }
        };
        listening.getWorkspace().getObservationManager().addEventListener(listener, Event.NODE_ADDED,
                "/collectivites/communes", true, null, null, false);
        try {
            ImportRun run = ImportTestSupport.service(repository).withDocumentStoreBatch(BATCH).importPath(file, progress);
            assertThat(run.failed()).as(run.summary(fr.anct.opencollectivites.TestLightModule.messages())).isFalse();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (commits.stream().mapToInt(Integer::intValue).sum() < COMMUNES && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            return commits.size();
        } finally {
            listening.getWorkspace().getObservationManager().removeEventListener(listener);
            listening.logout();
        }
    }

    /** What a progress bar is told while the file is written. */
    private static final class Recorded implements ProgressListener {
        long lastWritten;
        int saves;

        @Override
        public void start(Path file, long totalUnits) {
        }

        @Override
        public void advance(long units) {
        }

        @Override
        public void finish() {
        }

        @Override
        public void written(long nodes) {
            lastWritten = nodes;
        }

        @Override
        public void saving() {
            saves++;
        }
    }

    private static long communeCount(OakRepository repository) {
        return repository.withSystemSession(session -> {
            long count = 0;
            for (var buckets = session.getNode("/collectivites/communes").getNodes(); buckets.hasNext(); ) {
                count += buckets.nextNode().getNodes().getSize();
            }
            return count;
        });
    }

    /** A COG communes file of 250 communes of the Ain, the Aisne and the Allier. */
    private static Path communes(Path work) throws Exception {
        StringBuilder csv = new StringBuilder("TYPECOM,COM,REG,DEP,CTCD,ARR,TNCC,NCC,NCCENR,LIBELLE,CAN,COMPARENT\r\n");
        for (int i = 0; i < COMMUNES; i++) {
            String dep = "0" + (1 + i % 3);
            String code = dep + String.format("%03d", i / 3);
            csv.append("COM,").append(code).append(',').append(dep.equals("02") ? "32" : "84").append(',').append(dep)
                    .append(',').append(dep).append("D,,0,COMMUNE ").append(i).append(",Commune ").append(i)
                    .append(",Commune ").append(i).append(",,\r\n");
        }
        Path file = work.resolve("v_commune_2026.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }
}
