package fr.anct.opencollectivites.mairies;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A mairie of the service-public annuaire as the fiche shows it.
 *
 * @param id         the annuaire's identifier (a UUID)
 * @param deleguee   false for the commune's own mairie, true for a mairie déléguée or annexe
 * @param codesInsee the communes it serves, from its "mairie" pivot (which wins over code_insee_commune)
 * @param horaires   its opening hours, in the annuaire's order
 * @param source     who publishes the data
 * @param miseAJour  the record's last modification in the annuaire
 */
public record Mairie(String id, String nom, boolean deleguee, List<String> codesInsee, String adresse,
                     String codePostal, String commune, String telephone, String email, String siteInternet,
                     List<OpeningHours> horaires, String source, LocalDate miseAJour) {

    public Mairie {
        codesInsee = codesInsee == null ? List.of() : List.copyOf(codesInsee);
        horaires = horaires == null ? List.of() : List.copyOf(horaires);
    }

    /** Whether one of its opening hours covers this local time (opening included, closing excluded). */
    public boolean isOpenAt(LocalDateTime when) {
        return horaires.stream().anyMatch(hours -> hours.isOpenAt(when));
    }
}
