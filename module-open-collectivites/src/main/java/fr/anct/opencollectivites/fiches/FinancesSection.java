package fr.anct.opencollectivites.fiches;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A collectivité's OFGL agrégats, one row per agrégat with its values by exercice (oldest first). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FinancesSection(FicheModel.Source source, List<Integer> exercices, List<Agregat> agregats) {

    public record Agregat(String agregat, List<Valeur> valeurs) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Valeur(int exercice, BigDecimal montant, BigDecimal euroParHabitant, Long population) {
    }
}
