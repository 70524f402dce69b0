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
