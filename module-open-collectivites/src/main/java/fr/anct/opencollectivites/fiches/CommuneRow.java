package fr.anct.opencollectivites.fiches;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A commune as a row of an export: its codes, names and population. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommuneRow(String code, String nom, String typecom, String departement, String region, String epci,
                         String siren, Long population, Long populationTotale) {
}
