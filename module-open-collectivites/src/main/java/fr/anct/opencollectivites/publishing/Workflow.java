package fr.anct.opencollectivites.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;

import org.apache.jackrabbit.commons.JcrUtils;

import fr.anct.opencollectivites.repository.Workspaces;
import fr.anct.opencollectivites.security.AuditLog;

/**
 * The editorial workflow: draft → submitted → published, reject with a comment, unpublish, schedule,
 * versions with a property-by-property diff, restore. Works in the session it is given (the user's):
 * publishing writes the live tree and the item's publication record ({@code /oc:publishing/…}), which
 * only publishers, administrators and a mini-site's own team may write — so the repository refuses a
 * publish, reject, unpublish or schedule by anyone else. Each operation is one save: a reader sees a
 * publication whole or not at all.
 *
 * <p>Versions: every publish stores a copy of what was published under
 * {@code /oc:publishing/<ws>/<path>/oc:versions/<n>} (numbered from 1). Plain copies rather than Oak's
 * version store: they follow the same access control as the item, are readable with a plain
 * node read, and a restore is one more publish.
 */
public final class Workflow {
    static final String VERSIONS = "oc:versions";
    static final String LAST_VERSION = "oc:lastVersion";
    static final String PUBLISH_AT = "oc:publishAt";
    static final String UNPUBLISH_AT = "oc:unpublishAt";
    static final String SCHEDULED_BY = "oc:scheduledBy";
    /** The draft as it was when its publication was scheduled: what the scheduled publish puts live. */
    static final String SCHEDULED_CONTENT = "oc:scheduledContent";
    private static final String CONTENT = "content";

    private final AuditLog audit;
    private final Clock clock;

