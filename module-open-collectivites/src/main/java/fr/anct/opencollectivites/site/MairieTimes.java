package fr.anct.opencollectivites.site;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import fr.anct.opencollectivites.fiches.Fiche;
import fr.anct.opencollectivites.mairies.Mairie;

/**
 * "Ouvert maintenant": whether each mairie of a fiche is open at the local time of its commune
 * (the annuaire gives local hours; overseas départements have their own time zones).
 */
final class MairieTimes {
    private static final ZoneId METROPOLE = ZoneId.of("Europe/Paris");
    private static final Map<String, ZoneId> OVERSEAS = Map.of(
            "971", ZoneId.of("America/Guadeloupe"), "972", ZoneId.of("America/Martinique"),
            "973", ZoneId.of("America/Cayenne"), "974", ZoneId.of("Indian/Reunion"),
            "975", ZoneId.of("America/Miquelon"), "976", ZoneId.of("Indian/Mayotte"),
            "977", ZoneId.of("America/St_Barthelemy"), "978", ZoneId.of("America/Marigot"));

    private MairieTimes() {
    }

    /** One flag per mairie of the fiche, in its order (empty when it has none). */
    static List<Boolean> openNow(Fiche fiche, Clock clock) {
        List<Mairie> mairies = fiche.mairies();
        if (mairies == null || mairies.isEmpty()) {
            return List.of();
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(zone(fiche.code())));
        return mairies.stream().map(mairie -> mairie.isOpenAt(now)).toList();
    }

    static ZoneId zone(String communeCode) {
        return communeCode != null && communeCode.length() >= 3
                ? OVERSEAS.getOrDefault(communeCode.substring(0, 3), METROPOLE) : METROPOLE;
    }
}
