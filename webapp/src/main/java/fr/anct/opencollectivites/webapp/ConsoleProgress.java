package fr.anct.opencollectivites.webapp;

import java.nio.file.Path;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import fr.anct.opencollectivites.imports.ProgressListener;

/** Draws an import's progress on the terminal (standard error), one bar per file. */
final class ConsoleProgress implements ProgressListener {
    private ProgressBar bar;

    @Override
    public void start(Path file, long totalUnits) {
        finish();
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

    /** The bar stays at its place and says the file is being saved (the save of a large file takes a while). */
    @Override
    public void saving() {
        if (bar != null) {
            bar.setExtraMessage(" enregistrement…");
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
