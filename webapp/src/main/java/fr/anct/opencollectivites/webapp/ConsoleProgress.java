package fr.anct.opencollectivites.webapp;

import java.nio.file.Path;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.imports.ProgressListener;

/**
 * Draws an import's progress on the terminal (standard error), one bar per file: the rows read, then
 * what is written and saved, which on a large file goes on after the last row.
 */
final class ConsoleProgress implements ProgressListener {
    private final Messages messages;
    private ProgressBar bar;
    private long written;
    private long lastMessage;

    ConsoleProgress(Messages messages) {
        this.messages = messages;
    }

    @Override
    public void start(Path file, long totalUnits) {
        finish();
        written = 0;
        bar = new ProgressBarBuilder()
                .setTaskName(file.getFileName().toString())
                .setInitialMax(totalUnits)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .showSpeed()
                .build();
    }

    @Override
    public void advance(long units) {
        if (bar != null) {
            bar.stepBy(units);
        }
    }

    /** The bar redraws itself every 250 ms: its message needs no more than that. */
    @Override
    public void written(long nodes) {
        written = nodes;
        long now = System.nanoTime();
        if (bar != null && now - lastMessage > 200_000_000L) {
            lastMessage = now;
            bar.setExtraMessage(" " + messages.get("imports.progress.writing", nodes));
        }
    }

    /** The bar stays at its place and says the file is being saved (the save of a large file takes a while). */
    @Override
    public void saving() {
        if (bar != null) {
            bar.setExtraMessage(" " + messages.get("imports.progress.saving", written));
            bar.refresh();
        }
    }

    @Override
    public void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
