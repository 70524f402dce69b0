package fr.anct.opencollectivites.mairies;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A time range of one opening day, opening time included, closing time excluded: a mairie open
 * 09:00–12:00 is open at 09:00 and at 11:59, closed at 12:00. A closing time of 24:00 (or 00:00 after
 * a later opening) is the end of the day, {@link LocalTime#MAX}.
 */
public record TimeRange(LocalTime opens, LocalTime closes) {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public TimeRange {
        if (opens == null || closes == null) {
            throw new IllegalArgumentException("A time range needs both times");
        }
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("A time range closes after it opens: " + opens + "-" + closes);
        }
    }

    public boolean includes(LocalTime time) {
        return !time.isBefore(opens) && time.isBefore(closes);
    }

    /** "09:00-12:00"; the end of the day as "24:00". */
    public String format() {
        return HH_MM.format(opens) + "-" + (closes.equals(LocalTime.MAX) ? "24:00" : HH_MM.format(closes));
    }

    /** Parses {@link #format()}'s output; empty when it is not one. */
    public static Optional<TimeRange> parse(String text) {
        int dash = text == null ? -1 : text.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        Optional<LocalTime> opens = time(text.substring(0, dash));
        Optional<LocalTime> closes = time(text.substring(dash + 1));
        if (opens.isEmpty() || closes.isEmpty()) {
            return Optional.empty();
        }
        LocalTime end = endOfDay(opens.get(), closes.get());
        return end.isAfter(opens.get()) ? Optional.of(new TimeRange(opens.get(), end)) : Optional.empty();
    }

    /**
     * A time as the annuaire writes it: "09:00:00", "09:00" or "9:00"; "24:00" is the end of the day
     * ({@link LocalTime#MAX}).
     */
    public static Optional<LocalTime> time(String text) {
        String value = text == null ? "" : text.trim();
        if (!value.matches("\\d{1,2}:\\d{2}(:\\d{2})?")) {
            return Optional.empty();
        }
        if (value.startsWith("24:00")) {
            return value.matches("24:00(:00)?") ? Optional.of(LocalTime.MAX) : Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(value.length() <= 5 && value.indexOf(':') == 1 ? "0" + value : value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Midnight as a closing time after a later opening means the end of the day. */
    static LocalTime endOfDay(LocalTime opens, LocalTime closes) {
        return closes.equals(LocalTime.MIDNIGHT) && opens.isAfter(LocalTime.MIDNIGHT) ? LocalTime.MAX : closes;
    }
}
