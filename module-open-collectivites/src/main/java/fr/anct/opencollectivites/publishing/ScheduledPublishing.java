package fr.anct.opencollectivites.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.security.AuditLog;
import fr.anct.opencollectivites.security.SecurityPaths;

/**
 * Carries out scheduled publishes and unpublishes: a Quartz job looks every 30 seconds for publication
 * records whose {@code oc:publishAt} or {@code oc:unpublishAt} has passed, so an item goes live (or
 * leaves) within a minute of its time; in a cluster, on one instance at a time. Runs with the system session: only someone allowed to write the
 * record (a publisher, an administrator, the mini-site's team) can have scheduled it, and the audit
 * names them. What goes live is the content approved when the publish was scheduled
 * ({@link Workflow#publishScheduled}), never a later edit. Both properties are indexed, so the look-up never traverses.
 */
public final class ScheduledPublishing implements AutoCloseable {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledPublishing.class);

    private final OakRepository repository;
    private final Workflow workflow;
    private final AuditLog audit;
    private final Clock clock;
    private Scheduler scheduler;

    public ScheduledPublishing(OakRepository repository, Workflow workflow, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.workflow = workflow;
        this.audit = audit;
        this.clock = clock;
    }

    /** Property indexes on the schedule properties; called by the repository bootstrap. */
    public static void installIndexes(Session session) throws RepositoryException {
        Node indexes = session.getNode("/oak:index");
        for (String property : new String[] {Workflow.PUBLISH_AT, Workflow.UNPUBLISH_AT}) {
            String name = "oc-" + property.substring(3);
            if (!indexes.hasNode(name)) {
                Node index = indexes.addNode(name, "oak:QueryIndexDefinition");
                index.setProperty("type", "property");
                index.setProperty("propertyNames", new String[] {property}, javax.jcr.PropertyType.NAME);
                index.setProperty("reindex", true);
            }
        }
    }

    /** Starts the look for due items on a scheduler of this process alone (one instance). */
    public ScheduledPublishing start(Duration interval) throws SchedulerException {
        return start(interval, Optional.empty());
    }

    /**
     * Starts the look for due items every {@code interval}. With a clustered job store (Quartz's tables
     * in the cluster's database), the look runs on one instance of the cluster at a time, never on two:
     * two instances could otherwise publish the same item at once.
     */
    public ScheduledPublishing start(Duration interval, Optional<Properties> clusteredJobStore) throws SchedulerException {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.threadPool.threadCount", "1");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        if (clusteredJobStore.isPresent()) {
            // the same name on every instance: Quartz's cluster is the instances sharing it
            properties.setProperty("org.quartz.scheduler.instanceName", "open-collectivites-publishing");
            properties.setProperty("org.quartz.scheduler.instanceId", "AUTO");
            properties.putAll(clusteredJobStore.get());
        } else {
            properties.setProperty("org.quartz.scheduler.instanceName", "open-collectivites-publishing-" + UUID.randomUUID());
            properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        }
        scheduler = new StdSchedulerFactory(properties).getScheduler();
        // Quartz keeps schedulers by name in a JVM-wide registry: this one is the platform's alone
        SchedulerRepository.getInstance().remove(scheduler.getSchedulerName());
        scheduler.getContext().put(DueJob.SERVICE, this);
        JobDetail job = JobBuilder.newJob(DueJob.class).withIdentity("scheduled-publishing").storeDurably().build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity("scheduled-publishing-trigger").forJob(job).startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount()).build();
        // a trigger shared by the cluster is replaced only when its interval changed
        if (!(scheduler.getTrigger(trigger.getKey()) instanceof SimpleTrigger existing
                && existing.getRepeatInterval() == interval.toMillis())) {
            scheduler.scheduleJob(job, Set.of(trigger), true);
        }
        scheduler.start();
        return this;
    }

    /** Publishes and unpublishes what is due now; returns how many actions were done. */
    public int runDue() {
        Instant now = clock.instant();
        int done = 0;
        for (String[] due : due(Workflow.PUBLISH_AT, now)) {
            done += act(due, true);
        }
        for (String[] due : due(Workflow.UNPUBLISH_AT, now)) {
            done += act(due, false);
        }
        return done;
    }

    private int act(String[] due, boolean publish) {
        ItemPath path = ItemPath.of(due[0], due[1]);
        String who = due[2];
        try {
            Optional<Integer> version = repository.withSystemSession(session -> {
                if (publish) {
                    return workflow.publishScheduled(session, path);
                }
                if (session.nodeExists(path.livePath())) {
                    workflow.unpublish(session, path);
                } else {
                    Node record = session.getNode(path.recordPath());
                    record.getProperty(Workflow.UNPUBLISH_AT).remove();
                    session.save();
                }
                return Optional.of(0);
            });
            if (publish && version.isEmpty()) {
                audit.record(who, "publish.scheduled.cancelled", path.toString(), "aucune version approuvée");
                return 0;
            }
            audit.record(who, publish ? "publish.scheduled" : "unpublish.scheduled", path.toString(),
                    publish ? "version " + version.get() : null);
            return 1;
        } catch (RuntimeException e) {
            LOG.error("Scheduled {} of {} failed: {}", publish ? "publish" : "unpublish", path, e.getMessage(), e);
            return 0;
        }
    }

    /** [workspace, relative path, scheduled by] of the records due. */
    private List<String[]> due(String property, Instant now) {
        return repository.withSystemSession(session -> {
            Query query = session.getWorkspace().getQueryManager().createQuery("SELECT * FROM [nt:base] AS n WHERE n.["
                    + property + "] IS NOT NULL AND ISDESCENDANTNODE(n, '" + SecurityPaths.PUBLISHING_ROOT + "')",
                    Query.JCR_SQL2);
            List<String[]> due = new ArrayList<>();
            for (NodeIterator it = query.execute().getNodes(); it.hasNext(); ) {
                Node record = it.nextNode();
                if (record.getProperty(property).getDate().toInstant().isAfter(now)) {
                    continue;
                }
                String relative = record.getPath().substring(SecurityPaths.PUBLISHING_ROOT.length() + 1);
                int slash = relative.indexOf('/');
                String who = record.hasProperty(Workflow.SCHEDULED_BY) ? record.getProperty(Workflow.SCHEDULED_BY).getString()
                        : "system";
                due.add(new String[] {relative.substring(0, slash), relative.substring(slash), who});
            }
            return due;
        });
    }

    @Override
    public void close() throws SchedulerException {
        if (scheduler != null) {
            scheduler.shutdown(true);
        }
    }

    /** The Quartz job: one look for due actions. */
    @DisallowConcurrentExecution
    public static final class DueJob implements Job {
        static final String SERVICE = "scheduledPublishing";

        @Override
        public void execute(JobExecutionContext context) {
            try {
                ((ScheduledPublishing) context.getScheduler().getContext().get(SERVICE)).runDue();
            } catch (SchedulerException | RuntimeException e) {
                LOG.error("Scheduled publishing failed: {}", e.getMessage(), e);
            }
        }
    }
}
