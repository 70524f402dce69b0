package fr.anct.opencollectivites.publications.feeds;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import fr.anct.opencollectivites.content.WebUrls;

/** Writes publications (as the catalogue renders them) as an RSS 2.0 or Atom 1.0 feed with Rome. */
public final class OutboundFeeds {
    public enum Format {
        RSS("rss_2.0", "application/rss+xml; charset=utf-8"),
        ATOM("atom_1.0", "application/atom+xml; charset=utf-8");

        private final String romeType;
        private final String mediaType;

        Format(String romeType, String mediaType) {
            this.romeType = romeType;
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    private OutboundFeeds() {
    }

    /**
     * @param selfUri the feed's own address (Atom id and link)
     * @param siteUri the address of the site the publications are listed on
     */
    public static String write(Format format, String title, String description, String selfUri, String siteUri,
                               List<Map<String, Object>> publications) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType);
        feed.setTitle(title);
        feed.setDescription(description);
        feed.setLink(siteUri);
        feed.setUri(selfUri);
        feed.setLanguage("fr");
        List<SyndEntry> entries = new ArrayList<>();
        Date newest = null;
        for (Map<String, Object> publication : publications) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setTitle((String) publication.get("title"));
            // checked again here: an address stored before the url rule never reaches a feed reader
            entry.setLink(WebUrls.safe((String) publication.get("link")).orElse(siteUri));
            entry.setUri("urn:opencollectivites:publication:" + publication.get("code"));
            if (publication.get("summary") instanceof String summary) {
                SyndContent content = new SyndContentImpl();
                content.setType("text/html");
                content.setValue(summary);
                entry.setDescription(content);
            }
            if (publication.get("date") instanceof String date) {
                Date published = Date.from(OffsetDateTime.parse(date).toInstant());
                entry.setPublishedDate(published);
                entry.setUpdatedDate(published);
                newest = newest == null || published.after(newest) ? published : newest;
            }
            List<SyndCategory> categories = new ArrayList<>();
            if (publication.get("themes") instanceof List<?> themes) {
                for (Object theme : themes) {
                    SyndCategory category = new SyndCategoryImpl();
                    category.setName(theme.toString());
                    categories.add(category);
                }
            }
            entry.setCategories(categories);
            entries.add(entry);
        }
        feed.setEntries(entries);
        feed.setPublishedDate(newest == null ? new Date(0) : newest);
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("Cannot write the " + format + " feed: " + e.getMessage(), e);
        }
    }
}
