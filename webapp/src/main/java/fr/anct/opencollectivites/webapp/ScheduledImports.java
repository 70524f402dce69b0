package fr.anct.opencollectivites.webapp;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.imports.ImportRun;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.operations.PlatformMetrics;
import fr.anct.opencollectivites.operations.QuartzJobStore;
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
        Properties properties = new Properties();
        properties.setProperty("org.quartz.threadPool.threadCount", "1");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        if (database.isPresent()) {
            properties.setProperty("org.quartz.scheduler.instanceName", CLUSTER_SCHEDULER);
            properties.setProperty("org.quartz.scheduler.instanceId", "AUTO");
            properties.putAll(QuartzJobStore.clusteredProperties(database.get()));
        } else {
            // one scheduler per platform: Quartz shares schedulers of the same name within a JVM
            properties.setProperty("org.quartz.scheduler.instanceName", "open-collectivites-" + UUID.randomUUID());
            properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        }
        scheduler = new StdSchedulerFactory(properties).getScheduler();
        // Quartz keeps schedulers by name in a JVM-wide registry; two platforms in one JVM (tests) must
        // not get the same one, so this one is taken out of it: the platform owns it alone.
        SchedulerRepository.getInstance().remove(scheduler.getSchedulerName());
        scheduler.getContext().put(ImportJob.SERVICE, imports);
        scheduler.getContext().put(ImportJob.DIR, dir);
        scheduler.getContext().put(ImportJob.MESSAGES, messages);
        scheduler.getContext().put(ImportJob.METRICS, metrics);
        JobDetail job = JobBuilder.newJob(ImportJob.class).withIdentity("imports").storeDurably().build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity("imports-schedule").forJob(job)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionDoNothing()).build();
        // Instances share one schedule: the trigger is replaced only when the configured cron changed, since a
        // new trigger may fire again for the current period, which another instance has already run.
        if (!(scheduler.getTrigger(trigger.getKey()) instanceof CronTrigger existing && existing.getCronExpression().equals(cron))) {
            scheduler.scheduleJob(job, Set.of(trigger), true);
        }
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
