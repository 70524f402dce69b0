package fr.anct.opencollectivites.collectivites;

import static fr.anct.opencollectivites.TestLightModule.fixturesDir;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.jcr.NodeIterator;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * kill -9 in the middle of writing the national communes: readers then see the state before the
 * file (no commune at all), and the next run completes the import.
 */
@Tag("repository")
@Tag("national")
class KilledImportTest {

    @Test
    void aKilledImportLeavesThePreviousStateAndTheNextRunCompletesIt(@TempDir Path dataDir) throws Exception {
        Assumptions.assumeTrue(fixturesDir().isPresent(), "national fixtures not given (-Dfixtures.dir)");
        Path communes = TestLightModule.fixture("public-data/insee-cog/v_commune_2026.csv");
        Process process = new ProcessBuilder(javaCommand(dataDir, communes)).redirectErrorStream(true).start();
        boolean killedWhileWriting = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                // units are bytes of both passes: past 60 %, pass 2 is writing the communes
                if (line.equals("[progress] v_commune_2026.csv 70")) {
                    process.destroyForcibly();
                    killedWhileWriting = true;
                    break;
                }
            }
        }
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(killedWhileWriting).as("the import ended before it could be killed").isTrue();

        try (OakRepository repository = ImportTestSupport.bootstrapped(OakRepository.embedded(dataDir))) {
            repository.withSystemSession(session -> {
                assertThat(countCommunes(session.nodeExists("/collectivites/communes")
                        ? session.getNode("/collectivites/communes").getNodes() : null)).isZero();
                return null;
            });
            var run = ImportTestSupport.service(repository).importPath(communes,
                    fr.anct.opencollectivites.imports.ProgressListener.NONE);
            assertThat(run.failed()).isFalse();
            repository.withSystemSession(session -> {
                assertThat(countCommunes(session.getNode("/collectivites/communes").getNodes())).isEqualTo(37_496);
                return null;
            });
        }
    }

    private static long countCommunes(NodeIterator buckets) throws javax.jcr.RepositoryException {
        long count = 0;
        while (buckets != null && buckets.hasNext()) {
            count += buckets.nextNode().getNodes().getSize();
        }
        return count;
    }

    private static List<String> javaCommand(Path dataDir, Path... files) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dbenchmark.progress=true", "-Dfile.encoding=UTF-8",
                "-DlightModule.dir=" + TestLightModule.dir().toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"),
                NationalImportBenchmark.class.getName(), dataDir.toString()));
        for (Path file : files) {
            command.add(file.toAbsolutePath().toString());
        }
        return command;
    }
}
