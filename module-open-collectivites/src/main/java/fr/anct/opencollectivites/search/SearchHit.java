package fr.anct.opencollectivites.search;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One collectivité found.
 *
 * @param type           content-type name: commune, epci, departement, region, arrondissement
 * @param typecom        COM, ARM, COMD or COMA for a commune, else null
 * @param departement    code of its département (the siège's for an EPCI), when known
 * @param departementNom name of that département, when indexed
 * @param apiPath        the node in the delivery API, e.g. {@code /.rest/delivery/communes/01/01001}
 * @param pagePath       its page on the site, e.g. {@code /communes/01001-l-abergement-clemenciat}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchHit(String code, String nom, String type, String typecom, String departement,
                        String departementNom, Long population, String apiPath, String pagePath) {
}
