package fr.anct.opencollectivites.fiches;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.collectivites.CollectivitePaths;
import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ReferentielProperties;
import fr.anct.opencollectivites.fiches.FicheModel.Liens;
import fr.anct.opencollectivites.fiches.FicheModel.TerritoireRef;
import fr.anct.opencollectivites.repository.NodeProperties;
import fr.anct.opencollectivites.search.Slugs;

/**
 * Finds référentiel nodes by fiche key and describes them as {@link TerritoireRef}s with the links
 * to their fiche, delivery node and site page.
 */
final class Territoires {
    static final String FICHES_API = "/.rest/open-collectivites/v1/fiches/";
    private static final Pattern COMMUNE_KEY = Pattern.compile("(\\d{2}|2[AB])\\d{3}(-com[da])?");

    private final Map<FicheType, ContentTypeDefinition> types = new EnumMap<>(FicheType.class);
    private final ContentTypeDefinition arrondissementType;

    Territoires(ContentTypeRegistry contentTypes) {
        for (FicheType type : FicheType.values()) {
            types.put(type, contentTypes.require(type.id()));
        }
        arrondissementType = contentTypes.require("arrondissement");
    }

    /** The node of a fiche key: {@code 42218}, {@code 01015-comd}, an EPCI's SIREN, a département or région code. */
    Optional<Node> node(Session session, FicheType type, String key) throws RepositoryException {
        String path = path(type, key);
        return path != null && session.nodeExists(path) ? Optional.of(session.getNode(path)) : Optional.empty();
    }

    Optional<Node> commune(Session session, String code) throws RepositoryException {
        return code == null ? Optional.empty() : node(session, FicheType.COMMUNE, code);
    }

    Optional<Node> byCode(Session session, FicheType type, String code) throws RepositoryException {
        return code == null ? Optional.empty() : node(session, type, code);
    }

    Optional<Node> arrondissement(Session session, String code) throws RepositoryException {
        if (code == null || code.contains("/")) {
            return Optional.empty();
        }
        String path = CollectivitePaths.item(arrondissementType, code);
        return session.nodeExists(path) ? Optional.of(session.getNode(path)) : Optional.empty();
    }

    private String path(FicheType type, String key) {
        if (key == null || key.isBlank() || key.contains("/") || key.contains("[")) {
            return null;
        }
        if (type == FicheType.COMMUNE) {
            if (!COMMUNE_KEY.matcher(key).matches()) {
                return null;
            }
            String code = key.substring(0, 5);
            String typecom = key.endsWith("-comd") ? "COMD" : key.endsWith("-coma") ? "COMA" : "COM";
            return CollectivitePaths.commune(types.get(type), typecom, code);
        }
        return CollectivitePaths.item(types.get(type), key);
    }

    TerritoireRef ref(FicheType type, Node node) throws RepositoryException {
        return new TerritoireRef(type.id(), NodeProperties.string(node, ReferentielProperties.CODE), NodeProperties.string(node, ReferentielProperties.NOM),
                NodeProperties.string(node, ReferentielProperties.TYPECOM), NodeProperties.number(node, ReferentielProperties.POPULATION), liens(type, node, false));
    }

    TerritoireRef arrondissementRef(Node node) throws RepositoryException {
        String root = CollectivitePaths.root(arrondissementType);
        return new TerritoireRef("arrondissement", NodeProperties.string(node, ReferentielProperties.CODE), NodeProperties.string(node, ReferentielProperties.NOM),
                null, null, new Liens(null, "/.rest/delivery/arrondissements" + node.getPath().substring(root.length()),
                null, null, null));
    }

    /** The links of a collectivité; with downloads for the fiche itself. */
    Liens liens(FicheType type, Node node, boolean withDownloads) throws RepositoryException {
        String root = CollectivitePaths.root(types.get(type));
        String key = node.getName();
        String fiche = FICHES_API + type.id() + "/" + key;
        return new Liens(fiche,
                "/.rest/delivery/" + type.section() + node.getPath().substring(root.length()),
                Slugs.pagePath(type.section(), key, NodeProperties.string(node, ReferentielProperties.NOM)),
                withDownloads ? fiche + ".csv" : null,
                withDownloads ? fiche + ".json" : null);
    }

    String root(FicheType type) {
        return CollectivitePaths.root(types.get(type));
    }

    String arrondissementRoot() {
        return CollectivitePaths.root(arrondissementType);
    }
}
