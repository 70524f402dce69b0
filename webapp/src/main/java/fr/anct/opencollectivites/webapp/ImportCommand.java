package fr.anct.opencollectivites.webapp;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.imports.ImportHistory;
import fr.anct.opencollectivites.imports.ImportHistoryText;
import fr.anct.opencollectivites.imports.ImportOptions;
import fr.anct.opencollectivites.imports.ImportReport;
import fr.anct.opencollectivites.imports.ImportRun;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.security.AuditLog;
import fr.anct.opencollectivites.repository.ConfiguredRepository;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.module.RepositoryBootstrap;
import fr.anct.opencollectivites.module.Importers;
import fr.anct.opencollectivites.repository.RepositoryMode;
import fr.anct.opencollectivites.search.SearchIndex;

/**
 * {@code import PATH}: imports official files into the configured repository (embedded: without a
 * server). Exits 0 only when every file named (or every recognised file of a folder) imported; a file
 * of an older vintage than the référentiel is refused unless {@code --force} (then audited). On the
 * embedded store the search index of the data directory is brought up to date afterwards, so that the
 * next {@code serve} searches at once. {@code import --history} prints the latest runs.
 */
final class ImportCommand {
    private ImportCommand() {
    }

    /** @return the exit code: 0 when every recognised file imported, 1 otherwise */
    static int run(PlatformConfig config, Path path, ImportOptions options, PrintStream out, PrintStream err) {
        Path lightModule = LightModuleLocator.locate(config.lightModuleDir());
        ContentTypeRegistry contentTypes = ContentTypeRegistry.load(lightModule);
        Messages messages = Messages.load(lightModule);
        if (path == null) {
            err.println(messages.get("imports.cli.noPath"));
            return 2;
        }
        if (!Files.exists(path)) {
            err.println(messages.get("imports.cli.missingPath", path.toAbsolutePath()));
            return 1;
        }
        try (ConfiguredRepository configured = ConfiguredRepository.open(config.repository().forCommand(), config.dataDir())) {
            OakRepository repository = configured.repository();
            new RepositoryBootstrap(contentTypes).install(repository);
            configured.startupDone();
            ConsoleProgress progress = new ConsoleProgress(messages);
            ImportRun run = new ImportService(repository, contentTypes, messages, Importers.standard())
                    .importPath(path, progress, options);
            progress.finish();
            out.print(run.summary(messages));
            audit(repository, run);
            if (run.saved() && repository.mode() == RepositoryMode.EMBEDDED) {
                updateSearchIndex(config, contentTypes, repository, messages, out);
            }
            return run.failed() ? 1 : 0;
        }
    }

    /** Every file imported over a newer vintage with --force: who, which file, which vintages. */
    private static void audit(OakRepository repository, ImportRun run) {
        List<ImportReport> forced = run.forcedReports();
        if (forced.isEmpty()) {
            return;
        }
        AuditLog audit = new AuditLog(repository, Clock.systemUTC());
        String who = "cli:" + System.getProperty("user.name", "?");
        for (ImportReport report : forced) {
            audit.record(who, "import.force", report.file().toAbsolutePath().toString(),
                    report.importer() + " " + report.vintage() + " sur " + report.forcedOver());
        }
    }

    private static void updateSearchIndex(PlatformConfig config, ContentTypeRegistry contentTypes, OakRepository repository,
                                          Messages messages, PrintStream out) {
        long start = System.nanoTime();
        try (SearchIndex index = new SearchIndex(repository, contentTypes, config.dataDir().resolve("search-index"),
                SearchIndex.DEFAULT_DEBOUNCE)) {
            int count = index.bringUpToDate();
            if (count >= 0) {
                out.println(messages.get("imports.cli.searchIndex", count,
                        Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0));
            }
        }
    }

    /** {@code import --history}: the latest runs, or one run in full. */
    static int history(PlatformConfig config, int limit, Optional<String> runId, PrintStream out) {
        Path lightModule = LightModuleLocator.locate(config.lightModuleDir());
        ContentTypeRegistry contentTypes = ContentTypeRegistry.load(lightModule);
        Messages messages = Messages.load(lightModule);
        try (ConfiguredRepository configured = ConfiguredRepository.open(config.repository().forCommand(), config.dataDir())) {
            OakRepository repository = configured.repository();
            new RepositoryBootstrap(contentTypes).install(repository);
            configured.startupDone();
            ImportHistory history = new ImportHistory();
            return repository.withSystemSession(session -> {
                if (runId.isPresent()) {
                    Optional<ImportHistory.RunEntry> run = history.run(session, runId.get());
                    if (run.isEmpty()) {
                        out.println(messages.get("imports.history.unknownRun", runId.get()));
                        return 1;
                    }
                    out.print(ImportHistoryText.format(run.get(), messages, Integer.MAX_VALUE));
                    return 0;
                }
                List<ImportHistory.RunEntry> runs = history.latest(session, limit);
                if (runs.isEmpty()) {
                    out.println(messages.get("imports.history.empty"));
                }
                runs.forEach(run -> out.print(ImportHistoryText.format(run, messages, 10)));
                return 0;
            });
        }
    }
}
