package fr.anct.opencollectivites.imports;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import fr.anct.opencollectivites.i18n.Messages;

/**
 * What the import of one file did. Rows and nodes are counted apart: {@code read} and {@code rejected}
 * are rows of the file; {@code created}, {@code updated}, {@code unchanged}, {@code removed} and
 * {@code retired} are nodes of the repository (one row may touch several nodes, or none). A FAILED
 * file wrote nothing; its {@code rejections} give every {@code file:line: reason} found. An OK file may
 * still have rejected rows (e.g. a code unknown to the référentiel), which were skipped.
 * {@code saved} says whether the file changed anything (a vintage learned alone does not count).
 *
 * @param importer   the importer's name, or {@code null} for a file no importer recognised
 * @param retired    live nodes taken out of the live set and kept as former records (merged communes)
 * @param notes      French lines on how the file was taken (complete or partial, vintage…)
 * @param vintage    the file's vintage, when known
 * @param forcedOver the newer vintage of the référentiel that {@code --force} overrode, else {@code null}
 */
public record ImportReport(Path file, String importer, ImportStatus status, long read, long created,
                           long updated, long unchanged, long removed, long retired, long rejected,
                           List<Rejection> rejections, Duration duration, boolean saved, List<String> notes,
                           Long vintage, Long forcedOver) {

    public ImportReport {
        rejections = List.copyOf(rejections);
        notes = List.copyOf(notes);
    }

    public boolean failed() {
        return status == ImportStatus.FAILED;
    }

    /** A few French lines for the command line; at most {@code maxRejections} rejections listed. */
    public String summary(Messages messages, int maxRejections) {
        StringBuilder text = new StringBuilder();
        String name = file.getFileName().toString();
        String kind = importer == null ? messages.get("imports.report.unrecognised")
                : messages.get("imports.importer." + importer) + (vintage == null ? ""
                : " " + vintage);
        text.append(messages.get(failed() ? "imports.report.failed" : "imports.report.ok",
                name, kind, duration.toMillis() / 1000.0)).append('\n');
        if (importer != null) {
            text.append("  ").append(failed() ? messages.get("imports.report.rowsFailed", read, rejected)
                    : messages.get("imports.report.rows", read, rejected)).append('\n');
            if (!failed()) {
                text.append("  ").append(messages.get("imports.report.nodes", created, updated, unchanged, removed,
                        retired)).append('\n');
            }
        }
        notes.forEach(note -> text.append("  ").append(note).append('\n'));
        rejections.stream().limit(maxRejections).forEach(r -> text.append("  ").append(r).append('\n'));
        if (rejections.size() > maxRejections) {
            text.append("  ").append(messages.get("imports.report.moreRejections",
                    rejections.size() - maxRejections)).append('\n');
        }
        return text.toString();
    }
}
