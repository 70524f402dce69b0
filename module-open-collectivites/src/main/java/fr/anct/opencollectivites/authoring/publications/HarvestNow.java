package fr.anct.opencollectivites.authoring.publications;

import static fr.anct.opencollectivites.repository.NodeProperties.string;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.publications.PublicationPaths;
import fr.anct.opencollectivites.publications.harvest.Harvester;
import fr.anct.opencollectivites.publications.harvest.SourceRun;
import fr.anct.opencollectivites.publications.harvest.SourceSettings;
import fr.anct.opencollectivites.security.AuditLog;

/**
 * "Harvest this source now", one rule for the authoring page and the authoring API: a user may harvest a
 * source when their own repository session may change it (set a property on the live source node:
 * publishers and administrators, since a harvest updates the source and may publish its items). A
 * disabled source can be harvested by hand (to try it before enabling it). One manual harvest of a source
 * at a time; each is recorded in the audit log.
 */
public final class HarvestNow {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final Harvester harvester;
    private final AuditLog audit;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public HarvestNow(Harvester harvester, AuditLog audit) {
        this.harvester = harvester;
        this.audit = audit;
    }

    /** A source as the sources page lists it. */
    public record SourceRow(String code, String name, String kind, String url, boolean enabled, boolean autoPublish,
                            OffsetDateTime lastRunAt, String lastStatus, String lastError, Long lastItemCount,
                            boolean mayHarvest) {
    }

    /** Why a manual harvest was refused; {@code key} names the French message. */
    public static final class Refused extends Exception {
        public enum Reason { NOT_FOUND, FORBIDDEN, RUNNING }

        private final Reason reason;

        Refused(Reason reason, String code) {
            super(reason + ": " + code);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }

        public String key() {
            return switch (reason) {
                case NOT_FOUND -> "publications.harvestNow.error.notFound";
                case FORBIDDEN -> "publications.harvestNow.error.forbidden";
                case RUNNING -> "publications.harvestNow.error.running";
            };
        }
    }

    /** The sources the session reads, by name, each with whether this session may harvest it. */
    public List<SourceRow> sources(Session session) throws RepositoryException {
        List<SourceRow> rows = new ArrayList<>();
        if (!session.nodeExists(PublicationPaths.liveSources())) {
            return rows;
        }
        for (NodeIterator it = session.getNode(PublicationPaths.liveSources()).getNodes(); it.hasNext(); ) {
            Node node = it.nextNode();
            if (node.isNodeType("oc:source")) {
                SourceSettings source = SourceSettings.read(node);
                String name = string(node, "name");
                rows.add(new SourceRow(node.getName(), name == null ? node.getName() : name, source.kind(), source.url(),
                        source.enabled(), source.autoPublish(), source.lastRunAt(), string(node, "lastStatus"),
                        string(node, "lastError"),
                        node.hasProperty("lastItemCount") ? node.getProperty("lastItemCount").getLong() : null,
                        mayHarvest(session, node.getPath())));
            }
        }
        rows.sort(Comparator.comparing((SourceRow row) -> row.name().toLowerCase(java.util.Locale.ROOT))
                .thenComparing(SourceRow::code));
        return rows;
    }

    /** A source the session reads, by the name of its node; empty when there is none (or a malformed name). */
    public java.util.Optional<SourceRow> source(Session session, String code) throws RepositoryException {
        if (code == null || !CODE.matcher(code).matches()) {
            return java.util.Optional.empty();
        }
        return sources(session).stream().filter(row -> row.code().equals(code)).findFirst();
    }

    /**
     * Harvests the source now, if the session's user may: the check runs in their session, the harvest
     * itself as the scheduled one does (its own system session, a failure rolled back and reported in the run).
     */
    public SourceRun harvest(Session session, String userId, String code) throws RepositoryException, Refused {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new Refused(Refused.Reason.NOT_FOUND, String.valueOf(code));
        }
        String path = PublicationPaths.liveSources() + "/" + code;
        if (!session.nodeExists(path) || !session.getNode(path).isNodeType("oc:source")) {
            throw new Refused(Refused.Reason.NOT_FOUND, code);
        }
        if (!mayHarvest(session, path)) {
            throw new Refused(Refused.Reason.FORBIDDEN, code);
        }
        if (!running.add(code)) {
            throw new Refused(Refused.Reason.RUNNING, code);
        }
        try {
            SourceRun run = harvester.harvest(code);
            audit.record(userId, "source.harvest", code, run.status().value()
                    + (run.error() == null ? " +" + run.created() + " ~" + run.updated() : " " + run.error()));
            return run;
        } finally {
            running.remove(code);
        }
    }

    private static boolean mayHarvest(Session session, String sourcePath) throws RepositoryException {
        return session.hasPermission(sourcePath + "/lastStatus", Session.ACTION_SET_PROPERTY);
    }
}
