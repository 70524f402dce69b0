package fr.anct.opencollectivites.finances;

/** The four levels of collectivité for which the OFGL publishes a consolidated base. */
public enum FinanceLevel {
    COMMUNE("communes", "ofgl-base-communes-consolidee", "Commune"),
    EPCI("epci", "ofgl-base-gfp-consolidee", "GFP"),
    DEPARTEMENT("departements", "ofgl-base-departements-consolidee", "DEPT"),
    REGION("regions", "ofgl-base-regions-consolidee", null);

    private static final FinanceLevel[] ALL = values();

    private final String folder;
    private final String dataset;
    private final String categorie;

    FinanceLevel(String folder, String dataset, String categorie) {
        this.folder = folder;
        this.dataset = dataset;
        this.categorie = categorie;
    }

    /** The OFGL's {@code Catégorie} of this level's rows, where known (the régions sample is ours). */
    String categorie() {
        return categorie;
    }

    /**
     * Whether a row of this {@code Catégorie} belongs to a level below this one: a communes base whose
     * key column is missing looks like an EPCI base (it names each commune's EPCI) and must not be
     * imported as one.
     */
    boolean isBelow(String rowCategorie) {
        for (FinanceLevel lower : ALL) {
            if (lower.ordinal() < ordinal() && lower.categorie != null && lower.categorie.equalsIgnoreCase(rowCategorie)) {
                return true;
            }
        }
        return false;
    }

    /** The folder under {@code /collectivites/finances}. */
    public String folder() {
        return folder;
    }

    /** The OFGL dataset (data.ofgl.fr) this level's series come from. */
    public String dataset() {
        return dataset;
    }
}
