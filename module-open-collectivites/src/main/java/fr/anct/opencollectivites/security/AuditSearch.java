package fr.anct.opencollectivites.security;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;


/**
 * Reads the audit log newest first with filters (who, action, a range of days) and pages, in the given
 * session: only administrators can read {@code /oc:system/audit}. The day folders
 * ({@code yyyy/MM/dd}) outside the range are skipped without being opened.
 */
public final class AuditSearch {
    /** Empty or null criteria match everything; dates are UTC days, both ends included. */
    public record Filter(String who, String action, LocalDate from, LocalDate to) {
    }

    public record Page(List<AuditLog.Entry> entries, int number, boolean hasNext) {
    }

    public Page search(Session session, Filter filter, int page, int size) throws RepositoryException {
        int number = Math.max(1, page);
        int skip = (number - 1) * size;
        List<AuditLog.Entry> found = new ArrayList<>();
        if (!session.nodeExists(SecurityPaths.AUDIT_ROOT)) {
            return new Page(found, number, false);
        }
        String low = filter.from() == null ? null : day(filter.from());
        String high = filter.to() == null ? null : day(filter.to());
        int[] skipped = {0};
        for (Node year : newestFirst(session.getNode(SecurityPaths.AUDIT_ROOT))) {
            for (Node month : newestFirst(year)) {
                for (Node day : newestFirst(month)) {
                    String key = year.getName() + "-" + month.getName() + "-" + day.getName();
                    if ((high != null && key.compareTo(high) > 0) || (low != null && key.compareTo(low) < 0)) {
                        continue;
                    }
                    for (Node node : newestFirst(day)) {
                        AuditLog.Entry entry = AuditLog.entry(node);
                        if (!matches(entry, filter)) {
                            continue;
                        }
                        if (skipped[0] < skip) {
                            skipped[0]++;
                            continue;
                        }
                        if (found.size() == size) {
                            return new Page(found, number, true);
                        }
                        found.add(entry);
                    }
                }
            }
        }
        return new Page(found, number, false);
    }

    private static boolean matches(AuditLog.Entry entry, Filter filter) {
        return (blank(filter.who()) || filter.who().strip().equals(entry.who()))
                && (blank(filter.action()) || filter.action().strip().equals(entry.action()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String day(LocalDate date) {
        return String.format("%04d-%02d-%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    private static List<Node> newestFirst(Node folder) throws RepositoryException {
        List<Node> children = new ArrayList<>();
        for (NodeIterator it = folder.getNodes(); it.hasNext(); ) {
            children.add(it.nextNode());
        }
        children.sort((a, b) -> name(b).compareTo(name(a)));
        return children;
    }

    private static String name(Node node) {
        try {
            return node.getName();
        } catch (RepositoryException e) {
            throw new IllegalStateException(e);
        }
    }
}
