package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.jcr.Node;
import javax.jcr.NodeIterator;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.publications.PublicationPaths;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.module.RepositoryBootstrap;

/**
 * The crash campaign: {@code kill -9} of the embedded platform at random moments of an import (the
 * packaged application's {@code import}), of publishing ({@link PublishingWriter}) and of a harvest (the
 * packaged application's {@code serve} harvesting the slow feeds of a {@link FeedServer} every second),
 * then a restart that checks the repository opens, that no item is half-written, and that every write
 * acknowledged before the kill is there; after a killed harvest, a harvest to the end must converge to
 * the same items, updated in place. {@code -Dcrash.trials=N} trials of each kind (CI: 2;
 * scripts/crash-campaign.sh: 20), {@code -Dcrash.kinds=import,publish,harvest} (the default) selects
 * the kinds; the results table goes to {@code target/crash-campaign.md}.
 */
@Tag("repository")
@Tag("http")
@Tag("process")
class CrashCampaignIT {
    private static final int TRIALS = Integer.getInteger("crash.trials", 2);
    private static final Set<String> KINDS = Set.of(System.getProperty("crash.kinds", "import,publish,harvest").split(","));
    private static final int DEPARTEMENTS = 20;
    private static final int COMMUNES_PER_DEPARTEMENT = 800;
    private static final int COMMUNES = DEPARTEMENTS * COMMUNES_PER_DEPARTEMENT;
    private static final Pattern ACK = Pattern.compile("(?m)^ACK (\\d+)$");
    private static final List<String> SOURCES = List.of("s1", "s2", "s3");
    private static final int ITEMS_PER_SOURCE = 100;
    private static final Pattern HARVESTED_TITLE = Pattern.compile("Dotations de la publication (\\d+) de la source (\\S+), essai (\\d+)");
    private static final Pattern HARVESTED = Pattern.compile("Source (\\S+) harvested: SourceRun\\[source=\\S+, status=OK,");
    private final Random random = new Random(Long.getLong("crash.seed", System.nanoTime()));
    private final List<String> rows = new ArrayList<>();
    private final List<String> summary = new ArrayList<>();
    private int corruptions;
    private int losses;

    @Test
    void killedImportsPublishesAndHarvestsLoseNothingAcknowledgedAndCorruptNothing(@TempDir Path work) throws Exception {
        if (KINDS.contains("import")) {
            killImports(work);
        }
        if (KINDS.contains("publish")) {
            killPublishes(work);
        }
        if (KINDS.contains("harvest")) {
            killHarvests(work);
        }
        writeResults();
        assertThat(corruptions).as("corrupted repositories\n%s", String.join("\n", rows)).isZero();
        assertThat(losses).as("lost acknowledged writes\n%s", String.join("\n", rows)).isZero();
    }

    private void killImports(Path work) throws Exception {
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
        tally("Import", importCorruptions, importLosses);
    }

    private void killPublishes(Path work) throws Exception {
        int publishLosses = 0;
        int publishCorruptions = 0;
        Path publishData = work.resolve("publish-data");
        int next = 0;
        for (int trial = 1; trial <= TRIALS; trial++) {
            long killAfter = 100 + random.nextInt(2_000);
            Path log = work.resolve("writer.log");
            Process writer = new ProcessBuilder(javaCommand(publishData.toString(), lightModule().toString(), Integer.toString(next)))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            await("the writer ready").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> Files.readString(log, StandardCharsets.UTF_8).contains("READY") || !writer.isAlive());
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
        tally("Publish", publishCorruptions, publishLosses);
    }

    private void tally(String kind, int kindCorruptions, int kindLosses) {
        corruptions += kindCorruptions;
        losses += kindLosses;
        summary.add(String.format("%s: %d trials, %d corrupted, %d lost.", kind, TRIALS, kindCorruptions, kindLosses));
    }