    public Workflow(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public record VersionInfo(int number, String publishedBy, Instant publishedAt) {
    }

    /** One property that differs: {@code path} is relative to the item ({@code title}, {@code main/0/text}). */
    public record Change(String path, String before, String after) {
    }

    public record Schedule(Instant publishAt, Instant unpublishAt, String scheduledBy) {
    }

    public void submit(Session session, ItemPath path) throws RepositoryException {
        Node draft = draft(session, path);
        WorkflowStatus status = Drafts.statusOf(draft);
        if (status == WorkflowStatus.SUBMITTED || status == WorkflowStatus.PUBLISHED) {
            throw new DraftException(DraftException.Reason.STATE, "authoring.error.state", status.value());
        }
        Drafts.markStatus(draft, WorkflowStatus.SUBMITTED, who(session), null);
        session.save();
        audit.record(who(session), "submit", path.toString(), null);
    }

    /** Sends a submitted draft back with a comment; the rejection is kept on the publication record. */
    public void reject(Session session, ItemPath path, String comment) throws RepositoryException {
        Node draft = draft(session, path);
        if (Drafts.statusOf(draft) != WorkflowStatus.SUBMITTED) {
            throw new DraftException(DraftException.Reason.STATE, "authoring.error.state", Drafts.statusOf(draft).value());
        }
        Node record = record(session, path);
        record.setProperty("oc:rejectedBy", who(session));
        record.setProperty("oc:rejectedAt", now());
        record.setProperty("oc:rejectionComment", comment);
        Drafts.markStatus(draft, WorkflowStatus.REJECTED, who(session), comment);
        session.save();
        audit.record(who(session), "reject", path.toString(), comment);
    }

    /** Copies the draft to the live tree and keeps a version; returns the version number. */
    public int publish(Session session, ItemPath path) throws RepositoryException {
        int version = publishUnsaved(session, path);
        session.save();
        audit.record(who(session), "publish", path.toString(), "version " + version);
        return version;
    }

    private int publishUnsaved(Session session, ItemPath path) throws RepositoryException {
        Node draft = draft(session, path);
        Node live = liveNode(session, path, draft);
        TreeCopy.sync(draft, live, TreeCopy.Mode.SAME_TYPES);
        Node record = record(session, path);
        Node version = newVersion(record, who(session), live);
        TreeCopy.sync(draft, version.addNode(CONTENT, "nt:unstructured"), TreeCopy.Mode.TO_VERSION);
        clearPublishSchedule(record);
        Drafts.markStatus(draft, WorkflowStatus.PUBLISHED, who(session), null);
        return Integer.parseInt(version.getName());
    }

    /**
     * The scheduled publish (run by {@link ScheduledPublishing} in the system session): puts live the
     * content approved when the publish was scheduled, not the draft as it is now, so an edit made after
     * scheduling is never published unreviewed; it stays a draft waiting for review. A schedule without
     * approved content (made before this rule) is cancelled rather than carried out.
     *
     * @return the version published, or empty when the schedule was cancelled
     */
    public Optional<Integer> publishScheduled(Session session, ItemPath path) throws RepositoryException {
        Node draft = draft(session, path);
        Node record = record(session, path);
        String approvedBy = record.hasProperty(SCHEDULED_BY) ? record.getProperty(SCHEDULED_BY).getString() : null;
        if (!record.hasNode(SCHEDULED_CONTENT) || approvedBy == null) {
            clearPublishSchedule(record);
            session.save();
            return Optional.empty();
        }
        Node approved = record.getNode(SCHEDULED_CONTENT);
        Node live = liveNode(session, path, draft);
        TreeCopy.sync(approved, live, TreeCopy.Mode.FROM_VERSION);
        boolean draftUnchanged = flatten(approved).equals(flatten(draft));
        Node version = newVersion(record, approvedBy, live);
        session.move(approved.getPath(), version.getPath() + "/" + CONTENT);
        clearPublishSchedule(record);
        if (draftUnchanged) {
            Drafts.markStatus(draft, WorkflowStatus.PUBLISHED, approvedBy, null);
        }
        session.save();
        return Optional.of(Integer.parseInt(version.getName()));
    }

    /**
     * Stamps the live node with the date and adds the next version record (its content is the caller's). Who
     * published is kept in the version only: the live tree is public and names no member of staff.
     */
    private Node newVersion(Node record, String publishedBy, Node live) throws RepositoryException {
        live.setProperty("mgnl:lastActivated", now());
        if (live.hasProperty("mgnl:lastActivatedBy")) {
            live.getProperty("mgnl:lastActivatedBy").remove();
        }
        Node versions = record.hasNode(VERSIONS) ? record.getNode(VERSIONS) : record.addNode(VERSIONS, "nt:unstructured");
        int number = record.hasProperty(LAST_VERSION) ? (int) record.getProperty(LAST_VERSION).getLong() + 1 : 1;
        Node version = versions.addNode(String.valueOf(number), "nt:unstructured");
        version.setProperty("publishedBy", publishedBy);
        version.setProperty("publishedAt", now());
        record.setProperty(LAST_VERSION, number);
        return version;
    }

    private static void clearPublishSchedule(Node record) throws RepositoryException {
        if (record.hasProperty(PUBLISH_AT)) {
            record.getProperty(PUBLISH_AT).remove();
        }
        if (record.hasNode(SCHEDULED_CONTENT)) {
            record.getNode(SCHEDULED_CONTENT).remove();
        }
    }

    /** Removes the item from the live tree; the draft stays. */
    public void unpublish(Session session, ItemPath path) throws RepositoryException {
        Node draft = draft(session, path);
        if (!session.nodeExists(path.livePath())) {
            throw new DraftException(DraftException.Reason.STATE, "authoring.error.notLive", path.toString());
        }
        session.getNode(path.livePath()).remove();
        Node record = record(session, path);
        record.setProperty("oc:unpublishedAt", now());
        if (record.hasProperty(UNPUBLISH_AT)) {
            record.getProperty(UNPUBLISH_AT).remove();
        }
        Drafts.markStatus(draft, WorkflowStatus.DRAFT, who(session), null);
        session.save();
        audit.record(who(session), "unpublish", path.toString(), null);
    }

    /** Plans a publish and/or an unpublish (null clears one); {@link ScheduledPublishing} carries them out. */
    public void schedule(Session session, ItemPath path, Instant publishAt, Instant unpublishAt)
            throws RepositoryException {
        Node draft = draft(session, path);
        // ScheduledPublishing carries the plan out with the system session: only who may publish (unpublish)
        // the item now may plan it, whoever else may write its record (a publisher, for a référentiel item).
        if (publishAt != null) {
            session.checkPermission(path.livePath(), Session.ACTION_ADD_NODE + "," + Session.ACTION_SET_PROPERTY);
        }
        if (unpublishAt != null) {
            session.checkPermission(path.livePath(), Session.ACTION_REMOVE);
        }
        Node record = record(session, path);
        if (record.hasNode(SCHEDULED_CONTENT)) {
            record.getNode(SCHEDULED_CONTENT).remove();
        }
        if (publishAt != null) {
            // the schedule approves the draft as it is now: that copy, not later edits, goes live
            TreeCopy.sync(draft, record.addNode(SCHEDULED_CONTENT, "nt:unstructured"), TreeCopy.Mode.TO_VERSION);
        }
        setOrRemove(record, PUBLISH_AT, publishAt);
        setOrRemove(record, UNPUBLISH_AT, unpublishAt);
        record.setProperty(SCHEDULED_BY, who(session));
        session.save();
        audit.record(who(session), "schedule", path.toString(),
                "publication " + publishAt + ", retrait " + unpublishAt);
    }

    public Optional<Schedule> schedule(Session session, ItemPath path) throws RepositoryException {
        if (!session.nodeExists(path.recordPath())) {
            return Optional.empty();
        }
        Node record = session.getNode(path.recordPath());
        Instant publishAt = instant(record, PUBLISH_AT);
        Instant unpublishAt = instant(record, UNPUBLISH_AT);
        if (publishAt == null && unpublishAt == null) {
            return Optional.empty();
        }
        return Optional.of(new Schedule(publishAt, unpublishAt,
                record.hasProperty(SCHEDULED_BY) ? record.getProperty(SCHEDULED_BY).getString() : null));
    }

    public List<VersionInfo> versions(Session session, ItemPath path) throws RepositoryException {
        List<VersionInfo> result = new ArrayList<>();
        String versionsPath = path.recordPath() + "/" + VERSIONS;
        if (!session.nodeExists(versionsPath)) {
            return result;
        }
        for (NodeIterator it = session.getNode(versionsPath).getNodes(); it.hasNext(); ) {
            Node version = it.nextNode();
            result.add(new VersionInfo(Integer.parseInt(version.getName()), version.getProperty("publishedBy").getString(),
                    version.getProperty("publishedAt").getDate().toInstant()));
        }
        result.sort((a, b) -> Integer.compare(a.number(), b.number()));
        return result;
    }

    /**
     * The changes from one version to another; version 0 stands for the current draft. Properties of
     * areas, components and sub-models appear with their relative path.
     */
    public List<Change> diff(Session session, ItemPath path, int from, int to) throws RepositoryException {
        Map<String, String> before = flatten(side(session, path, from));
        Map<String, String> after = flatten(side(session, path, to));
        List<Change> changes = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                changes.add(new Change(key, before.get(key), after.get(key)));
            }
        }
        return changes;
    }

    /** Puts a version back into the draft and publishes it (a new version); returns the new number. */
    public int restore(Session session, ItemPath path, int number) throws RepositoryException {
        Node draft = draft(session, path);
        TreeCopy.sync(version(session, path, number), draft, TreeCopy.Mode.FROM_VERSION);
        draft.setProperty("mgnl:lastModified", now());
        int published = publishUnsaved(session, path);
        session.save();
        audit.record(who(session), "restore", path.toString(), "version " + number + " → " + published);
        return published;
    }

    private Node side(Session session, ItemPath path, int number) throws RepositoryException {
        return number == 0 ? draft(session, path) : version(session, path, number);
    }

    private static Node version(Session session, ItemPath path, int number) throws RepositoryException {
        String versionPath = path.recordPath() + "/" + VERSIONS + "/" + number + "/" + CONTENT;
        if (number < 1 || !session.nodeExists(versionPath)) {
            throw new DraftException(DraftException.Reason.NOT_FOUND, "authoring.error.noVersion", number);
        }
        return session.getNode(versionPath);
    }

    private static Map<String, String> flatten(Node root) throws RepositoryException {
        Map<String, String> values = new TreeMap<>();
        flatten(root, "", values);
        return values;
    }

    private static void flatten(Node node, String prefix, Map<String, String> values) throws RepositoryException {
        for (PropertyIterator it = node.getProperties(); it.hasNext(); ) {
            Property property = it.nextProperty();
            String name = property.getName();
            if (name.contains(":")) {
                continue;
            }
            if (property.isMultiple()) {
                List<String> items = new ArrayList<>();
                for (Value value : property.getValues()) {
                    items.add(value.getString());
                }
                values.put(prefix + name, String.join(", ", items));
            } else {
                values.put(prefix + name, property.getString());
            }
        }
        for (NodeIterator it = node.getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            if (!TreeCopy.isSeparateItem(child, TreeCopy.Mode.FROM_VERSION)) {
                flatten(child, prefix + child.getName() + "/", values);
            }
        }
    }

    private static Node draft(Session session, ItemPath path) throws RepositoryException {
        if (!session.nodeExists(path.draftPath())) {
            throw new DraftException(DraftException.Reason.NOT_FOUND, "authoring.error.notFound", path.toString());
        }
        return session.getNode(path.draftPath());
    }

    /** The live node, created with its missing ancestors when these are folders (a page's parent page must be live). */
    private static Node liveNode(Session session, ItemPath path, Node draft) throws RepositoryException {
        if (session.nodeExists(path.livePath())) {
            return session.getNode(path.livePath());
        }
        String parentLive = path.livePath().substring(0, path.livePath().lastIndexOf('/'));
        if (!session.nodeExists(parentLive)) {
            Node draftParent = draft.getParent();
            if (!draftParent.isNodeType("mgnl:folder")) {
                throw new DraftException(DraftException.Reason.STATE, "authoring.error.parentNotLive", path.toString());
            }
            JcrUtils.getOrCreateByPath(parentLive, "mgnl:folder", session);
        }
        return session.getNode(parentLive).addNode(path.name(), draft.getPrimaryNodeType().getName());
    }

    /** The publication record; only those who may publish the item may write it (the repository checks). */
    private static Node record(Session session, ItemPath path) throws RepositoryException {
        session.checkPermission(path.recordPath(), session.nodeExists(path.recordPath())
                ? Session.ACTION_SET_PROPERTY : Session.ACTION_ADD_NODE);
        return JcrUtils.getOrCreateByPath(path.recordPath(), "nt:unstructured", "nt:unstructured", session, false);
    }

    private static String who(Session session) {
        return session.getUserID() == null ? "system" : session.getUserID();
    }

    private Calendar now() {
        Calendar calendar = Calendar.getInstance();
        calendar.setTime(Date.from(clock.instant()));
        return calendar;
    }

    private static void setOrRemove(Node node, String name, Instant value) throws RepositoryException {
        if (value == null) {
            if (node.hasProperty(name)) {
                node.getProperty(name).remove();
            }
            return;
        }
        Calendar calendar = Calendar.getInstance();
        calendar.setTime(Date.from(value));
        node.setProperty(name, calendar);
    }

    private static Instant instant(Node node, String name) throws RepositoryException {
        return node.hasProperty(name) ? node.getProperty(name).getDate().toInstant() : null;
    }

    static String liveRootOf(String workspace) {
        return Workspaces.liveRoot(workspace);
    }
}
