package fr.anct.opencollectivites.publications.harvest;

import java.time.OffsetDateTime;

/**
 * One entry of a feed or one dataset of a catalogue, as read: {@code summary} is already sanitised
 * HTML, {@code link} absolute. {@code guid} may be null (then the link identifies the item).
 */
public record HarvestedItem(String guid, String title, String summary, String link, OffsetDateTime date, String image) {
    /** The key that deduplicates items of one source: the guid, else the link. */
    public String key() {
        return guid != null && !guid.isBlank() ? guid.strip() : link;
    }
}
