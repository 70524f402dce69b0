package fr.anct.opencollectivites.fiches;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One figure of a fiche, flattened for comparisons and exports: {@code id} is stable
 * ({@code population.municipale}, {@code finances.<agrégat>.montant}), {@code annee} set for yearly series.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Indicateur(String id, String libelle, String unite, Integer annee, Number valeur,
                         FicheModel.Source source) {

    /** Identifies the row an indicator belongs to in a comparison: same id and same year. */
    public String rowKey() {
        return annee == null ? id : id + "@" + annee;
    }
}
