package fr.anct.opencollectivites.search;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.jcr.RepositoryException;
import javax.jcr.observation.Event;
import javax.jcr.observation.EventIterator;
import javax.jcr.observation.EventListener;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the paths that repository events touch and hands them over in batches, at most one batch
 * per debounce period: an import saving thousands of nodes costs a few index refreshes, not thousands.
 * External events (other cluster instances) are accepted like local ones: they change the live tree
 * this instance serves too.
 */
final class IndexObserver implements EventListener {
    static final int EVENT_TYPES = Event.NODE_ADDED | Event.NODE_REMOVED | Event.NODE_MOVED
            | Event.PROPERTY_ADDED | Event.PROPERTY_CHANGED | Event.PROPERTY_REMOVED;
    private static final Logger LOG = LoggerFactory.getLogger(IndexObserver.class);

    private final ScheduledExecutorService executor;
    private final long debounceMillis;
    private final Consumer<Map<String, Boolean>> applier;
    /** Node path → whether its subtree may hold new nodes (added or moved there). */
    private Map<String, Boolean> pending = new HashMap<>();
    private boolean scheduled;

    IndexObserver(ScheduledExecutorService executor, long debounceMillis, Consumer<Map<String, Boolean>> applier) {
        this.executor = executor;
        this.debounceMillis = debounceMillis;
        this.applier = applier;
    }

    @Override
    public void onEvent(EventIterator events) {
        boolean schedule;
        synchronized (this) {
            while (events.hasNext()) {
                collect(events.nextEvent());
            }
            schedule = !scheduled && !pending.isEmpty();
            scheduled |= schedule;
        }
        if (schedule && !executor.isShutdown()) {
            executor.schedule(this::flush, debounceMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void collect(Event event) {
        try {
            int type = event.getType();
            String path = event.getPath();
            if ((type & (Event.PROPERTY_ADDED | Event.PROPERTY_CHANGED | Event.PROPERTY_REMOVED)) != 0) {
                pending.putIfAbsent(path.substring(0, Math.max(1, path.lastIndexOf('/'))), false);
            } else {
                boolean mayHoldNewNodes = type != Event.NODE_REMOVED;
                pending.merge(path, mayHoldNewNodes, Boolean::logicalOr);
            }
        } catch (RepositoryException e) {
            LOG.warn("Search index: unreadable repository event ignored: {}", e.getMessage());
        }
    }

    private void flush() {
        Map<String, Boolean> batch;
        synchronized (this) {
            batch = pending;
            pending = new HashMap<>();
            scheduled = false;
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            applier.accept(batch);
        } catch (RuntimeException e) {
            LOG.error("Search index: {} changed paths could not be indexed (the next rebuild will): {}",
                    batch.size(), e.getMessage(), e);
        }
    }
}
