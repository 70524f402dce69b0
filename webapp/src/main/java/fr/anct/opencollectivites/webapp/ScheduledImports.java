package fr.anct.opencollectivites.webapp;

import java.nio.file.Path;
import java.util.Optional;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.imports.ImportRun;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.operations.PlatformMetrics;
import fr.anct.opencollectivites.repository.ClusterDatabase;

/**
 * Re-imports a folder of official files on a Quartz cron schedule ({@code imports.dir},
 * {@code imports.schedule}); an unchanged file writes nothing, so a nightly run is cheap. Embedded, the
 * schedule lives in memory; on PostgreSQL it lives in Quartz's tables, clustered, so that each firing
 * runs on exactly one instance (the others see the trigger acquired under Quartz's row lock).
 */
final class ScheduledImports implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledImports.class);
    /** The same scheduler name on every instance: Quartz's cluster is the instances sharing it. */
    static final String CLUSTER_SCHEDULER = "open-collectivites";
    private final Scheduler scheduler;

    ScheduledImports(ImportService imports, Path dir, String cron, Messages messages, PlatformMetrics metrics,
                     Optional<ClusterDatabase> database) throws SchedulerException {
        scheduler = Schedulers.create(CLUSTER_SCHEDULER, database);
        scheduler.getContext().put(ImportJob.SERVICE, imports);
        scheduler.getContext().put(ImportJob.DIR, dir);
        scheduler.getContext().put(ImportJob.MESSAGES, messages);
        scheduler.getContext().put(ImportJob.METRICS, metrics);
        Schedulers.schedule(scheduler, ImportJob.class, "imports", cron);
        scheduler.start();
        LOG.info("Imports of {} scheduled: {}{}", dir, cron, database.isPresent() ? " (once per cluster)" : "");
    }

    @Override
    public void close() throws SchedulerException {
        scheduler.shutdown(true);
    }

    /** The Quartz job: one import run over the configured folder. */
    @DisallowConcurrentExecution
    public static final class ImportJob implements Job {
        static final String SERVICE = "importService";
        static final String DIR = "importDir";
        static final String MESSAGES = "messages";
        static final String METRICS = "metrics";

        @Override
        public void execute(JobExecutionContext context) {
            try {
                ImportService service = (ImportService) context.getScheduler().getContext().get(SERVICE);
                Path dir = (Path) context.getScheduler().getContext().get(DIR);
                Messages messages = (Messages) context.getScheduler().getContext().get(MESSAGES);
                PlatformMetrics metrics = (PlatformMetrics) context.getScheduler().getContext().get(METRICS);
                ImportRun run = service.importPath(dir, ProgressListener.NONE);
                metrics.scheduledRun("imports");
                metrics.importFinished(run);
                if (run.failed()) {
                    LOG.error("Scheduled import of {} failed:\n{}", dir, run.summary(messages));
                } else {
                    LOG.info("Scheduled import of {} done: {} files", dir, run.reports().size());
                }
            } catch (SchedulerException | RuntimeException e) {
                LOG.error("Scheduled import failed: {}", e.getMessage(), e);
            }
        }
    }
}
