package fr.anct.opencollectivites.mairies;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The days of the week by their French names, lundi … dimanche, as the annuaire and the API write them. */
final class FrenchDays {
    static final List<String> NAMES = List.of("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche");

    private FrenchDays() {
    }

    /** "Lundi", "LUNDI", " lundi " → lundi. */
    static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String folded = Normalizer.normalize(text.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return NAMES.contains(folded) ? Optional.of(folded) : Optional.empty();
    }

    static DayOfWeek dayOfWeek(String name) {
        int index = NAMES.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("Not a French day name: " + name);
        }
        return DayOfWeek.of(index + 1);
    }

    static String name(DayOfWeek day) {
        return NAMES.get(day.getValue() - 1);
    }
}
