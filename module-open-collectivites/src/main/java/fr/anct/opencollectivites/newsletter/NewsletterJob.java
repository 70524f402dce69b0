package fr.anct.opencollectivites.newsletter;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/**
 * Quartz job: purges the unconfirmed subscriptions, then sends the digests. The composition root puts
 * the {@link NewsletterService} in the scheduler context under {@link #SERVICE} and schedules the job
 * (e.g. {@code newsletter.schedule = 0 0 7 * * ?}, every morning).
 */
@DisallowConcurrentExecution
public final class NewsletterJob implements Job {
    public static final String SERVICE = NewsletterService.class.getName();

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            NewsletterService newsletter = (NewsletterService) context.getScheduler().getContext().get(SERVICE);
            if (newsletter == null) {
                throw new JobExecutionException("No " + SERVICE + " in the scheduler context");
            }
            newsletter.purgeUnconfirmed();
            newsletter.sendDigests();
        } catch (SchedulerException e) {
            throw new JobExecutionException(e);
        } catch (RuntimeException e) {
            throw new JobExecutionException(e);
        }
    }
}
