package fr.anct.opencollectivites.webapp;

import java.nio.file.Files;
import java.nio.file.Path;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.imports.ImportRun;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.repository.ConfiguredRepository;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.repository.RepositoryBootstrap;

/** {@code import PATH}: imports official files into the configured repository (embedded: without a server). */
final class ImportCommand {
    private ImportCommand() {
    }

    /** @return whether every recognised file imported */
    static boolean run(PlatformConfig config, Path path) {
        Path lightModule = LightModuleLocator.locate(config.lightModuleDir());
        ContentTypeRegistry contentTypes = ContentTypeRegistry.load(lightModule);
        Messages messages = Messages.load(lightModule);
        if (!Files.exists(path)) {
            System.err.println(messages.get("imports.cli.missingPath", path.toAbsolutePath()));
            return false;
        }
        try (ConfiguredRepository configured = ConfiguredRepository.open(config.repository().forCommand(), config.dataDir())) {
            OakRepository repository = configured.repository();
            new RepositoryBootstrap(contentTypes).install(repository);
            configured.startupDone();
            ConsoleProgress progress = new ConsoleProgress(messages);
            ImportRun run = new ImportService(repository, contentTypes, messages).importPath(path, progress);
            progress.finish();
            System.out.print(run.summary(messages));
            return !run.failed();
        }
    }
}
