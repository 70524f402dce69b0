package fr.anct.opencollectivites.webapp;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.operations.RepositoryBackup;
import fr.anct.opencollectivites.repository.ConfiguredRepository;
import fr.anct.opencollectivites.module.RepositoryBootstrap;
import fr.anct.opencollectivites.repository.RepositoryInUseException;
import fr.anct.opencollectivites.repository.RepositoryUnavailableException;

/**
 * {@code backup FILE} and {@code restore FILE} on the configured repository. Embedded, the server must be
 * stopped (the store is one process's); on PostgreSQL the command joins the cluster under a free cluster
 * id, so a backup runs beside the servers, and a restore into an empty database holds the startup lock so
 * that no server starts (and seeds demo data) before it ends.
 */
final class BackupCommands {
    private BackupCommands() {
    }

    static boolean backup(PlatformConfig config, Path file) {
        Messages messages = Messages.load(LightModuleLocator.locate(config.lightModuleDir()));
        try (ConfiguredRepository configured = ConfiguredRepository.open(config.repository().forCommand(), config.dataDir())) {
            configured.startupDone();
            RepositoryBackup.Summary summary = new RepositoryBackup(configured.repository()).backup(file);
            System.out.println(messages.get("operations.backup.done", file.toAbsolutePath(), summary.subtrees(), summary.nodes()));
            return true;
        } catch (UncheckedIOException e) {
            System.err.println(messages.get("operations.backup.failed", e.getMessage()));
            return false;
        }
    }

    static boolean restore(PlatformConfig config, Path file) {
        Path lightModule = LightModuleLocator.locate(config.lightModuleDir());
        Messages messages = Messages.load(lightModule);
        if (!Files.isRegularFile(file)) {
            System.err.println(messages.get("operations.restore.missing", file.toAbsolutePath()));
            return false;
        }
        ContentTypeRegistry contentTypes = ContentTypeRegistry.load(lightModule);
        try (ConfiguredRepository configured = ConfiguredRepository.open(config.repository().forCommand(), config.dataDir())) {
            new RepositoryBootstrap(contentTypes).install(configured.repository());
            RepositoryBackup.Summary summary = new RepositoryBackup(configured.repository()).restore(file);
            System.out.println(messages.get("operations.restore.done", file.toAbsolutePath(), summary.subtrees(), summary.nodes()));
            return true;
        } catch (IllegalStateException e) {
            System.err.println(messages.get("operations.restore.notEmpty"));
            return false;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println(messages.get("operations.restore.invalid", file.toAbsolutePath(), e.getMessage()));
            return false;
        } catch (RuntimeException e) {
            if (e instanceof RepositoryInUseException || e instanceof RepositoryUnavailableException) {
                throw e; // said in French by the command line, as for every command
            }
            System.err.println(messages.get("operations.restore.failed", e.getMessage()));
            return false;
        }
    }
}
