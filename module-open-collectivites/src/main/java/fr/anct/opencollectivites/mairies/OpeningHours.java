package fr.anct.opencollectivites.mairies;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One {@code plage_ouverture} of the annuaire: a day or a range of days (lundi … dimanche, French names),
 * its time ranges (at most two in the annuaire: morning and afternoon) and a comment such as
 * "sur rendez-vous". A range of days may wrap around the week (samedi → lundi). A plage without time
 * ranges only carries its comment and never counts as open.
 */
public record OpeningHours(String fromDay, String toDay, List<TimeRange> ranges, String comment) {

    public OpeningHours {
        String start = day(fromDay);
        fromDay = start;
        toDay = toDay == null || toDay.isBlank() ? start : day(toDay);
        ranges = ranges == null ? List.of() : List.copyOf(ranges);
        comment = comment == null || comment.isBlank() ? null : comment.trim();
    }

    private static String day(String name) {
        return FrenchDays.normalise(name).orElseThrow(() -> new IllegalArgumentException("Not a French day name: " + name));
    }

    public boolean covers(DayOfWeek day) {
        int from = FrenchDays.dayOfWeek(fromDay).getValue();
        int to = FrenchDays.dayOfWeek(toDay).getValue();
        int wanted = day.getValue();
        return from <= to ? wanted >= from && wanted <= to : wanted >= from || wanted <= to;
    }

    public boolean isOpenAt(LocalDateTime when) {
        return covers(when.getDayOfWeek()) && ranges.stream().anyMatch(range -> range.includes(when.toLocalTime()));
    }
}
