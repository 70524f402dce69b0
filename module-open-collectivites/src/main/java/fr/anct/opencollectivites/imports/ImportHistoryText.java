package fr.anct.opencollectivites.imports;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import fr.anct.opencollectivites.i18n.Messages;

/** A run of the import history as French text, for the command line ({@code import --history}). */
public final class ImportHistoryText {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
            .withZone(ZoneId.of("Europe/Paris"));

    private ImportHistoryText() {
    }

    public static String format(ImportHistory.RunEntry run, Messages messages, int maxRejections) {
        StringBuilder text = new StringBuilder();
        text.append(messages.get(run.failed() ? "imports.history.runFailed" : "imports.history.run",
                WHEN.format(run.started()), run.files().size(), run.durationMs() / 1000.0, run.id()));
        if (run.forced()) {
            text.append(' ').append(messages.get("imports.history.forced"));
        }
        text.append('\n');
        for (ImportHistory.FileEntry file : run.files()) {
            String kind = file.importer().isEmpty() ? messages.get("imports.report.unrecognised")
                    : messages.get("imports.importer." + file.importer()) + (file.vintage() == null ? "" : " " + file.vintage());
            text.append("  ").append(messages.get(file.failed() ? "imports.history.fileFailed" : "imports.history.file",
                    file.file(), kind)).append('\n');
            if (!file.importer().isEmpty()) {
                text.append("    ").append(file.failed() ? messages.get("imports.report.rowsFailed", file.read(), file.rejected())
                        : messages.get("imports.report.rows", file.read(), file.rejected())).append('\n');
                if (!file.failed()) {
                    text.append("    ").append(messages.get("imports.report.nodes", file.created(), file.updated(),
                            file.unchanged(), file.removed(), file.retired())).append('\n');
                }
            }
            file.notes().forEach(note -> text.append("    ").append(note).append('\n'));
            file.rejections().stream().limit(maxRejections).forEach(r -> text.append("    ").append(r).append('\n'));
            if (file.rejections().size() > maxRejections) {
                text.append("    ").append(messages.get("imports.history.moreRejections",
                        file.rejections().size() - maxRejections)).append('\n');
            }
        }
        run.unrecognised().forEach(file -> text.append("  ").append(messages.get("imports.run.unrecognised", file, ""))
                .append('\n'));
        return text.toString();
    }
}
