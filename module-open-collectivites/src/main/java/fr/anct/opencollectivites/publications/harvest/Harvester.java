package fr.anct.opencollectivites.publications.harvest;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ContentValidationException;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.content.WriteOutcome;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.publications.PublicationPaths;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.tagging.PublicationTagger;

/**
 * Harvests the sources under {@code /publications/sources}: RSS/Atom feeds by conditional GET,
 * OpenDataSoft catalogues incrementally. Each source is harvested in its own session and save: one
 * that fails (network, refused XML, oversize, invalid data) rolls back its own items only, keeps what
 * was stored, and gets {@code lastStatus=error} with a French {@code lastError}; the others go on.
 */
public final class Harvester {
    static final String FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1";
    private static final Logger LOG = LoggerFactory.getLogger(Harvester.class);

    private final OakRepository repository;
    private final ContentTypeDefinition sourceType;
    private final PublicationWriter publications;
    private final HttpFetcher fetcher;
    private final FeedParser feeds = new FeedParser();
    private final OpenDataSoftClient catalogues;
    private final Messages messages;
    private final Clock clock;
    private final ContentWriter writer = new ContentWriter();

    public Harvester(OakRepository repository, ContentTypeRegistry contentTypes, PublicationTagger tagger,
                     HttpFetcher fetcher, Messages messages, Clock clock) {
        this.repository = repository;
        this.sourceType = contentTypes.require(PublicationPaths.SOURCE_TYPE);
        this.publications = new PublicationWriter(contentTypes.require(PublicationPaths.PUBLICATION_TYPE), tagger);
        this.fetcher = fetcher;
        this.catalogues = new OpenDataSoftClient(fetcher);
        this.messages = messages;
        this.clock = clock;
    }

    public Harvester(OakRepository repository, ContentTypeRegistry contentTypes, PublicationTagger tagger, Messages messages) {
        this(repository, contentTypes, tagger, new HttpFetcher(FetchLimits.DEFAULT), messages, Clock.systemUTC());
    }

    /** How harvested items are tagged: the editors' preview shows the same tags for the same text. */
    public HarvestTagging tagging() {
        return publications.tagging();
    }

    /** Harvests every enabled source, whatever its schedule. */
    public List<SourceRun> harvestAll() {
        List<SourceRun> runs = new ArrayList<>();
        for (String code : enabledSources(false)) {
            runs.add(harvest(code));
        }
        return runs;
    }

    /**
     * Harvests the enabled sources that are due: a source without {@code schedule} at every call, one
     * with a Quartz cron expression when a fire time passed since its last run.
     */
    public List<SourceRun> harvestDue() {
        List<SourceRun> runs = new ArrayList<>();
        for (String code : enabledSources(true)) {
            runs.add(harvest(code));
        }
        return runs;
    }

    private List<String> enabledSources(boolean dueOnly) {
        Date now = Date.from(clock.instant());
        return repository.withSystemSession(session -> {
            List<String> codes = new ArrayList<>();
            if (!session.nodeExists(PublicationPaths.liveSources())) {
                return codes;
            }
            for (NodeIterator it = session.getNode(PublicationPaths.liveSources()).getNodes(); it.hasNext(); ) {
                Node node = it.nextNode();
                if (!node.isNodeType("oc:source")) {
                    continue;
                }
                SourceSettings source = SourceSettings.read(node);
                if (source.enabled() && (!dueOnly || isDue(source, now))) {
                    codes.add(node.getName());
                }
            }
            codes.sort(null);
            return codes;
        });
    }

    static boolean isDue(SourceSettings source, Date now) {
        if (source.schedule() == null || source.schedule().isBlank() || source.lastRunAt() == null) {
            return true;
        }
        try {
            Date next = new CronExpression(source.schedule()).getNextValidTimeAfter(Date.from(source.lastRunAt().toInstant()));
            return next != null && !next.after(now);
        } catch (java.text.ParseException e) {
            LOG.warn("Source {}: invalid schedule '{}', harvested at every run", source.code(), source.schedule());
            return true;
        }
    }