    private void killHarvests(Path work) throws Exception {
        int harvestLosses = 0;
        int harvestCorruptions = 0;
        Path data = work.resolve("harvest-data");
        Path config = work.resolve("harvest.properties");
        Files.writeString(config, "harvest.schedule=* * * * * ?\noutbound.trustedHosts=127.0.0.1\n", StandardCharsets.UTF_8);
        try (FeedServer feeds = FeedServer.start(ITEMS_PER_SOURCE)) {
            createSources(data, feeds);
            // Calibration: a whole first round (every source harvested once), timed from its first request
            long roundMillis = harvestEverySource(data, config, feeds, 0);
            rows.add(String.format("| harvest | 0 | not killed: first round %d ms after the first request | %s | %s | calibration |",
                    roundMillis, String.join(", ", SOURCES), harvestState(data)));
            for (int trial = 1; trial <= TRIALS; trial++) {
                Set<Integer> thisTrial = Set.of(trial);
                feeds.serveTrial(trial);
                AppProcess run = AppProcess.run("serve", "--port", "0", "--no-demo", "--config", config.toString(),
                        "--data-dir", data.toString());
                awaitFirstRequest(run, feeds);
                long killAfter = (long) (roundMillis * 1.2 * random.nextDouble());
                boolean died = run.process().waitFor(killAfter, TimeUnit.MILLISECONDS);
                run.kill();
                run.process().waitFor(30, TimeUnit.SECONDS);
                Set<String> acknowledged = harvestedSources(run.output());
                String output = run.output();
                run.close();
                HarvestState state = harvestState(data);
                boolean corrupted = !state.whole(ITEMS_PER_SOURCE);
                boolean lost = acknowledged.stream().anyMatch(source -> !state.trials(source).equals(thisTrial));
                // the restart harvests again, to the end: the same items, updated in place
                harvestEverySource(data, config, feeds, trial);
                HarvestState again = harvestState(data);
                boolean converged = again.whole(ITEMS_PER_SOURCE)
                        && SOURCES.stream().allMatch(source -> again.trials(source).equals(thisTrial));
                harvestCorruptions += corrupted || !converged ? 1 : 0;
                harvestLosses += lost ? 1 : 0;
                rows.add(String.format("| harvest | %d | %d ms after the first request | %s | %s; re-harvest: %s | %s |", trial, killAfter,
                        acknowledged.isEmpty() ? "none" : String.join(", ", acknowledged), state, again,
                        corrupted ? "**CORRUPTED**" : !converged ? "**NOT CONVERGED**" : lost ? "**LOST**" : "ok"));
                assertThat(died).as("the application stopped by itself (trial %d)\n%s", trial, output).isFalse();
            }
        }
        tally("Harvest", harvestCorruptions, harvestLosses);
    }

    /** Sources s1, s2, s3: RSS feeds of {@link #ITEMS_PER_SOURCE} items each, published without review. */
    private static void createSources(Path data, FeedServer feeds) {
        ContentTypeRegistry types = ContentTypeRegistry.load(LightModuleLocator.locate(Optional.of(lightModule())));
        try (OakRepository repository = OakRepository.embedded(data)) {
            new RepositoryBootstrap(types).install(repository);
            repository.withSystemSession(session -> {
                for (String code : SOURCES) {
                    Map<String, Object> source = new LinkedHashMap<>();
                    source.put("code", code);
                    source.put("name", "Source " + code);
                    source.put("kind", "feed");
                    source.put("url", feeds.url(code));
                    source.put("autoPublish", true);
                    new ContentWriter().upsert(session, PublicationPaths.liveSources() + "/" + code, types.require("source"), source);
                }
                session.save();
                return null;
            });
        }
    }

    /**
     * Starts the application (it harvests every second), waits until every source was harvested once
     * with this trial's feed, then stops it (SIGTERM); returns the milliseconds from the first request.
     */
    private static long harvestEverySource(Path data, Path config, FeedServer feeds, int trial) throws Exception {
        feeds.serveTrial(trial);
        try (AppProcess app = AppProcess.run("serve", "--port", "0", "--no-demo", "--config", config.toString(),
                "--data-dir", data.toString())) {
            awaitFirstRequest(app, feeds);
            awaitRunning(app, "The sources were not all harvested (trial " + trial + ")",
                    () -> harvestedSources(app.output()).containsAll(SOURCES));
            return (System.nanoTime() - feeds.firstFetchNanos()) / 1_000_000;
        }
    }

    private static void awaitFirstRequest(AppProcess app, FeedServer feeds) {
        awaitRunning(app, "The application did not harvest", feeds::fetched);
    }

