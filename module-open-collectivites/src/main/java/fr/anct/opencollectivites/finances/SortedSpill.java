package fr.anct.opencollectivites.finances;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.Consumer;

import org.apache.commons.io.file.PathUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An external merge sort of {@link OfglLine}s: the lines are kept in memory up to {@code runSize},
 * sorted and written to a temporary file (a run); reading merges the runs. The heap holds one run
 * and one buffered line per run (at most {@value #MAX_RUNS} runs) whatever the number of lines, so a file of tens of millions of rows
 * costs disk, not memory. Needed because the OFGL bases are not grouped by collectivité (the exports
 * are ordered by exercice), while a collectivité's series must be written whole.
 */
final class SortedSpill implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SortedSpill.class);
    private static final int BUFFER = 32 * 1024;
    /** Beyond this many runs, they are merged into one first: open files and buffers stay bounded. */
    static final int MAX_RUNS = 128;

    private final int runSize;
    private final List<OfglLine> pending;
    private final List<Path> runs = new ArrayList<>();
    private Path dir;
    private long size;

    SortedSpill(int runSize) {
        this.runSize = runSize;
        this.pending = new ArrayList<>(Math.min(runSize, 1024));
    }

    void add(OfglLine line) {
        pending.add(line);
        size++;
        if (pending.size() >= runSize) {
            spill();
        }
    }

    long size() {
        return size;
    }

    /** Reads every line added so far in {@link OfglLine#ORDER}; call again for another pass. */
    void forEachSorted(Consumer<OfglLine> consumer) {
        spill();
        mergeRuns(consumer);
    }

    private void mergeRuns(Consumer<OfglLine> consumer) {
        List<DataInputStream> inputs = new ArrayList<>();
        try {
            for (Path run : runs) {
                inputs.add(new DataInputStream(new BufferedInputStream(Files.newInputStream(run), BUFFER)));
            }
            Iterator<OfglLine> merged = merge(inputs);
            while (merged.hasNext()) {
                consumer.accept(merged.next());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Temporary sort file unreadable: " + e.getMessage(), e);
        } finally {
            for (DataInputStream input : inputs) {
                try {
                    input.close();
                } catch (IOException ignored) {
                    // read-only temporary file
                }
            }
        }
    }

    private void spill() {
        if (pending.isEmpty()) {
            return;
        }
        pending.sort(OfglLine.ORDER);
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("ofgl-sort-");
            }
            Path run = dir.resolve("run-" + runs.size());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), BUFFER))) {
                for (OfglLine line : pending) {
                    line.write(out);
                }
            }
            runs.add(run);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a temporary sort file: " + e.getMessage(), e);
        }
        pending.clear();
        if (runs.size() >= MAX_RUNS) {
            compact();
        }
    }

    /** Merges every run into one. */
    private void compact() {
        Path merged = dir.resolve("merged-" + System.nanoTime());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(merged), BUFFER))) {
            mergeRuns(line -> {
                try {
                    line.write(out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a temporary sort file: " + e.getMessage(), e);
        }
        for (Path run : runs) {
            try {
                Files.delete(run);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete " + run + ": " + e.getMessage(), e);
            }
        }
        runs.clear();
        runs.add(merged);
    }

    private static Iterator<OfglLine> merge(List<DataInputStream> inputs) throws IOException {
        record Head(OfglLine line, int input) {
        }
        PriorityQueue<Head> heads = new PriorityQueue<>(Math.max(1, inputs.size()),
                Comparator.comparing(Head::line, OfglLine.ORDER));
        for (int i = 0; i < inputs.size(); i++) {
            OfglLine first = next(inputs.get(i));
            if (first != null) {
                heads.add(new Head(first, i));
            }
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            @Override
            public OfglLine next() {
                Head head = heads.poll();
                if (head == null) {
                    throw new NoSuchElementException();
                }
                try {
                    OfglLine following = SortedSpill.next(inputs.get(head.input()));
                    if (following != null) {
                        heads.add(new Head(following, head.input()));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Temporary sort file unreadable: " + e.getMessage(), e);
                }
                return head.line();
            }
        };
    }

    private static OfglLine next(DataInputStream input) throws IOException {
        try {
            return OfglLine.read(input);
        } catch (EOFException end) {
            return null;
        }
    }

    @Override
    public void close() {
        pending.clear();
        if (dir != null) {
            try {
                PathUtils.deleteDirectory(dir);
            } catch (IOException e) {
                // the import itself is done; only disk space is at stake
                LOG.warn("Cannot delete the temporary sort files under {}: {}", dir, e.getMessage());
            }
            dir = null;
            runs.clear();
        }
    }
}
