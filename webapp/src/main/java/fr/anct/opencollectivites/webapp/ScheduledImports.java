package fr.anct.opencollectivites.webapp;

import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;

import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.imports.ImportRun;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ProgressListener;

/**
 * Re-imports a folder of official files on a Quartz cron schedule ({@code imports.dir},
 * {@code imports.schedule}); an unchanged file writes nothing, so a nightly run is cheap.
 */
final class ScheduledImports implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledImports.class);
    private final Scheduler scheduler;

    ScheduledImports(ImportService imports, Path dir, String cron, Messages messages) throws SchedulerException {
        Properties properties = new Properties();
        // one scheduler per platform: Quartz shares schedulers of the same name within a JVM
        properties.setProperty("org.quartz.scheduler.instanceName", "open-collectivites-" + UUID.randomUUID());
        properties.setProperty("org.quartz.threadPool.threadCount", "1");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        scheduler = new StdSchedulerFactory(properties).getScheduler();
        scheduler.getContext().put(ImportJob.SERVICE, imports);
        scheduler.getContext().put(ImportJob.DIR, dir);
        scheduler.getContext().put(ImportJob.MESSAGES, messages);
        scheduler.scheduleJob(
                JobBuilder.newJob(ImportJob.class).withIdentity("imports").build(),
                TriggerBuilder.newTrigger().withIdentity("imports-schedule")
                        .withSchedule(CronScheduleBuilder.cronSchedule(cron)).build());
        scheduler.start();
        LOG.info("Imports of {} scheduled: {}", dir, cron);
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

        @Override
        public void execute(JobExecutionContext context) {
            try {
                ImportService service = (ImportService) context.getScheduler().getContext().get(SERVICE);
                Path dir = (Path) context.getScheduler().getContext().get(DIR);
                Messages messages = (Messages) context.getScheduler().getContext().get(MESSAGES);
                ImportRun run = service.importPath(dir, ProgressListener.NONE);
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
