package fr.anct.opencollectivites.collectivites;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.jcr.Node;
import javax.jcr.Property;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ReferentielProperties;
import fr.anct.opencollectivites.imports.ImportContext;

/**
 * Former communes ({@code ancienneCommune}, under {@code /collectivites/anciennes-communes}): a live
 * commune that a complete COG no longer lists, or that the mouvements merged or renumbered, becomes
 * one, keeping what it was (name, département, population, SIREN, EPCI) with its successor; one whose
 * code comes back (a rétablissement) becomes live again. Being of another node type, in another
 * folder, a former commune is in no list, count, search, export or query of live communes.
 */
final class FormerCommunes {
    static final String TYPE = "ancienneCommune";
    /** What the former record keeps of the live node. */
    private static final List<String> KEPT = List.of(
            ReferentielProperties.CODE, ReferentielProperties.TYPECOM, ReferentielProperties.NOM,
            ReferentielProperties.REGION, ReferentielProperties.DEPARTEMENT, ReferentielProperties.COMMUNE_PARENTE,
            ReferentielProperties.SIREN, ReferentielProperties.EPCI, ReferentielProperties.POPULATION,
            ReferentielProperties.MILLESIME_POPULATION, ReferentielProperties.MILLESIME_COG,
            ReferentielProperties.ANCIENS_NOMS);

    private FormerCommunes() {
    }

    static String path(ContentTypeDefinition formerType, String typecom, String code) {
        return CollectivitePaths.commune(formerType, typecom, code);
    }

    /** Retires a live commune; {@code successor} and {@code end} may be null (not known yet). */
    static void retire(ImportContext context, Node live, String successor, LocalDate end) throws RepositoryException {
        ContentTypeDefinition type = context.type(TYPE);
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : KEPT) {
            if (live.hasProperty(name)) {
                values.put(name, value(live.getProperty(name)));
            }
        }
        values.put("successeur", successor);
        values.put("dateFin", end);
        String typecom = live.getProperty(ReferentielProperties.TYPECOM).getString();
        String code = live.getProperty(ReferentielProperties.CODE).getString();
        context.retire(live, path(type, typecom, code), type, values);
    }

    /** A code listed again: its former record, if any, goes (the live node is the truth). */
    static void comesBack(ImportContext context, String typecom, String code) throws RepositoryException {
        Session session = context.session();
        String path = path(context.type(TYPE), typecom, code);
        if (session.nodeExists(path)) {
            context.removeFormerRecord(session.getNode(path));
        }
    }

    private static Object value(Property property) throws RepositoryException {
        if (property.isMultiple()) {
            List<String> values = new ArrayList<>();
            for (Value value : property.getValues()) {
                values.add(value.getString());
            }
            return values;
        }
        return property.getType() == PropertyType.LONG ? property.getLong() : property.getString();
    }
}
