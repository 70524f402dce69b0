package fr.anct.opencollectivites.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class RenderedPagesTest {
    private Instant now = Instant.parse("2026-11-23T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aPageIsServedFromMemoryUntilItsLifetimeEnds() {
        RenderedPages pages = new RenderedPages(10, Duration.ofSeconds(30), clock);
        pages.put("/communes/42218-saint-etienne", "<html>", Instant.EPOCH);
        now = now.plusSeconds(29);
        assertThat(pages.get("/communes/42218-saint-etienne")).hasValueSatisfying(p -> assertThat(p.html()).isEqualTo("<html>"));
        now = now.plusSeconds(1);
        assertThat(pages.get("/communes/42218-saint-etienne")).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedPageLeavesFirst() {
        RenderedPages pages = new RenderedPages(2, Duration.ofSeconds(30), clock);
        pages.put("/a", "a", Instant.EPOCH);
        pages.put("/b", "b", Instant.EPOCH);
        pages.get("/a");
        pages.put("/c", "c", Instant.EPOCH);
        assertThat(pages.get("/b")).isEmpty();
        assertThat(pages.get("/a")).isPresent();
        assertThat(pages.get("/c")).isPresent();
    }
}
