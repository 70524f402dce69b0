package fr.anct.opencollectivites.imports;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import fr.anct.opencollectivites.i18n.Messages;

/**
 * One run over a file or a directory: a report per file and the files of a directory no importer
 * knows, with why. A file named alone that no importer recognises gets a FAILED report instead: the
 * user asked for that file.
 *
 * @param unrecognisedReasons why each unrecognised file was not recognised (French), by file
 * @param forced              whether {@code --force} was given
 */
public record ImportRun(Instant started, Duration duration, List<ImportReport> reports, List<Path> unrecognised,
                        Map<Path, String> unrecognisedReasons, boolean forced) {

    public ImportRun {
        reports = List.copyOf(reports);
        unrecognised = List.copyOf(unrecognised);
        unrecognisedReasons = Map.copyOf(unrecognisedReasons);
    }

    public ImportRun(Instant started, Duration duration, List<ImportReport> reports, List<Path> unrecognised) {
        this(started, duration, reports, unrecognised, Map.of(), false);
    }

    public boolean failed() {
        return reports.stream().anyMatch(ImportReport::failed);
    }

    /** Whether any file of the run wrote to the repository. */
    public boolean saved() {
        return reports.stream().anyMatch(ImportReport::saved);
    }

    /** The files imported over a newer vintage with {@code --force}. */
    public List<ImportReport> forcedReports() {
        return reports.stream().filter(r -> r.forcedOver() != null && r.saved()).toList();
    }

    public String summary(Messages messages) {
        StringBuilder text = new StringBuilder();
        reports.forEach(report -> text.append(report.summary(messages, 20)));
        for (Path file : unrecognised) {
            String reason = unrecognisedReasons.get(file);
            text.append(messages.get("imports.run.unrecognised", file.toString(),
                    reason == null ? "" : " (" + reason + ")")).append('\n');
        }
        long failedFiles = reports.stream().filter(ImportReport::failed).count();
        text.append(messages.get(failedFiles > 0 ? "imports.run.failed" : "imports.run.ok",
                reports.size() - failedFiles, failedFiles, unrecognised.size(), duration.toMillis() / 1000.0)).append('\n');
        return text.toString();
    }
}
