package fr.anct.opencollectivites.publications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import fr.anct.opencollectivites.publications.feeds.OutboundFeeds;

/** A publication's address stored before the url rule never reaches a feed reader as a link. */
@Tag("unit")
class OutboundFeedsTest {
    @Test
    void aJavascriptLinkIsReplacedByTheSiteAddressInRssAndAtom() throws Exception {
        List<Map<String, Object>> publications = List.of(
                Map.of("code", "p1", "title", "Piège", "link", "javascript:alert(document.cookie)"),
                Map.of("code", "p2", "title", "Étude", "link", "https://example.org/etude"));
        for (OutboundFeeds.Format format : OutboundFeeds.Format.values()) {
            String xml = OutboundFeeds.write(format, "Publications", "d", "https://oc.example/feed", "https://oc.example/publications",
                    publications);
            assertThat(xml).doesNotContain("javascript");
            SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
            assertThat(feed.getEntries()).extracting(SyndEntry::getLink)
                    .containsExactly("https://oc.example/publications", "https://example.org/etude");
        }
    }
}
