package fr.anct.opencollectivites.webapp;

import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;

import fr.anct.opencollectivites.operations.QuartzJobStore;
import fr.anct.opencollectivites.repository.ClusterDatabase;

/**
 * Quartz schedulers of the platform. Embedded, the schedule lives in memory; on PostgreSQL it lives in
 * Quartz's tables, clustered, so that each firing runs on exactly one instance.
 */
final class Schedulers {
    private Schedulers() {
    }

    /** @param clusterName the same on every instance: Quartz's cluster is the instances sharing it */
    static Scheduler create(String clusterName, Optional<ClusterDatabase> database) throws SchedulerException {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.threadPool.threadCount", "1");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        if (database.isPresent()) {
            properties.setProperty("org.quartz.scheduler.instanceName", clusterName);
            properties.setProperty("org.quartz.scheduler.instanceId", "AUTO");
            properties.putAll(QuartzJobStore.clusteredProperties(database.get()));
        } else {
            // one scheduler per platform: Quartz shares schedulers of the same name within a JVM
            properties.setProperty("org.quartz.scheduler.instanceName", clusterName + "-" + UUID.randomUUID());
            properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        }
        Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
        // Quartz keeps schedulers by name in a JVM-wide registry; two platforms in one JVM (tests) must
        // not get the same one, so this one is taken out of it: the platform owns it alone.
        SchedulerRepository.getInstance().remove(scheduler.getSchedulerName());
        return scheduler;
    }

    /**
     * Schedules a job on a cron expression. Instances share one schedule: the trigger is replaced only
     * when the configured cron changed, since a new trigger may fire again for the current period, which
     * another instance has already run.
     */
    static void schedule(Scheduler scheduler, Class<? extends Job> jobClass, String name, String cron)
            throws SchedulerException {
        JobDetail job = JobBuilder.newJob(jobClass).withIdentity(name).storeDurably().build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(name + "-schedule").forJob(job)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionDoNothing()).build();
        if (!(scheduler.getTrigger(trigger.getKey()) instanceof CronTrigger existing && existing.getCronExpression().equals(cron))) {
            scheduler.scheduleJob(job, Set.of(trigger), true);
        }
    }
}
