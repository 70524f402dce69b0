package fr.anct.opencollectivites.pages;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

/** Alerts in force as an RSS 2.0 feed (Rome). */
public final class AlertFeed {
    public String rss(String title, String link, List<EditorialContent.Alert> alerts) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("rss_2.0");
        feed.setTitle(title);
        feed.setLink(link);
        feed.setDescription(title);
        feed.setLanguage("fr");
        List<SyndEntry> entries = new ArrayList<>();
        for (EditorialContent.Alert alert : alerts) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setTitle(alert.title());
            entry.setLink(alert.link() != null ? alert.link() : link);
            entry.setUri("urn:oc:alert:" + alert.id());
            entry.setPublishedDate(alert.validFrom() == null ? null : Date.from(alert.validFrom()));
            if (alert.message() != null) {
                SyndContent description = new SyndContentImpl();
                description.setType("text/html");
                description.setValue(alert.message());
                entry.setDescription(description);
            }
            entries.add(entry);
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Cannot write the alert feed: " + e.getMessage(), e);
        }
    }
}
