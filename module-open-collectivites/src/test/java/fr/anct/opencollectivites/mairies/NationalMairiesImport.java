package fr.anct.opencollectivites.mairies;

import java.nio.file.Files;
import java.nio.file.Path;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.imports.ImportReport;
import fr.anct.opencollectivites.imports.ImportRun;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * Imports an annuaire file into a fresh embedded repository and prints what it did; run in its own JVM
 * with a small heap by {@link NationalMairiesHeapTest}. Arguments: data dir, file.
 */
public final class NationalMairiesImport {
    private NationalMairiesImport() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Files.createDirectories(dataDir);
        try (OakRepository repository = ImportTestSupport.bootstrapped(OakRepository.embedded(dataDir))) {
            ImportService imports = new ImportService(repository, TestLightModule.contentTypes(),
                    TestLightModule.messages(), MairiesImporter.all());
            long start = System.nanoTime();
            ImportRun run = imports.importPath(Path.of(args[1]), ProgressListener.NONE);
            for (ImportReport report : run.reports()) {
                System.out.printf("[benchmark] %s %s read=%d created=%d removed=%d %d ms%n", report.file().getFileName(),
                        report.status(), report.read(), report.created(), report.removed(), report.duration().toMillis());
            }
            if (run.failed() || run.reports().isEmpty()) {
                System.out.println(run.summary(TestLightModule.messages()));
                System.exit(2);
            }
            System.out.printf("[benchmark] total %d ms%n", (System.nanoTime() - start) / 1_000_000);
        }
    }
}
