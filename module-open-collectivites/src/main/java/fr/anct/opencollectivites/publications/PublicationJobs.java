package fr.anct.opencollectivites.publications;

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

import fr.anct.opencollectivites.publications.harvest.Harvester;
import fr.anct.opencollectivites.publications.harvest.SourceRun;
import fr.anct.opencollectivites.publications.links.LinkChecker;

/**
 * The periodic work of publications on Quartz: a harvest run ({@code harvest.schedule}) that harvests
 * each source when it is due by its own {@code schedule} (every run when it has none), and a link
 * check ({@code linkcheck.schedule}). A run never overlaps the previous one of the same job.
 */
public final class PublicationJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PublicationJobs.class);
    public static final String HARVESTER = "harvester";
    public static final String LINK_CHECKER = "linkChecker";
    private final Scheduler scheduler;

    /** @param harvestCron, linkCheckCron Quartz cron expressions; null: that job is not scheduled */
    public PublicationJobs(Harvester harvester, String harvestCron, LinkChecker linkChecker, String linkCheckCron)
            throws SchedulerException {
        Properties properties = new Properties();
        // one scheduler per platform: Quartz shares schedulers of the same name within a JVM
        properties.setProperty("org.quartz.scheduler.instanceName", "open-collectivites-publications-" + UUID.randomUUID());
        properties.setProperty("org.quartz.threadPool.threadCount", "2");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        scheduler = new StdSchedulerFactory(properties).getScheduler();
        scheduler.getContext().put(HARVESTER, harvester);
        scheduler.getContext().put(LINK_CHECKER, linkChecker);
        try {
            if (harvestCron != null && !harvestCron.isBlank()) {
                schedule(HarvestJob.class, "harvest", harvestCron);
            }
            if (linkCheckCron != null && !linkCheckCron.isBlank()) {
                schedule(LinkCheckJob.class, "linkcheck", linkCheckCron);
            }
            scheduler.start();
        } catch (SchedulerException | RuntimeException e) {
            scheduler.shutdown(false);
            throw e;
        }
    }

    private void schedule(Class<? extends Job> job, String name, String cron) throws SchedulerException {
        scheduler.scheduleJob(JobBuilder.newJob(job).withIdentity(name).build(),
                TriggerBuilder.newTrigger().withIdentity(name + "-schedule")
                        .withSchedule(CronScheduleBuilder.cronSchedule(cron)).build());
        LOG.info("Publications: {} scheduled ({})", name, cron);
    }

    @Override
    public void close() throws SchedulerException {
        scheduler.shutdown(true);
    }

    /** Harvests the sources that are due. */
    @DisallowConcurrentExecution
    public static final class HarvestJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            try {
                Harvester harvester = (Harvester) context.getScheduler().getContext().get(HARVESTER);
                var runs = harvester.harvestDue();
                long failed = runs.stream().filter(run -> run.status() == SourceRun.Status.ERROR).count();
                LOG.info("Scheduled harvest: {} sources, {} failed", runs.size(), failed);
            } catch (SchedulerException | RuntimeException e) {
                LOG.error("Scheduled harvest failed: {}", e.getMessage(), e);
            }
        }
    }

    /** Checks every publication's link. */
    @DisallowConcurrentExecution
    public static final class LinkCheckJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            try {
                ((LinkChecker) context.getScheduler().getContext().get(LINK_CHECKER)).checkAll();
            } catch (SchedulerException | RuntimeException e) {
                LOG.error("Scheduled link check failed: {}", e.getMessage(), e);
            }
        }
    }
}
