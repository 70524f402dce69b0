package fr.anct.opencollectivites.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * schema.org description of a fiche for search engines: an {@code AdministrativeArea} (commune,
 * département, région: the territory) or a {@code GovernmentOrganization} (an EPCI: an organisation
 * of communes), with its parents as {@code containedInPlace} / {@code parentOrganization}.
 */
final class JsonLd {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLd() {
    }

    static String of(Fiche fiche, String baseUrl) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        boolean epci = fiche.level() == Level.EPCI;
        ld.put("@type", epci ? "GovernmentOrganization" : "AdministrativeArea");
        ld.put("@id", baseUrl + fiche.pagePath());
        ld.put("name", fiche.nom());
        ld.put("url", baseUrl + fiche.pagePath());
        ld.put("identifier", List.of(Map.of("@type", "PropertyValue",
                "propertyID", epci ? "SIREN" : "COG", "value", fiche.code())));
        List<Map<String, Object>> containers = fiche.parents().stream()
                .filter(l -> List.of("region", "departement", "epci", "communeParente").contains(l.role()))
                .map(l -> Map.<String, Object>of("@type", "epci".equals(l.role()) ? "GovernmentOrganization" : "AdministrativeArea",
                        "name", l.nom(), "url", baseUrl + l.href()))
                .toList();
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
