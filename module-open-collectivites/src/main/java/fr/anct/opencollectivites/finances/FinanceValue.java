package fr.anct.opencollectivites.finances;

import java.math.BigDecimal;

/**
 * One agrégat of one exercice: the consolidated amount (budget principal and budgets annexes, net of
 * flows between them), the amount per inhabitant and the population the OFGL divided by. The last two
 * are {@code null} when the base gives none.
 */
public record FinanceValue(int exercice, String agregat, BigDecimal montant, BigDecimal euroParHabitant,
                           Long population) {
}
