package fr.anct.opencollectivites.publications.harvest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom with Rome. The XML parser refuses any DOCTYPE (so external entities
 * and entity expansion bombs never run); the encoding is the one the document or the HTTP header
 * declares (Rome's {@link XmlReader}); relative links are resolved against the feed's address;
 * summaries are sanitised; entries with the same guid (or link) are kept once, the first one wins.
 */
public final class FeedParser {

    public List<HarvestedItem> parse(byte[] body, String contentType, URI feedUri) throws HarvestProblem {
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            SyndFeedInput input = new SyndFeedInput(false, Locale.US); // RFC 822 dates are in English
            input.setAllowDoctypes(false);
            input.setXmlHealerOn(false);
            feed = input.build(reader);
        } catch (FeedException e) {
            String reason = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
            if (reason.contains("DOCTYPE")) {
                throw new HarvestProblem(e, "publications.harvest.error.doctype", feedUri);
            }
            throw new HarvestProblem(e, "publications.harvest.error.invalidFeed", feedUri, reason);
        } catch (IOException | IllegalArgumentException e) {
            throw new HarvestProblem(e, "publications.harvest.error.invalidFeed", feedUri, String.valueOf(e.getMessage()));
        }
        Map<String, HarvestedItem> items = new LinkedHashMap<>();
        for (SyndEntry entry : feed.getEntries()) {
            HarvestedItem item = toItem(entry, feedUri);
            if (item != null) {
                items.putIfAbsent(item.key(), item);
            }
        }
        return new ArrayList<>(items.values());
    }

    private static HarvestedItem toItem(SyndEntry entry, URI feedUri) {
        String link = entry.getLink();
        if ((link == null || link.isBlank()) && !entry.getLinks().isEmpty()) {
            link = entry.getLinks().get(0).getHref();
        }
        String title = entry.getTitle() == null ? null : HtmlSummaries.plainText(entry.getTitle());
        if (link == null || link.isBlank() || title == null || title.isBlank()) {
            return null;
        }
        URI absolute = resolve(feedUri, link.strip());
        if (absolute == null || !absolute.isAbsolute() || !isHttp(absolute)) {
            return null;
        }
        String guid = entry.getUri();
        if (guid != null && guid.isBlank()) {
            guid = null;
        }
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return new HarvestedItem(guid, title, HtmlSummaries.sanitise(summary(entry)), absolute.toString(),
                date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC), image(entry, feedUri));
    }

    private static String summary(SyndEntry entry) {
        SyndContent description = entry.getDescription();
        if (description != null && description.getValue() != null && !description.getValue().isBlank()) {
            return description.getValue();
        }
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null && !content.getValue().isBlank()) {
                return content.getValue();
            }
        }
        return null;
    }

    private static String image(SyndEntry entry, URI feedUri) {
        for (SyndEnclosure enclosure : entry.getEnclosures()) {
            if (enclosure.getType() != null && enclosure.getType().startsWith("image/") && enclosure.getUrl() != null) {
                URI uri = resolve(feedUri, enclosure.getUrl());
                return uri != null && isHttp(uri) ? uri.toString() : null;
            }
        }
        return null;
    }

    private static boolean isHttp(URI uri) {
        return "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
    }

    /** @return null when the link is not a URI */
    static URI resolve(URI base, String link) {
        try {
            return base.resolve(link.strip().replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
