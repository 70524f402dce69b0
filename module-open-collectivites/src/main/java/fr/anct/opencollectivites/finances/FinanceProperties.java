package fr.anct.opencollectivites.finances;

/** The properties of an {@code oc:finances} node (contentTypes/finances.yaml). */
final class FinanceProperties {
    static final String CODE = "code";
    static final String NIVEAU = "niveau";
    static final String NOM = "nom";
    static final String SOURCE = "source";
    static final String DATASET = "dataset";
    static final String MILLESIME = "millesime";
    static final String EXERCICES = "exercices";
    static final String VALEURS = "valeurs";

    private FinanceProperties() {
    }
}
