package fr.anct.opencollectivites.mairies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Opening hours as a visitor reads them: days, boundaries, the end of the day, plages without hours. */
@Tag("unit")
class OpeningHoursTest {
    // Monday 2026-11-23 … Sunday 2026-11-29
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    private static LocalDateTime at(int dayOffset, String time) {
        return MONDAY.plusDays(dayOffset).atTime(LocalTime.parse(time));
    }

    private static TimeRange range(String text) {
        return TimeRange.parse(text).orElseThrow();
    }

    private static Mairie mairie(OpeningHours... hours) {
        return new Mairie("id", "Mairie - Exemple", false, List.of("42218"), null, null, null, null, null, null,
                List.of(hours), "test", null);
    }

    @Test
    void opensAtTheOpeningMinuteAndClosesAtTheClosingMinute() {
        Mairie mairie = mairie(new OpeningHours("Lundi", "Vendredi", List.of(range("08:30-12:00"), range("13:30-17:00")), null));
        assertThat(mairie.isOpenAt(at(0, "08:29:59"))).isFalse();
        assertThat(mairie.isOpenAt(at(0, "08:30"))).isTrue();
        assertThat(mairie.isOpenAt(at(0, "11:59:59"))).isTrue();
        assertThat(mairie.isOpenAt(at(0, "12:00"))).isFalse();
        assertThat(mairie.isOpenAt(at(0, "13:00"))).isFalse();
        assertThat(mairie.isOpenAt(at(0, "13:30"))).isTrue();
        assertThat(mairie.isOpenAt(at(0, "17:00"))).isFalse();
    }

    @Test
    void aRangeOfDaysIncludesBothEndsAndNothingElse() {
        Mairie mairie = mairie(new OpeningHours("mardi", "jeudi", List.of(range("14:00-18:00")), null));
        assertThat(mairie.isOpenAt(at(0, "15:00"))).as("lundi").isFalse();
        assertThat(mairie.isOpenAt(at(1, "15:00"))).as("mardi").isTrue();
        assertThat(mairie.isOpenAt(at(2, "15:00"))).as("mercredi").isTrue();
        assertThat(mairie.isOpenAt(at(3, "15:00"))).as("jeudi").isTrue();
        assertThat(mairie.isOpenAt(at(4, "15:00"))).as("vendredi").isFalse();
    }

    @Test
    void aRangeOfDaysMayWrapAroundTheWeek() {
        OpeningHours weekend = new OpeningHours("Samedi", "Lundi", List.of(range("10:00-24:00")), null);
        assertThat(weekend.covers(java.time.DayOfWeek.SATURDAY)).isTrue();
        assertThat(weekend.covers(java.time.DayOfWeek.SUNDAY)).isTrue();
        assertThat(weekend.covers(java.time.DayOfWeek.MONDAY)).isTrue();
        assertThat(weekend.covers(java.time.DayOfWeek.TUESDAY)).isFalse();
        assertThat(weekend.covers(java.time.DayOfWeek.FRIDAY)).isFalse();
        // open until the end of the day
        assertThat(weekend.isOpenAt(at(6, "23:59:59"))).isTrue();
        assertThat(weekend.isOpenAt(at(6, "09:59"))).isFalse();
    }

    @Test
    void aSingleDayWithoutEndDayIsThatDay() {
        OpeningHours saturday = new OpeningHours("Samedi", "", List.of(range("09:00-12:00")), "1er samedi du mois");
        assertThat(saturday.toDay()).isEqualTo("samedi");
        assertThat(saturday.isOpenAt(at(5, "09:00"))).isTrue();
        assertThat(saturday.isOpenAt(at(6, "09:00"))).isFalse();
    }

    @Test
    void aPlageWithOnlyACommentIsNeverOpen() {
        Mairie mairie = mairie(new OpeningHours("Dimanche", "Dimanche", List.of(), "Fermé"));
        for (String time : List.of("00:00", "09:00", "12:00", "23:59")) {
            assertThat(mairie.isOpenAt(at(6, time))).isFalse();
        }
        assertThat(mairie(new OpeningHours[0]).isOpenAt(at(0, "10:00"))).isFalse();
    }

    @Test
    void timesAreReadAsTheAnnuaireWritesThem() {
        assertThat(TimeRange.time("09:00:00")).contains(LocalTime.of(9, 0));
        assertThat(TimeRange.time("9:30")).contains(LocalTime.of(9, 30));
        assertThat(TimeRange.time("24:00:00")).contains(LocalTime.MAX);
        assertThat(TimeRange.time("9h30")).isEmpty();
        assertThat(TimeRange.time("25:00")).isEmpty();
        assertThat(TimeRange.time("")).isEmpty();
        assertThat(range("22:00-00:00").closes()).isEqualTo(LocalTime.MAX);
        assertThat(range("22:00-24:00").format()).isEqualTo("22:00-24:00");
        assertThat(TimeRange.parse("12:00-09:00")).isEmpty();
        assertThatThrownBy(() -> new TimeRange(LocalTime.NOON, LocalTime.NOON)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpeningHours("Lundimanche", null, List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
