package fr.anct.opencollectivites.imports;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.UUID;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.apache.jackrabbit.commons.JcrUtils;

import fr.anct.opencollectivites.repository.Workspaces;

/**
 * Keeps every run under {@code /oc:system/imports/<yyyy-MM>/<run>}, one child per file. Platform
 * data, not content: plain {@code nt:unstructured} nodes, readable by the system only.
 */
public final class ImportHistory {
    public static final String ROOT = "/" + Workspaces.SYSTEM + "/imports";
    private static final int MAX_STORED_REJECTIONS = 1000;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RUN = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSSSSS").withZone(ZoneOffset.UTC);

    /** Adds the run; the caller saves. */
    public Node record(Session session, ImportRun run) throws RepositoryException {
        Node month = JcrUtils.getOrCreateByPath(ROOT + "/" + MONTH.format(run.started()), "mgnl:folder", session);
        String name = RUN.format(run.started()) + "-" + UUID.randomUUID().toString().substring(0, 8);
        Node node = month.addNode(name, "nt:unstructured");
        node.setProperty("started", GregorianCalendar.from(run.started().atZone(ZoneOffset.UTC)));
        node.setProperty("durationMs", run.duration().toMillis());
        node.setProperty("failed", run.failed());
        node.setProperty("unrecognised", run.unrecognised().stream()
                .map(file -> file + (run.unrecognisedReasons().containsKey(file) ? " (" + run.unrecognisedReasons().get(file) + ")" : ""))
                .toArray(String[]::new));
        node.setProperty("forced", run.forced());
        int index = 0;
        for (ImportReport report : run.reports()) {
            Node file = node.addNode("file" + index++, "nt:unstructured");
            file.setProperty("file", report.file().toString());
            file.setProperty("importer", report.importer() == null ? "" : report.importer());
            file.setProperty("status", report.status().name());
            file.setProperty("read", report.read());
            file.setProperty("created", report.created());
            file.setProperty("updated", report.updated());
            file.setProperty("unchanged", report.unchanged());
            file.setProperty("removed", report.removed());
            file.setProperty("retired", report.retired());
            file.setProperty("notes", report.notes().toArray(String[]::new));
            if (report.vintage() != null) {
                file.setProperty("vintage", report.vintage());
            }
            if (report.forcedOver() != null) {
                file.setProperty("forcedOver", report.forcedOver());
            }
            file.setProperty("rejected", report.rejected());
            file.setProperty("durationMs", report.duration().toMillis());
            file.setProperty("saved", report.saved());
            file.setProperty("rejections", report.rejections().stream().limit(MAX_STORED_REJECTIONS)
                    .map(Rejection::toString).toArray(String[]::new));
        }
        return node;
    }

    /** One file of a run, as the history keeps it. */
    public record FileEntry(String file, String importer, String status, long read, long created, long updated,
                            long unchanged, long removed, long retired, long rejected, Long vintage, Long forcedOver,
                            List<String> notes, List<String> rejections) {
        public boolean failed() {
            return "FAILED".equals(status);
        }
    }

    /** One run, as the history keeps it; {@code id} names it in URLs ({@code yyyy-MM/<run>}). */
    public record RunEntry(String id, java.time.Instant started, long durationMs, boolean failed, boolean forced,
                           List<String> unrecognised, List<FileEntry> files) {
    }

    /** The latest runs, newest first, with their files (at most {@code limit} runs). */
    public List<RunEntry> latest(Session session, int limit) throws RepositoryException {
        List<RunEntry> entries = new java.util.ArrayList<>();
        for (String path : runs(session)) {
            if (entries.size() >= limit) {
                break;
            }
            entries.add(entry(session.getNode(path)));
        }
        return entries;
    }

    /** One run by its id ({@code yyyy-MM/<run>}), if the history has it. */
    public java.util.Optional<RunEntry> run(Session session, String id) throws RepositoryException {
        if (id == null || !id.matches("\\d{4}-\\d{2}/[0-9A-Za-z.T-]+")) {
            return java.util.Optional.empty();
        }
        String path = ROOT + "/" + id;
        return session.nodeExists(path) ? java.util.Optional.of(entry(session.getNode(path))) : java.util.Optional.empty();
    }

    private static RunEntry entry(Node run) throws RepositoryException {
        List<FileEntry> files = new java.util.ArrayList<>();
        for (Node file : JcrUtils.getChildNodes(run)) {
            files.add(new FileEntry(string(file, "file"), string(file, "importer"), string(file, "status"),
                    number(file, "read"), number(file, "created"), number(file, "updated"), number(file, "unchanged"),
                    number(file, "removed"), number(file, "retired"), number(file, "rejected"),
                    file.hasProperty("vintage") ? file.getProperty("vintage").getLong() : null,
                    file.hasProperty("forcedOver") ? file.getProperty("forcedOver").getLong() : null,
                    strings(file, "notes"), strings(file, "rejections")));
        }
        return new RunEntry(run.getParent().getName() + "/" + run.getName(),
                run.getProperty("started").getDate().toInstant(), number(run, "durationMs"),
                run.hasProperty("failed") && run.getProperty("failed").getBoolean(),
                run.hasProperty("forced") && run.getProperty("forced").getBoolean(), strings(run, "unrecognised"), files);
    }

    private static String string(Node node, String name) throws RepositoryException {
        return node.hasProperty(name) ? node.getProperty(name).getString() : "";
    }

    private static long number(Node node, String name) throws RepositoryException {
        return node.hasProperty(name) ? node.getProperty(name).getLong() : 0;
    }

    private static List<String> strings(Node node, String name) throws RepositoryException {
        List<String> values = new java.util.ArrayList<>();
        if (node.hasProperty(name)) {
            for (javax.jcr.Value value : node.getProperty(name).getValues()) {
                values.add(value.getString());
            }
        }
        return values;
    }

    /** The runs of the history, newest first, as their nodes' paths. */
    public List<String> runs(Session session) throws RepositoryException {
        if (!session.nodeExists(ROOT)) {
            return List.of();
        }
        List<String> paths = new java.util.ArrayList<>();
        for (Node month : JcrUtils.getChildNodes(session.getNode(ROOT))) {
            for (Node run : JcrUtils.getChildNodes(month)) {
                paths.add(run.getPath());
            }
        }
        paths.sort(java.util.Comparator.reverseOrder());
        return paths;
    }

}
