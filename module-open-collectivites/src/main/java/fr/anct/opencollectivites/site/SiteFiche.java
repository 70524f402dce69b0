package fr.anct.opencollectivites.site;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import fr.anct.opencollectivites.fiches.FicheType;

/**
 * What the comparison page shows of one collectivité, read from the référentiel (FicheService reads
 * the full fiche; this is the light part the comparison table needs).
 *
 * @param key        the node name in its URL: the code, the SIREN of an EPCI, {@code <code>-comd}
 * @param pagePath   canonical page path, {@code /communes/42218-saint-etienne}
 * @param apiPath    the node in the delivery API (JSON download)
 * @param values     the node's properties as stored (numbers as Long), by content-type property name
 * @param parents    the collectivités it belongs to (région, département, arrondissement, EPCI…)
 * @param children   the collectivités it is made of (départements of a région, communes of an EPCI…)
 * @param lastModified the latest {@code mgnl:lastModified} of what is shown (Last-Modified)
 */
public record SiteFiche(FicheType level, String code, String key, String nom, String pagePath, String apiPath,
                   Map<String, Object> values, List<Link> parents, List<Link> children, Instant lastModified) {

    /**
     * A link to another collectivité.
     *
     * @param role i18n key suffix of what it is to this fiche: region, departement, epci, communeParente…
     */
    public record Link(String role, String code, String nom, String href) {
    }

    public Object value(String name) {
        return values.get(name);
    }
}
