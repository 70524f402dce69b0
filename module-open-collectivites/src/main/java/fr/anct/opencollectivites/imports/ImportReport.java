package fr.anct.opencollectivites.imports;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import fr.anct.opencollectivites.i18n.Messages;

/**
 * What the import of one file did. A FAILED file wrote nothing; its {@code rejections} give every
 * {@code file:line: reason} found. An OK file may still have rejected rows (e.g. a code unknown to
 * the référentiel), which were skipped. {@code saved} says whether anything was written at all.
 */
public record ImportReport(Path file, String importer, ImportStatus status, long read, long created,
                           long updated, long unchanged, long removed, long rejected,
                           List<Rejection> rejections, Duration duration, boolean saved) {

    public ImportReport {
        rejections = List.copyOf(rejections);
    }

    public boolean failed() {
        return status == ImportStatus.FAILED;
    }

    /** A few French lines for the command line; at most {@code maxRejections} rejections listed. */
    public String summary(Messages messages, int maxRejections) {
        StringBuilder text = new StringBuilder();
        text.append(messages.get(failed() ? "imports.report.failed" : "imports.report.ok",
                file.getFileName().toString(), importer, duration.toMillis() / 1000.0)).append('\n');
        text.append("  ").append(messages.get("imports.report.counts", read, created, updated, unchanged,
                removed, rejected)).append('\n');
        rejections.stream().limit(maxRejections).forEach(r -> text.append("  ").append(r).append('\n'));
        if (rejections.size() > maxRejections) {
            text.append("  ").append(messages.get("imports.report.moreRejections",
                    rejections.size() - maxRejections)).append('\n');
        }
        return text.toString();
    }
}
