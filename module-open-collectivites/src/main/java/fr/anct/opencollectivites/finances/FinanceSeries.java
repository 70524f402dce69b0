package fr.anct.opencollectivites.finances;

import java.util.List;

/**
 * The whole financial series of one collectivité, ordered by exercice then agrégat.
 * {@code source} names the publisher and dataset, e.g. {@code OFGL – comptes consolidés
 * (ofgl-base-communes-consolidee)}; {@code vintage} the exercices and the file's millésime, e.g.
 * {@code exercices 2022 à 2023, millésime 2024}.
 */
public record FinanceSeries(FinanceLevel level, String code, String source, String vintage, List<FinanceValue> values) {

    public FinanceSeries {
        values = List.copyOf(values);
    }
}
