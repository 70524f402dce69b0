package fr.anct.opencollectivites.finances;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

import fr.anct.opencollectivites.imports.ImportReport;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * Generates an OFGL communes base ({@link OfglGenerator}) and imports it twice into a fresh embedded
 * repository (cold, then unchanged), printing rows per minute and the old generation's size after GC. Run by
 * {@code scripts/benchmark-ofgl.sh} with {@code -Xmx256m}; never part of the test suite.
 * Arguments: work dir, communes, exercices, agrégats.
 */
public final class OfglBenchmark {
    private OfglBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int communes = Integer.parseInt(args[1]);
        int exercices = Integer.parseInt(args[2]);
        int agregats = Integer.parseInt(args[3]);
        long rows = (long) communes * exercices * agregats;
        Files.createDirectories(work);
        Path file = work.resolve("ofgl-communes-" + rows + ".csv");
        if (!Files.exists(file)) {
            long start = System.nanoTime();
            OfglGenerator.write(file, communes, exercices, agregats);
            System.out.printf("[benchmark] generated %,d rows, %,d MB in %d s%n", rows, Files.size(file) >> 20,
                    (System.nanoTime() - start) / 1_000_000_000);
        }
        System.out.printf("[benchmark] max heap %d MB, %d processors%n", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        try (OakRepository repository = ImportTestSupport.bootstrapped(OakRepository.embedded(work.resolve("repository")))) {
            ImportService imports = ImportTestSupport.service(repository);
            for (String pass : new String[] {"cold", "unchanged"}) {
                ImportReport report = imports.importPath(file, ProgressListener.NONE).reports().get(0);
                if (report.failed()) {
                    System.out.println("[benchmark] FAILED " + report.rejections());
                    System.exit(2);
                }
                double minutes = report.duration().toMillis() / 60_000.0;
                System.out.printf("[benchmark] %s import: %,d rows in %.1f s = %,.0f rows/min; %d created, %d updated,"
                                + " %d unchanged; old generation after the last GC %d MB%n", pass, report.read(), report.duration().toMillis() / 1000.0,
                        report.read() / minutes, report.created(), report.updated(), report.unchanged(), oldGenerationAfterGcMb());
            }
        }
    }

    /** What the old generation still held after its last collection: the live data the import kept. */
    private static long oldGenerationAfterGcMb() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Old") && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used >> 20;
    }
}
