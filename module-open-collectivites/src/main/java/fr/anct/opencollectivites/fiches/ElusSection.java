package fr.anct.opencollectivites.fiches;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The maire of a commune or the président of an EPCI, from the Répertoire national des élus. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ElusSection(Elu maire, Elu president) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Elu(String nom, String prenom, String fonction, LocalDate debutFonction, FicheModel.Source source) {
    }
}
