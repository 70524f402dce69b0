package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.jcr.Node;
import javax.jcr.NodeIterator;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.repository.OakRepository;

/**
 * {@code kill -9} in the middle of an import, several times, at different moments: each time the
 * repository opens, reads, and holds either none or all of a file's rows (imports save once per
 * file); re-running the import then completes it.
 */
@Tag("repository")
@Tag("http")
@Tag("process")
class ImportCrashIT {
    private static final int DEPARTEMENTS = 50;
    private static final int COMMUNES_PER_DEPARTEMENT = 800;

    @Test
    void killedImportsLeaveAConsistentRepositoryAndTheNextRunCompletesIt(@TempDir Path work) throws Exception {
        Path input = Files.createDirectories(work.resolve("input"));
        writeSyntheticCog(input);
        Path dataDir = work.resolve("data");

        for (long killAfterMillis : new long[] {3_000, 5_000, 7_000}) {
            AppProcess run = AppProcess.run("import", input.toString(), "--data-dir", dataDir.toString());
            boolean finished = run.process().waitFor(killAfterMillis, TimeUnit.MILLISECONDS);
            if (!finished) {
                run.kill();
                run.process().waitFor(30, TimeUnit.SECONDS);
            }
            if (run.output().contains("regions.csv: ")) {
                assertThat(countRegions(dataDir)).as("régions saved before the kill at %d ms", killAfterMillis).isEqualTo(1);
            }
            long communes = countCommunes(dataDir);
            assertThat(communes).as("communes after a kill at %d ms", killAfterMillis)
                    .isIn(0L, (long) DEPARTEMENTS * COMMUNES_PER_DEPARTEMENT);
        }

        AppProcess complete = AppProcess.run("import", input.toString(), "--data-dir", dataDir.toString());
        assertThat(complete.process().waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(complete.process().exitValue()).as(complete.output()).isZero();
        assertThat(countCommunes(dataDir)).isEqualTo((long) DEPARTEMENTS * COMMUNES_PER_DEPARTEMENT);
    }

    private static long countRegions(Path dataDir) {
        try (OakRepository repository = OakRepository.embedded(dataDir)) {
            return repository.withSystemSession(session -> session.nodeExists("/collectivites/regions/84") ? 1L : 0L);
        }
    }

    private static long countCommunes(Path dataDir) {
        if (!Files.exists(dataDir.resolve("repository"))) {
            return 0;
        }
        try (OakRepository repository = OakRepository.embedded(dataDir)) {
            return repository.withSystemSession(session -> {
                if (!session.nodeExists("/collectivites/communes")) {
                    return 0L;
                }
                long count = 0;
                for (NodeIterator buckets = session.getNode("/collectivites/communes").getNodes(); buckets.hasNext(); ) {
                    Node bucket = buckets.nextNode();
                    for (NodeIterator communes = bucket.getNodes(); communes.hasNext(); ) {
                        communes.nextNode().getProperty("nom").getString();
                        count++;
                    }
                }
                return count;
            });
        }
    }

    /** A COG-shaped dataset big enough for an import to take seconds: 1 région, 50 départements, 40,000 communes. */
    private static void writeSyntheticCog(Path dir) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("regions.csv"), StandardCharsets.UTF_8)) {
            out.write("REG,CHEFLIEU,TNCC,NCC,NCCENR,LIBELLE\r\n");
            out.write("84,01001,1,REGION SYNTHETIQUE,Région synthétique,Région synthétique\r\n");
        }
        try (BufferedWriter deps = Files.newBufferedWriter(dir.resolve("departements.csv"), StandardCharsets.UTF_8);
             BufferedWriter communes = Files.newBufferedWriter(dir.resolve("communes.csv"), StandardCharsets.UTF_8)) {
            deps.write("DEP,REG,CHEFLIEU,TNCC,NCC,NCCENR,LIBELLE\r\n");
            communes.write("TYPECOM,COM,REG,DEP,CTCD,ARR,TNCC,NCC,NCCENR,LIBELLE,CAN,COMPARENT\r\n");
            int written = 0;
            for (int d = 1; written < DEPARTEMENTS; d++) {
                if (d == 20) {
                    continue;
                }
                written++;
                String dep = String.format("%02d", d);
                deps.write(dep + ",84," + dep + "001,0,DEPARTEMENT " + dep + ",Département " + dep
                        + ",Département " + dep + "\r\n");
                for (int c = 1; c <= COMMUNES_PER_DEPARTEMENT; c++) {
                    String code = dep + String.format("%03d", c);
                    communes.write("COM," + code + ",84," + dep + "," + dep + "D,,0,COMMUNE " + code
                            + ",Commune " + code + ",Commune " + code + "," + dep + "01,\r\n");
                }
            }
        }
    }
}
