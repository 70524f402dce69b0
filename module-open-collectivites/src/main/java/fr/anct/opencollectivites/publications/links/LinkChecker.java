package fr.anct.opencollectivites.publications.links;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ContentValidationException;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.publications.harvest.OutboundPolicy;
import fr.anct.opencollectivites.publications.PublicationPaths;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.repository.Workspaces;

/**
 * Checks the link of every publication, live and draft: a broken one gets {@code linkStatus=broken},
 * a French {@code linkError} and {@code linkCheckedAt}, and is listed for editors
 * ({@link #brokenLinks()}); it is never deleted. A link that works again goes back to {@code ok}.
 * The network is used outside any repository session; results are saved in batches.
 */
public final class LinkChecker {
    public static final String OK = "ok";
    public static final String BROKEN = "broken";
    private static final int BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(LinkChecker.class);

    private final OakRepository repository;
    private final ContentTypeDefinition publicationType;
    private final LinkProbe probe;
    private final Clock clock;
    private final ContentWriter writer = new ContentWriter();

    /** Checks links on public addresses only ({@link OutboundPolicy#DEFAULT}). */
    public LinkChecker(OakRepository repository, ContentTypeRegistry contentTypes, Messages messages,
                       LinkCheckSettings settings, Clock clock) {
        this(repository, contentTypes, messages, settings, OutboundPolicy.DEFAULT, clock);
    }

    public LinkChecker(OakRepository repository, ContentTypeRegistry contentTypes, Messages messages,
                       LinkCheckSettings settings, OutboundPolicy outbound, Clock clock) {
        this.repository = repository;
        this.publicationType = contentTypes.require(PublicationPaths.PUBLICATION_TYPE);
        this.probe = new LinkProbe(settings, outbound, messages);
        this.clock = clock;
    }

    /** What one run found. */
    public record Report(int checked, int broken) {
    }

    /** A publication whose link is broken, for editors. */
    public record BrokenLink(String path, boolean draft, String title, String link, String error, String checkedAt) {
    }

    public Report checkAll() {
        Map<String, String> links = repository.withSystemSession(LinkChecker::publicationLinks);
        Map<String, LinkProbe.Result> results = new LinkedHashMap<>();
        int broken = 0;
        try {
            for (Map.Entry<String, String> link : links.entrySet()) {
                LinkProbe.Result result = probe.check(link.getValue());
                results.put(link.getKey(), result);
                broken += result.broken() ? 1 : 0;
                if (results.size() >= BATCH) {
                    save(results);
                    results.clear();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Link check interrupted; the links checked so far are recorded");
        }
        save(results);
        LOG.info("Link check: {} links checked, {} broken", links.size(), broken);
        return new Report(links.size(), broken);
    }

    private static Map<String, String> publicationLinks(Session session) throws RepositoryException {
        Map<String, String> links = new LinkedHashMap<>();
        for (NodeIterator nodes = query(session, "SELECT * FROM [oc:publication] AS p").getNodes(); nodes.hasNext(); ) {
            Node node = nodes.nextNode();
            if (node.hasProperty("link")) {
                links.put(node.getPath(), node.getProperty("link").getString());
            }
        }
        return links;
    }

    private void save(Map<String, LinkProbe.Result> results) {
        if (results.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        repository.withSystemSession(session -> {
            for (Map.Entry<String, LinkProbe.Result> result : results.entrySet()) {
                if (!session.nodeExists(result.getKey())) {
                    continue; // removed while its link was being checked
                }
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("linkStatus", result.getValue().broken() ? BROKEN : OK);
                values.put("linkError", result.getValue().error());
                values.put("linkCheckedAt", now);
                try {
                    writer.update(session.getNode(result.getKey()), publicationType, values);
                } catch (ContentValidationException e) {
                    throw new IllegalStateException("Link status does not fit the publication type: " + e.getMessage(), e);
                }
            }
            session.save();
            return null;
        });
    }

    /** Every publication, live or draft, whose link is broken (editors only: drafts are listed). */
    public List<BrokenLink> brokenLinks() {
        return repository.withSystemSession(session -> {
            List<BrokenLink> broken = new ArrayList<>();
            String statement = "SELECT * FROM [oc:publication] AS p WHERE p.[linkStatus] = '" + BROKEN + "'";
            for (NodeIterator nodes = query(session, statement).getNodes(); nodes.hasNext(); ) {
                Node node = nodes.nextNode();
                broken.add(new BrokenLink(node.getPath(), node.getPath().startsWith(Workspaces.AUTHORING_ROOT + "/"),
                        string(node, "title"), string(node, "link"), string(node, "linkError"),
                        node.hasProperty("linkCheckedAt")
                                ? node.getProperty("linkCheckedAt").getDate().toInstant().toString() : null));
            }
            broken.sort(java.util.Comparator.comparing(BrokenLink::path));
            return broken;
        });
    }

    private static String string(Node node, String name) throws RepositoryException {
        return node.hasProperty(name) ? node.getProperty(name).getString() : null;
    }

    private static javax.jcr.query.QueryResult query(Session session, String statement) throws RepositoryException {
        return session.getWorkspace().getQueryManager().createQuery(statement, Query.JCR_SQL2).execute();
    }
}
