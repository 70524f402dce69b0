package fr.anct.opencollectivites;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.anct.opencollectivites.imports.ImportRun;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.module.RepositoryBootstrap;
import fr.anct.opencollectivites.module.Importers;

/**
 * The national référentiel (every file of {@link TestLightModule#NATIONAL_FILES}) imported once per test
 * JVM and shared by the read-only tests on national data, so that each does not pay the import again.
 * Tests must not write to it. Skips the calling test when {@code -Dfixtures.dir} is not given.
 */
public final class NationalReferentiel {
    private static OakRepository repository;

    private NationalReferentiel() {
    }

    public static synchronized OakRepository shared() {
        assumeTrue(TestLightModule.fixturesDir().isPresent(), "national fixtures not given (-Dfixtures.dir)");
        if (repository == null) {
            OakRepository imported = OakRepository.inMemory();
            new RepositoryBootstrap(TestLightModule.contentTypes()).install(imported);
            ImportService imports = new ImportService(imported, TestLightModule.contentTypes(), TestLightModule.messages(), Importers.standard());
            for (String file : TestLightModule.NATIONAL_FILES) {
                ImportRun run = imports.importPath(TestLightModule.fixture(file), ProgressListener.NONE);
                if (run.failed()) {
                    throw new IllegalStateException("National file did not import: " + file + " " + run.reports());
                }
            }
            repository = imported;
        }
        return repository;
    }
}
