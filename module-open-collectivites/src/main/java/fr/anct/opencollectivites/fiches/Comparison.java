package fr.anct.opencollectivites.fiches;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * 2 to 6 collectivités side by side: one row per indicator (and year), one value per collectivité in
 * the order of {@code collectivites}, {@code null} where a collectivité has no such figure.
 */
public record Comparison(List<Compared> collectivites, List<Row> indicateurs) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Compared(String type, String code, String key, String nom, FicheModel.Liens liens) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String id, String libelle, String unite, Integer annee, List<Number> valeurs,
                      List<FicheModel.Source> sources) {
    }
}
