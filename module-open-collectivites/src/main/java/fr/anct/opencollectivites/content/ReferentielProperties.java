package fr.anct.opencollectivites.content;

/**
 * The names of the référentiel's properties, as the light module's content types declare them
 * ({@code contentTypes/commune.yaml}, {@code epci.yaml}, {@code departement.yaml}, {@code region.yaml},
 * {@code arrondissement.yaml}): the one place code reading or writing the référentiel names them.
 * {@code ReferentielPropertiesTest} checks each is declared by a référentiel type.
 */
public final class ReferentielProperties {
    /** INSEE code (SIREN for an EPCI): the official key of every référentiel node. */
    public static final String CODE = "code";
    public static final String NOM = "nom";
    public static final String TYPECOM = "typecom";
    public static final String SIREN = "siren";
    /** Reference to a région, a département, an arrondissement, an EPCI (their code). */
    public static final String REGION = "region";
    public static final String DEPARTEMENT = "departement";
    public static final String ARRONDISSEMENT = "arrondissement";
    public static final String EPCI = "epci";
    public static final String COMMUNE_PARENTE = "communeParente";
    public static final String POPULATION = "population";
    public static final String POPULATION_TOTALE = "populationTotale";
    /** Of a commune: the population counted apart (INSEE's PCAP). */
    public static final String POPULATION_COMPTEE_A_PART = "populationCompteeAPart";
    public static final String MILLESIME_POPULATION = "millesimePopulation";
    public static final String ANCIENS_CODES = "anciensCodes";
    /** Of a commune (COM or ARM): its postal codes, sorted. */
    public static final String CODES_POSTAUX = "codesPostaux";
    public static final String ANCIENS_NOMS = "anciensNoms";
    /** Of an EPCI: the département of its siège, the siège commune, the member communes, its nature. */
    public static final String DEPARTEMENT_SIEGE = "departementSiege";
    public static final String SIEGE = "siege";
    public static final String MEMBRES = "membres";
    public static final String NATURE_JURIDIQUE = "natureJuridique";
    public static final String MODE_FINANCEMENT = "modeFinancement";
    public static final String NOMBRE_MEMBRES = "nombreMembres";
    /** Of an EPCI: the vintage of the DGCL file it was imported from. */
    public static final String MILLESIME = "millesime";
    /** Of a département or a région: its chef-lieu commune. */
    public static final String CHEF_LIEU = "chefLieu";
    /** The vintage of the COG file a commune, département, région or arrondissement was imported from. */
    public static final String MILLESIME_COG = "millesimeCog";
    /** The COG's NCC (name in capitals, without article) and TNCC (the article's kind). */
    public static final String NOM_MAJUSCULES = "nomMajuscules";
    public static final String TYPE_NOM_ET_CHARNIERE = "typeNomEtCharniere";
    public static final String CANTON = "canton";

    private ReferentielProperties() {
    }
}
