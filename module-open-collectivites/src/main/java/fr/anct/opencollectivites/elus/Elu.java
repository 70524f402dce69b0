package fr.anct.opencollectivites.elus;

import java.time.LocalDate;

/**
 * An élu as the fiche shows it: the maire of a commune or the président of an EPCI, from the Répertoire
 * national des élus. Neither the birth date nor the profession is kept: the fiche has no use for them.
 *
 * @param sexe          M or F, as the RNE codes it
 * @param fonction      "Maire", "Président du conseil communautaire"
 * @param debutFonction when the élu took this fonction
 * @param vintage       the date of the RNE file it comes from (ISO yyyy-MM-dd)
 */
public record Elu(String nom, String prenom, String sexe, String fonction, LocalDate debutFonction, String source,
                  String vintage) {
}
