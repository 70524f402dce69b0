package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.jcr.Node;
import javax.jcr.NodeIterator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.repository.OakRepository;

/**
 * The crash campaign: {@code kill -9} of the embedded platform at random moments of an import (the
 * packaged application's {@code import}) and of publishing ({@link PublishingWriter}), then a restart
 * that checks the repository opens, that no item is half-written, and that every write acknowledged
 * before the kill is there. {@code -Dcrash.trials=N} trials of each (CI: 2; scripts/crash-campaign.sh: 20);
 * the results table goes to {@code target/crash-campaign.md}.
 */
class CrashCampaignIT {
    private static final int TRIALS = Integer.getInteger("crash.trials", 2);
    private static final int DEPARTEMENTS = 20;
    private static final int COMMUNES_PER_DEPARTEMENT = 800;
    private static final int COMMUNES = DEPARTEMENTS * COMMUNES_PER_DEPARTEMENT;
    private static final Pattern ACK = Pattern.compile("(?m)^ACK (\\d+)$");
    private final Random random = new Random(Long.getLong("crash.seed", System.nanoTime()));
    private final List<String> rows = new ArrayList<>();

    @Test
    void killedImportsAndPublishesLoseNothingAcknowledgedAndCorruptNothing(@TempDir Path work) throws Exception {
        int importLosses = 0;
        int importCorruptions = 0;
        Path input = work.resolve("input");
        Path importData = work.resolve("import-data");
        // Calibration: a whole import, timed, so that the kills fall before, during and after the big save
        writeSyntheticCog(input, 0);
        long started = System.nanoTime();
        AppProcess calibration = AppProcess.run("import", input.toString(), "--data-dir", importData.toString());
        assertThat(calibration.process().waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(calibration.process().exitValue()).as(calibration.output()).isZero();
        calibration.close();
        long wholeImportMillis = (System.nanoTime() - started) / 1_000_000;
        rows.add(String.format("| import | 0 | not killed: whole import %d ms | communes.csv | %s | calibration |",
                wholeImportMillis, importState(importData)));
        for (int trial = 1; trial <= TRIALS; trial++) {
            writeSyntheticCog(input, trial);
            long killAfter = (long) (wholeImportMillis * (0.4 + 0.8 * random.nextDouble()));
            AppProcess run = AppProcess.run("import", input.toString(), "--data-dir", importData.toString());
            boolean finished = run.process().waitFor(killAfter, TimeUnit.MILLISECONDS);
            if (!finished) {
                run.kill();
                run.process().waitFor(30, TimeUnit.SECONDS);
            }
            boolean acknowledged = run.output().contains("communes.csv: ");
            run.close();
            ImportState state = importState(importData);
            boolean corrupted = !state.opened() || state.suffixes().size() > 1
                    || state.communes() != 0 && state.communes() != COMMUNES;
            boolean lost = acknowledged && !(state.suffixes().equals(Set.of(trial)) && state.communes() == COMMUNES);
            importCorruptions += corrupted ? 1 : 0;
            importLosses += lost ? 1 : 0;
            rows.add(String.format("| import | %d | %s | %s | %s | %s |", trial, finished ? "finished (" + killAfter + " ms)" : killAfter + " ms",
                    acknowledged ? "communes.csv" : "none", state, corrupted ? "**CORRUPTED**" : lost ? "**LOST**" : "ok"));
        }

        int publishLosses = 0;
        int publishCorruptions = 0;
        Path publishData = work.resolve("publish-data");
        int next = 0;
        for (int trial = 1; trial <= TRIALS; trial++) {
            long killAfter = 100 + random.nextInt(2_000);
            Path log = work.resolve("writer.log");
            Process writer = new ProcessBuilder(javaCommand(publishData.toString(), lightModule().toString(), Integer.toString(next)))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(log, StandardCharsets.UTF_8).contains("READY") && writer.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            writer.waitFor(killAfter, TimeUnit.MILLISECONDS); // killed while it publishes
            writer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Set<Integer> acked = new TreeSet<>();
            for (Matcher m = ACK.matcher(output); m.find(); ) {
                acked.add(Integer.parseInt(m.group(1)));
            }
            PublishState state = publishState(publishData);
            Set<Integer> missing = new TreeSet<>(acked);
            missing.removeAll(state.complete());
            boolean corrupted = !state.opened() || !state.partial().isEmpty();
            boolean lost = !missing.isEmpty();
            publishCorruptions += corrupted ? 1 : 0;
            publishLosses += lost ? 1 : 0;
            rows.add(String.format("| publish | %d | %d ms after ready | %d pages | %d complete, %d partial%s | %s |", trial, killAfter, acked.size(),
                    state.complete().size(), state.partial().size(), missing.isEmpty() ? "" : ", missing " + missing,
                    corrupted ? "**CORRUPTED**" : lost ? "**LOST**" : "ok"));
            next = state.complete().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
            assertThat(output).as("the writer got to publish before the kill (trial %d)", trial).contains("READY");
            assertThat(output).as("the writer failed by itself (trial %d)", trial).doesNotContain("Exception");
        }

        writeResults(importLosses, importCorruptions, publishLosses, publishCorruptions);
        assertThat(importCorruptions + publishCorruptions).as("corrupted repositories\n%s", String.join("\n", rows)).isZero();
        assertThat(importLosses + publishLosses).as("lost acknowledged writes\n%s", String.join("\n", rows)).isZero();
    }

    private record ImportState(boolean opened, long communes, Set<Integer> suffixes) {
        @Override
        public String toString() {
            return opened ? communes + " communes, versions " + suffixes : "does not open";
        }
    }

    /** Reads every commune (all properties): how many, and which trials' names they carry. */
    private static ImportState importState(Path dataDir) {
        if (!Files.exists(dataDir.resolve("repository"))) {
            return new ImportState(true, 0, Set.of());
        }
        try (OakRepository repository = OakRepository.embedded(dataDir)) {
            return repository.withSystemSession(session -> {
                Set<Integer> suffixes = new HashSet<>();
                long count = 0;
                if (session.nodeExists("/collectivites/communes")) {
                    for (NodeIterator buckets = session.getNode("/collectivites/communes").getNodes(); buckets.hasNext(); ) {
                        for (NodeIterator communes = buckets.nextNode().getNodes(); communes.hasNext(); ) {
                            String nom = communes.nextNode().getProperty("nom").getString();
                            suffixes.add(Integer.parseInt(nom.substring(nom.lastIndexOf(' ') + 1)));
                            count++;
                        }
                    }
                }
                return new ImportState(true, count, suffixes);
            });
        } catch (RuntimeException e) {
            return new ImportState(false, -1, Set.of());
        }
    }

    private record PublishState(boolean opened, Set<Integer> complete, Set<String> partial) {
    }

    private static PublishState publishState(Path dataDir) {
        if (!Files.exists(dataDir.resolve("repository"))) {
            return new PublishState(true, Set.of(), Set.of());
        }
        try (OakRepository repository = OakRepository.embedded(dataDir)) {
            return repository.withSystemSession(session -> {
                Set<Integer> complete = new TreeSet<>();
                Set<String> partial = new TreeSet<>();
                if (session.nodeExists(PublishingWriter.ROOT)) {
                    for (NodeIterator pages = session.getNode(PublishingWriter.ROOT).getNodes(); pages.hasNext(); ) {
                        Node page = pages.nextNode();
                        if (page.getName().startsWith("rep:")) {
                            continue;
                        }
                        int number = Integer.parseInt(page.getName().substring(1));
                        if (isComplete(page, number)) {
                            complete.add(number);
                        } else {
                            partial.add(page.getName());
                        }
                    }
                }
                return new PublishState(true, complete, partial);
            });
        } catch (RuntimeException e) {
            return new PublishState(false, Set.of(), Set.of());
        }
    }

    private static boolean isComplete(Node page, int number) throws javax.jcr.RepositoryException {
        if (!page.hasProperty("published") || !page.hasNode("main")) {
            return false;
        }
        for (int c = 0; c < PublishingWriter.COMPONENTS; c++) {
            String path = "main/c" + c;
            if (!page.hasNode(path) || !page.getNode(path).getProperty("text").getString().equals(PublishingWriter.text(number, c))) {
                return false;
            }
        }
        return true;
    }

    private void writeResults(int importLosses, int importCorruptions, int publishLosses, int publishCorruptions) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("| kind | trial | killed after | acknowledged before the kill | state after restart | verdict |");
        lines.add("|---|---|---|---|---|---|");
        lines.addAll(rows);
        lines.add("");
        lines.add(String.format("Import: %d trials, %d corrupted, %d lost. Publish: %d trials, %d corrupted, %d lost.",
                TRIALS, importCorruptions, importLosses, TRIALS, publishCorruptions, publishLosses));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "crash-campaign.md"), lines, StandardCharsets.UTF_8);
        System.out.println(String.join("\n", lines));
    }

    private static Path lightModule() {
        return Path.of(System.getProperty("lightModule.dir", "../light-modules/open-collectivites")).toAbsolutePath();
    }

    private static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), PublishingWriter.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** 1 région, 20 départements, 16,000 communes whose names carry the trial number. */
    private static void writeSyntheticCog(Path dir, int trial) throws IOException {
        Files.createDirectories(dir);
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
                deps.write(dep + ",84," + dep + "001,0,DEPARTEMENT " + dep + ",Département " + dep + ",Département " + dep + "\r\n");
                for (int c = 1; c <= COMMUNES_PER_DEPARTEMENT; c++) {
                    String code = dep + String.format("%03d", c);
                    String name = "Commune " + code + " " + trial;
                    communes.write("COM," + code + ",84," + dep + "," + dep + "D,,0," + name.toUpperCase() + "," + name + "," + name
                            + "," + dep + "01,\r\n");
                }
            }
        }
    }
}
