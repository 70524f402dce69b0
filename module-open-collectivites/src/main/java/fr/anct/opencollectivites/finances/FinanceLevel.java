package fr.anct.opencollectivites.finances;

/** The four levels of collectivité for which the OFGL publishes a consolidated base. */
public enum FinanceLevel {
    COMMUNE("communes", "ofgl-base-communes-consolidee"),
    EPCI("epci", "ofgl-base-gfp-consolidee"),
    DEPARTEMENT("departements", "ofgl-base-departements-consolidee"),
    REGION("regions", "ofgl-base-regions-consolidee");

    private final String folder;
    private final String dataset;

    FinanceLevel(String folder, String dataset) {
        this.folder = folder;
        this.dataset = dataset;
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