    /** Harvests one source, by the name of its node under {@code /publications/sources}. */
    public SourceRun harvest(String sourceName) {
        return repository.withSystemSession(session -> {
            Node node = session.getNode(PublicationPaths.liveSources() + "/" + sourceName);
            SourceSettings source = SourceSettings.read(node);
            Map<String, Object> status = new LinkedHashMap<>();
            OffsetDateTime startedAt = OffsetDateTime.now(clock);
            SourceRun run;
            try {
                run = fetchAndWrite(session, source, status);
                session.save();
                status.put("lastSuccessAt", startedAt);
                status.put("lastError", null);
            } catch (HarvestProblem problem) {
                session.refresh(false);
                status.clear();
                run = failed(source, messages.get(problem.messageKey(), problem.arguments()));
                LOG.warn("Source {} not harvested: {}", source.code(), run.error(), problem.getCause());
            } catch (ContentValidationException e) {
                session.refresh(false);
                status.clear();
                run = failed(source, messages.get("publications.harvest.error.invalidItem", source.url(), e.getMessage()));
                LOG.warn("Source {} not harvested: {}", source.code(), e.getMessage());
            } catch (RuntimeException | RepositoryException e) {
                session.refresh(false);
                status.clear();
                run = failed(source, messages.get("publications.harvest.error.unexpected", source.url()));
                LOG.error("Source {} not harvested", source.code(), e);
            }
            status.put("lastRunAt", startedAt);
            status.put("lastStatus", run.status().value());
            if (run.error() != null) {
                status.put("lastError", run.error());
            } else if (run.status() == SourceRun.Status.OK) {
                status.put("lastItemCount", (long) (run.created() + run.updated() + run.unchanged()));
            }
            try {
                writer.update(session.getNode(source.path()), sourceType, status);
                session.save();
            } catch (ContentValidationException e) {
                throw new IllegalStateException("Source status does not fit its content type: " + e.getMessage(), e);
            }
            LOG.info("Source {} harvested: {}", source.code(), run);
            return run;
        });
    }

    private static SourceRun failed(SourceSettings source, String error) {
        return new SourceRun(source.code(), SourceRun.Status.ERROR, 0, 0, 0, error);
    }

    private SourceRun fetchAndWrite(Session session, SourceSettings source, Map<String, Object> status)
            throws HarvestProblem, RepositoryException, ContentValidationException {
        URI uri;
        try {
            uri = URI.create(source.url().strip());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new HarvestProblem(e, "publications.harvest.error.invalidUrl", source.url());
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new HarvestProblem("publications.harvest.error.invalidUrl", source.url());
        }
        List<HarvestedItem> items;
        if (SourceSettings.OPENDATASOFT.equals(source.kind())) {
            OpenDataSoftClient.Catalogue catalogue = catalogues.read(source.url(), source.modifiedSince());
            items = catalogue.items();
            status.put("modifiedSince", catalogue.newestModified());
        } else if (SourceSettings.FEED.equals(source.kind())) {
            FetchResult fetched = fetcher.get(uri, FEED_ACCEPT, source.etag(), source.lastModifiedHeader());
            if (fetched.notModified()) {
                return new SourceRun(source.code(), SourceRun.Status.NOT_MODIFIED, 0, 0, 0, null);
            }
            items = feeds.parse(fetched.body(), fetched.contentType(), fetched.uri());
            status.put("etag", fetched.etag());
            status.put("lastModifiedHeader", fetched.lastModified());
        } else {
            throw new HarvestProblem("publications.harvest.error.unknownKind", source.kind());
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (HarvestedItem item : items) {
            WriteOutcome outcome = publications.write(session, source, item);
            switch (outcome) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                default -> unchanged++;
            }
        }
        return new SourceRun(source.code(), SourceRun.Status.OK, created, updated, unchanged, null);
    }
}
