package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.operations.PlatformMetrics;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.module.RepositoryBootstrap;
import fr.anct.opencollectivites.module.Importers;

/** The Quartz schedule imports the configured folder by itself. */
@Tag("repository")
class ScheduledImportsTest {
    private static final Path LIGHT_MODULE = Path.of(System.getProperty("lightModule.dir",
            "../light-modules/open-collectivites"));

    @Test
    void theScheduledJobImportsTheFolder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("regions.csv"), "REG,CHEFLIEU,TNCC,NCC,NCCENR,LIBELLE\r\n"
                + "94,2A004,0,CORSE,Corse,Corse\r\n");
        ContentTypeRegistry types = ContentTypeRegistry.load(LIGHT_MODULE);
        try (OakRepository repository = OakRepository.inMemory()) {
            new RepositoryBootstrap(types).install(repository);
            ImportService imports = new ImportService(repository, types, Messages.load(LIGHT_MODULE), Importers.standard());
            try (ScheduledImports ignored = new ScheduledImports(imports, dir, "* * * * * ?", Messages.load(LIGHT_MODULE),
                    new PlatformMetrics(), Optional.empty())) {
                await("région imported by the schedule").atMost(Duration.ofSeconds(10))
                        .until(() -> regionExists(repository));
            }
        }
    }

    private static boolean regionExists(OakRepository repository) {
        Boolean exists = repository.withAnonymousSession(s -> s.nodeExists("/collectivites/regions/94"));
        return exists;
    }
}
