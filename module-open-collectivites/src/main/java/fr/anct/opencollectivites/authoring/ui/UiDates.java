package fr.anct.opencollectivites.authoring.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as French readers expect them, in metropolitan French time. */
final class UiDates {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm:ss", Locale.FRANCE).withZone(PARIS);

    private UiDates() {
    }

    static String format(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** The machine-readable value of a {@code <time datetime>}. */
    static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
