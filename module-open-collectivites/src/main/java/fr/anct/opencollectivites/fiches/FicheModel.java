package fr.anct.opencollectivites.fiches;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON shape of a fiche (docs/api.md). Absent sections and values are left out rather than
 * written as null, so that a client sees at a glance what the platform knows.
 */
public final class FicheModel {
    private FicheModel() {
    }

    /** Where a figure comes from: the producer's dataset and its vintage. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String nom, String millesime, String url) {
    }

    /** Where to read the same collectivité elsewhere on the platform. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Liens(String fiche, String delivery, String page, String csv, String json) {
    }

    /** Another collectivité, named in a fiche's hierarchy. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TerritoireRef(String type, String code, String nom, String typecom, Long population, Liens liens) {
    }

    /** A list of collectivités with its count; {@code items} is left out when the list is too long to inline. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Liste(int total, List<TerritoireRef> items, String export) {
    }

    /** A status of a commune: préfecture de région, préfecture, sous-préfecture. */
    public record Statut(String code, String libelle) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Identite(String code, String typecom, String typecomLibelle, String siren, String natureJuridique,
                           String natureJuridiqueLibelle, String modeFinancement, List<Statut> statuts,
                           List<String> anciensCodes, List<String> anciensNoms, List<String> codesPostaux,
                           Source source) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hierarchie(TerritoireRef region, TerritoireRef departement, TerritoireRef arrondissement,
                             TerritoireRef epci, TerritoireRef communeParente, TerritoireRef siege,
                             Liste communesDeleguees, Liste communesAssociees, Liste arrondissementsMunicipaux,
                             Liste membres, Liste departements, Liste arrondissements, Liste communes, Liste intercommunalites,
                             Source source) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Population(Long municipale, Long compteeAPart, Long totale, Source source) {
    }
}
