package fr.anct.opencollectivites.collectivites;

import java.nio.file.Files;
import java.nio.file.Path;

import fr.anct.opencollectivites.imports.ImportReport;
import fr.anct.opencollectivites.imports.ImportRun;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * Imports national files into a fresh embedded repository and prints the time of each file; run in
 * its own JVM by {@link NationalImportHeapTest} with a small heap. Arguments: data dir, files…
 */
public final class NationalImportBenchmark {
    private NationalImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Files.createDirectories(dataDir);
        try (OakRepository repository = ImportTestSupport.bootstrapped(OakRepository.embedded(dataDir))) {
            ImportService imports = ImportTestSupport.service(repository);
            ProgressListener progress = Boolean.getBoolean("benchmark.progress") ? new PercentPrinter() : ProgressListener.NONE;
            long start = System.nanoTime();
            for (int i = 1; i < args.length; i++) {
                ImportRun run = imports.importPath(Path.of(args[i]), progress);
                for (ImportReport report : run.reports()) {
                    System.out.printf("[benchmark] %s %s %d ms%n", report.file().getFileName(), report.status(),
                            report.duration().toMillis());
                }
                if (run.failed() || run.reports().isEmpty()) {
                    System.exit(2);
                }
            }
            System.out.printf("[benchmark] total %d ms%n", (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Prints "[progress] file percent" every 10 %, so that a test can kill the JVM mid-import. */
    private static final class PercentPrinter implements ProgressListener {
        private String file;
        private long total;
        private long done;
        private long printed;

        @Override
        public void start(Path path, long totalUnits) {
            file = path.getFileName().toString();
            total = totalUnits;
            done = 0;
            printed = 0;
        }

        @Override
        public void advance(long units) {
            done += units;
            long percent = total > 0 ? done * 100 / total : 0;
            if (percent >= printed + 10) {
                printed = percent - percent % 10;
                System.out.println("[progress] " + file + " " + printed);
                System.out.flush();
            }
        }

        @Override
        public void finish() {
        }
    }
}