    /** Waits up to 90 s for the condition while the application runs; fails with its output otherwise. */
    private static void awaitRunning(AppProcess app, String failure, Callable<Boolean> condition) {
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                    .failFast(() -> !app.process().isAlive()).until(condition);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError(failure + ":\n" + app.output(), e);
        }
    }

    /** Acknowledged: the harvester's report line of a source, logged after the save of its items. */
    private static Set<String> harvestedSources(String output) {
        Set<String> sources = new TreeSet<>();
        for (Matcher m = HARVESTED.matcher(output); m.find(); ) {
            sources.add(m.group(1));
        }
        return sources;
    }

    /**
     * Per source, how many publications and which trials their titles carry; {@code partial}: the
     * publications lacking their title, link, guid or theme, or with a link that is not their item's.
     */
    private record HarvestState(boolean opened, Map<String, Integer> counts, Map<String, Set<Integer>> trialsBySource,
                                Set<String> partial) {
        Set<Integer> trials(String source) {
            return trialsBySource.getOrDefault(source, Set.of());
        }

        /** Opens, nothing partial, and every source has all its items, of one trial: a save is all or nothing. */
        boolean whole(int items) {
            return opened && partial.isEmpty() && SOURCES.stream()
                    .allMatch(source -> counts.getOrDefault(source, 0) == items && trials(source).size() == 1);
        }

        @Override
        public String toString() {
            if (!opened) {
                return "does not open";
            }
            List<String> parts = new ArrayList<>();
            for (String source : SOURCES) {
                parts.add(source + ": " + counts.getOrDefault(source, 0) + " of trial " + trials(source));
            }
            return String.join(", ", parts) + (partial.isEmpty() ? "" : ", partial " + partial);
        }
    }

    private static HarvestState harvestState(Path data) {
        try (OakRepository repository = OakRepository.embedded(data)) {
            return repository.withSystemSession(session -> {
                Map<String, Integer> counts = new TreeMap<>();
                Map<String, Set<Integer>> trials = new TreeMap<>();
                Set<String> partial = new TreeSet<>();
                Set<String> guids = new HashSet<>();
                if (session.nodeExists(PublicationPaths.liveItems())) {
                    for (NodeIterator buckets = session.getNode(PublicationPaths.liveItems()).getNodes(); buckets.hasNext(); ) {
                        for (NodeIterator items = buckets.nextNode().getNodes(); items.hasNext(); ) {
                            Node item = items.nextNode();
                            Matcher title = item.hasProperty("title") ? HARVESTED_TITLE.matcher(item.getProperty("title").getString()) : null;
                            if (title == null || !title.matches() || !isComplete(item, title.group(2), Integer.parseInt(title.group(1)))
                                    || !guids.add(item.getProperty("guid").getString())) {
                                partial.add(item.getName());
                                continue;
                            }
                            counts.merge(title.group(2), 1, Integer::sum);
                            trials.computeIfAbsent(title.group(2), s -> new TreeSet<>()).add(Integer.parseInt(title.group(3)));
                        }
                    }
                }
                return new HarvestState(true, counts, trials, partial);
            });
        } catch (RuntimeException e) {
            return new HarvestState(false, Map.of(), Map.of(), Set.of());
        }
    }

    private static boolean isComplete(Node item, String source, int number) throws javax.jcr.RepositoryException {
        return item.hasProperty("link") && item.getProperty("link").getString().equals(FeedServer.link(source, number))
                && item.hasProperty("guid") && item.getProperty("guid").getString().equals(FeedServer.guid(source, number))
                && item.hasProperty("source") && item.getProperty("source").getString().equals(source)
                && item.hasProperty("themes") && Arrays.stream(item.getProperty("themes").getValues()).anyMatch(CrashCampaignIT::isDotations);
    }

    private static boolean isDotations(javax.jcr.Value theme) {
        try {
            return theme.getString().equals("aides-dotations");
        } catch (javax.jcr.RepositoryException e) {
            throw new IllegalStateException(e);
        }
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

    private void writeResults() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("| kind | trial | killed after | acknowledged before the kill | state after restart | verdict |");
        lines.add("|---|---|---|---|---|---|");
        lines.addAll(rows);
        lines.add("");
        lines.add(String.join(" ", summary));
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
