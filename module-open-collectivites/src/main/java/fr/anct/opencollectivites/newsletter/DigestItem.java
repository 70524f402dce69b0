package fr.anct.opencollectivites.newsletter;

import java.time.Instant;
import java.util.List;

/** A publication as a digest lists it (FreeMarker reads the accessors). */
public record DigestItem(String path, String title, String link, Instant date, String dateText,
                         List<String> territories, List<String> themes) {
    public String getTitle() {
        return title;
    }

    public String getLink() {
        return link;
    }

    public String getDateText() {
        return dateText;
    }
}
