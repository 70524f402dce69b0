package fr.anct.opencollectivites.finances;

import java.util.List;

/**
 * The whole financial series of one collectivité, ordered by exercice then agrégat.
 * {@code source} names the publisher and dataset, e.g. {@code OFGL – comptes consolidés
 * (ofgl-base-communes-consolidee)}; {@code vintage} the millésime of the base (the year its headers carry), e.g. {@code 2024};
 * the exercices are those of the values.
 */
public record FinanceSeries(FinanceLevel level, String code, String source, String vintage, List<FinanceValue> values) {

    public FinanceSeries {
        values = List.copyOf(values);
    }
}
