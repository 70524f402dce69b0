package fr.anct.opencollectivites.publications;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.quartz.SchedulerException;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.repository.SessionProvider;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.publications.catalogue.CatalogueService;
import fr.anct.opencollectivites.publications.catalogue.PublicationIndex;
import fr.anct.opencollectivites.publications.catalogue.PublicationResource;
import fr.anct.opencollectivites.publications.harvest.FetchLimits;
import fr.anct.opencollectivites.publications.harvest.Harvester;
import fr.anct.opencollectivites.publications.harvest.HttpFetcher;
import fr.anct.opencollectivites.publications.harvest.OutboundPolicy;
import fr.anct.opencollectivites.publications.links.BrokenLinksResource;
import fr.anct.opencollectivites.publications.links.LinkCheckSettings;
import fr.anct.opencollectivites.publications.links.LinkChecker;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.tagging.PublicationTagger;

/**
 * Everything of publications the platform starts, in order: the taxonomy seed, the catalogue index,
 * the harvester and link checker, their Quartz jobs; and the HTTP resources to register. Close it
 * before the repository.
 */
public final class PublicationsFeature implements AutoCloseable {
    private final List<Object> resources = new ArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final Harvester harvester;
    private final LinkChecker linkChecker;
    private CatalogueService catalogue;

    /**
     * @param harvestCron   {@code harvest.schedule}, e.g. {@code 0 0/15 * * * ?}; null: no scheduled harvest
     * @param linkCheckCron {@code linkcheck.schedule}, e.g. {@code 0 30 4 ? * SUN}; null: no scheduled check
     */
    public PublicationsFeature(OakRepository repository, ContentTypeRegistry contentTypes, Messages messages,
                               PublicationTagger tagger, String harvestCron, String linkCheckCron) throws SchedulerException {
        this(repository, SessionProvider.anonymous(repository), contentTypes, messages, tagger, harvestCron, linkCheckCron,
                Clock.systemUTC());
    }

    /**
     * @param publicSessions the anonymous sessions the catalogue reads with (the delivery API's per-thread ones)
     * @param clock          the platform's clock: when a publication was harvested, a link checked
     */
    public PublicationsFeature(OakRepository repository, SessionProvider publicSessions, ContentTypeRegistry contentTypes,
                               Messages messages, PublicationTagger tagger, String harvestCron, String linkCheckCron,
                               Clock clock) throws SchedulerException {
        this(repository, publicSessions, contentTypes, messages, tagger, harvestCron, linkCheckCron, OutboundPolicy.DEFAULT,
                clock);
    }

    /** @param outbound where the harvest and the link checker may connect ({@code outbound.*} settings) */
    public PublicationsFeature(OakRepository repository, SessionProvider publicSessions, ContentTypeRegistry contentTypes,
                               Messages messages, PublicationTagger tagger, String harvestCron, String linkCheckCron,
                               OutboundPolicy outbound) throws SchedulerException {
        this(repository, publicSessions, contentTypes, messages, tagger, harvestCron, linkCheckCron, outbound,
                Clock.systemUTC());
    }

    public PublicationsFeature(OakRepository repository, SessionProvider publicSessions, ContentTypeRegistry contentTypes,
                               Messages messages, PublicationTagger tagger, String harvestCron, String linkCheckCron,
                               OutboundPolicy outbound, Clock clock) throws SchedulerException {
        new TaxonomySeeder(repository, contentTypes).seed();
        harvester = new Harvester(repository, contentTypes, tagger, new HttpFetcher(FetchLimits.DEFAULT, outbound), messages,
                clock);
        linkChecker = new LinkChecker(repository, contentTypes, messages, LinkCheckSettings.DEFAULT, outbound, clock);
        try {
            PublicationIndex index = new PublicationIndex(repository, Duration.ofMillis(200)).start();
            toClose.add(index);
            catalogue = new CatalogueService(index, publicSessions, contentTypes);
            resources.add(new PublicationResource(catalogue, messages));
            resources.add(new BrokenLinksResource(linkChecker, messages));
            if (harvestCron != null || linkCheckCron != null) {
                toClose.add(new PublicationJobs(harvester, harvestCron, linkChecker, linkCheckCron));
            }
        } catch (SchedulerException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public List<Object> resources() {
        return resources;
    }

    /** The catalogue of live publications (the citizens' site shows it). */
    public CatalogueService catalogue() {
        return catalogue;
    }

    public Harvester harvester() {
        return harvester;
    }

    public LinkChecker linkChecker() {
        return linkChecker;
    }

    @Override
    public void close() {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(PublicationsFeature.class).warn("Closing {} failed", toClose.get(i), e);
            }
        }
        toClose.clear();
    }
}
