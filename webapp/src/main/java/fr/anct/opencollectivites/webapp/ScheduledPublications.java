package fr.anct.opencollectivites.webapp;

import java.util.Optional;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import fr.anct.opencollectivites.publications.PublicationJobs;
import fr.anct.opencollectivites.publications.PublicationsFeature;
import fr.anct.opencollectivites.repository.ClusterDatabase;

/**
 * The publications harvest ({@code harvest.schedule}) and link check ({@code linkcheck.schedule}) on
 * the platform's Quartz: on PostgreSQL each firing runs on exactly one instance of the cluster.
 */
final class ScheduledPublications implements AutoCloseable {
    private final Scheduler scheduler;

    ScheduledPublications(PublicationsFeature publications, Optional<String> harvestCron, Optional<String> linkCheckCron,
                          Optional<ClusterDatabase> database) throws SchedulerException {
        scheduler = Schedulers.create("open-collectivites-publications", database);
        scheduler.getContext().put(PublicationJobs.HARVESTER, publications.harvester());
        scheduler.getContext().put(PublicationJobs.LINK_CHECKER, publications.linkChecker());
        if (harvestCron.isPresent()) {
            Schedulers.schedule(scheduler, PublicationJobs.HarvestJob.class, "harvest", harvestCron.get());
        }
        if (linkCheckCron.isPresent()) {
            Schedulers.schedule(scheduler, PublicationJobs.LinkCheckJob.class, "linkcheck", linkCheckCron.get());
        }
        scheduler.start();
    }

    @Override
    public void close() throws SchedulerException {
        scheduler.shutdown(true);
    }
}
