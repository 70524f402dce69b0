package fr.anct.opencollectivites.collectivites;

import static fr.anct.opencollectivites.TestLightModule.fixturesDir;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.TestLightModule;

/** The whole national référentiel imports in a JVM limited to 256 MB of heap (streaming, not loading). */
@Tag("repository")
@Tag("national")
class NationalImportHeapTest {

    @Test
    void importsEverythingWithin256MbOfHeap(@TempDir Path dataDir) throws IOException, InterruptedException {
        Assumptions.assumeTrue(fixturesDir().isPresent(), "national fixtures not given (-Dfixtures.dir)");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8",
                "-DlightModule.dir=" + TestLightModule.dir().toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"),
                NationalImportBenchmark.class.getName(), dataDir.resolve("repo").toString()));
        TestLightModule.NATIONAL_FILES.forEach(file -> command.add(TestLightModule.fixture(file).toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        output.lines().filter(l -> l.startsWith("[benchmark]")).forEach(l -> System.out.println(l + " (-Xmx256m)"));
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("[benchmark] total");
    }
}
