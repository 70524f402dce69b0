package fr.anct.opencollectivites.finances;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import fr.anct.opencollectivites.TestLightModule;

/**
 * Runs {@link OfglBenchmark} in its own JVM with {@code -Xmx256m}, on the test class path. Not part of
 * the suite (its name matches none of Surefire's default patterns): {@code scripts/benchmark-ofgl.sh}
 * runs it with {@code -Dtest=OfglHeapBenchmark -Dofgl.benchmark.dir=… -Dofgl.benchmark.size="communes exercices agrégats"}.
 */
class OfglHeapBenchmark {

    @Test
    void importsAGeneratedBaseWithin256MbOfHeap() throws IOException, InterruptedException {
        Path work = Path.of(System.getProperty("ofgl.benchmark.dir", "target/ofgl-benchmark")).toAbsolutePath();
        Files.createDirectories(work);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseParallelGC", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8",
                "-DlightModule.dir=" + TestLightModule.dir().toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"),
                OfglBenchmark.class.getName(), work.toString()));
        command.addAll(List.of(System.getProperty("ofgl.benchmark.size", "10000 10 50").trim().split("\\s+")));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                if (line.startsWith("[benchmark]") || line.contains("OfglJob") || line.contains("ImportService")) {
                    System.out.println(line);
                }
            }
        }
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output.toString()).isZero();
        assertThat(output).contains("[benchmark] unchanged import");
    }
}
