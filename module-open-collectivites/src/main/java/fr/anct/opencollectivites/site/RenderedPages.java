package fr.anct.opencollectivites.site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last rendered fiche pages, kept a few seconds: a fiche is read from a dozen nodes and rendered,
 * while the same popular fiche is asked for many times a second. Staleness stays well below the
 * pages' own {@code Cache-Control: max-age}, so a reader sees nothing older than a browser cache
 * would show. Bounded (least recently used out); synchronized, as the map is touched only briefly.
 */
final class RenderedPages {
    record Page(String html, Instant lastModified, Instant expires) {
    }

    private final Duration lifetime;
    private final Clock clock;
    private final Map<String, Page> pages;

    RenderedPages(int capacity, Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
        this.pages = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Page> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Optional<Page> get(String path) {
        Page page = pages.get(path);
        if (page == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(page.expires())) {
            pages.remove(path);
            return Optional.empty();
        }
        return Optional.of(page);
    }

    synchronized void put(String path, String html, Instant lastModified) {
        pages.put(path, new Page(html, lastModified, clock.instant().plus(lifetime)));
    }
}
