package fr.anct.opencollectivites.imports;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import fr.anct.opencollectivites.i18n.Messages;

/** One run over a file or a directory: a report per recognised file and the files no importer knows. */
public record ImportRun(Instant started, Duration duration, List<ImportReport> reports, List<Path> unrecognised) {

    public ImportRun {
        reports = List.copyOf(reports);
        unrecognised = List.copyOf(unrecognised);
    }

    public boolean failed() {
        return reports.stream().anyMatch(ImportReport::failed);
    }

    /** Whether any file of the run wrote to the repository. */
    public boolean saved() {
        return reports.stream().anyMatch(ImportReport::saved);
    }

    public String summary(Messages messages) {
        StringBuilder text = new StringBuilder();
        reports.forEach(report -> text.append(report.summary(messages, 20)));
        for (Path file : unrecognised) {
            text.append(messages.get("imports.run.unrecognised", file.toString())).append('\n');
        }
        long failedFiles = reports.stream().filter(ImportReport::failed).count();
        text.append(messages.get(failedFiles > 0 ? "imports.run.failed" : "imports.run.ok",
                reports.size(), failedFiles, unrecognised.size(), duration.toMillis() / 1000.0)).append('\n');
        return text.toString();
    }
}
