package fr.anct.opencollectivites.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.anct.opencollectivites.fiches.Fiche;
import fr.anct.opencollectivites.fiches.FicheModel;
import fr.anct.opencollectivites.fiches.FicheType;
import fr.anct.opencollectivites.web.Json;

/**
 * schema.org description of a fiche for search engines: an {@code AdministrativeArea} (commune,
 * département, région: the territory) or a {@code GovernmentOrganization} (an EPCI: an organisation
 * of communes), with its parents as {@code containedInPlace} / {@code areaServed}.
 */
final class JsonLd {
    private static final ObjectMapper JSON = Json.MAPPER;

    private JsonLd() {
    }

    static String of(Fiche fiche, String pagePath, String baseUrl) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        boolean epci = fiche.ficheType() == FicheType.EPCI;
        ld.put("@type", epci ? "GovernmentOrganization" : "AdministrativeArea");
        ld.put("@id", baseUrl + pagePath);
        ld.put("name", fiche.nom());
        ld.put("url", baseUrl + pagePath);
        ld.put("identifier", List.of(Map.of("@type", "PropertyValue",
                "propertyID", epci ? "SIREN" : "COG", "value", fiche.code())));
        List<Map<String, Object>> containers = new ArrayList<>();
        FicheModel.Hierarchie hierarchie = fiche.hierarchie();
        if (hierarchie != null) {
            for (FicheModel.TerritoireRef parent : new FicheModel.TerritoireRef[] {
                    hierarchie.communeParente(), hierarchie.epci(), hierarchie.departement(), hierarchie.region()}) {
                if (parent != null && parent.liens() != null && parent.liens().page() != null) {
                    containers.add(Map.of("@type", "epci".equals(parent.type()) ? "GovernmentOrganization" : "AdministrativeArea",
                            "name", parent.nom(), "url", baseUrl + parent.liens().page()));
                }
            }
        }
        if (!containers.isEmpty()) {
            ld.put(epci ? "areaServed" : "containedInPlace", containers);
        }
        try {
            // "</" inside a script element would end it: JSON allows "<\/" for the same text.
            return JSON.writeValueAsString(ld).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
