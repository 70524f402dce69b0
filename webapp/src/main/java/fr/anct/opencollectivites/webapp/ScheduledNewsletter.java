package fr.anct.opencollectivites.webapp;

import java.util.Optional;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.newsletter.NewsletterJob;
import fr.anct.opencollectivites.newsletter.NewsletterService;
import fr.anct.opencollectivites.repository.ClusterDatabase;

/** Sends the newsletter digests and purges unconfirmed subscriptions on {@code newsletter.schedule}, once per cluster. */
final class ScheduledNewsletter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledNewsletter.class);
    private final Scheduler scheduler;

    ScheduledNewsletter(NewsletterService newsletter, String cron, Optional<ClusterDatabase> database)
            throws SchedulerException {
        scheduler = Schedulers.create("open-collectivites-newsletter", database);
        scheduler.getContext().put(NewsletterJob.SERVICE, newsletter);
        Schedulers.schedule(scheduler, NewsletterJob.class, "newsletter", cron);
        scheduler.start();
        LOG.info("Newsletter digests scheduled: {}", cron);
    }

    @Override
    public void close() throws SchedulerException {
        scheduler.shutdown(true);
    }
}
