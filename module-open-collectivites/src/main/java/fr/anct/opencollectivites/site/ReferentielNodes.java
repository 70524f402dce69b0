package fr.anct.opencollectivites.site;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.collectivites.CollectivitePaths;
import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.TerritoryKey;
import fr.anct.opencollectivites.fiches.FicheType;

/**
 * A collectivité's node in the live référentiel, found by its path (no query) with the caller's session:
 * {@code 42218}, {@code 01015-comd} for a commune déléguée, an EPCI's SIREN, a département or région code.
 */
final class ReferentielNodes {
    private final Map<FicheType, ContentTypeDefinition> types = new EnumMap<>(FicheType.class);

    ReferentielNodes(ContentTypeRegistry registry) {
        for (FicheType level : FicheType.values()) {
            types.put(level, registry.require(level.id()));
        }
    }

    /** The node path of a fiche key, without reading it. */
    String path(FicheType level, String key) {
        if (level == FicheType.COMMUNE) {
            String code = key.replaceFirst("-(comd|coma)$", "");
            String typecom = key.endsWith("-comd") ? "COMD" : key.endsWith("-coma") ? "COMA" : "COM";
            return CollectivitePaths.commune(types.get(level), typecom, code);
        }
        return CollectivitePaths.item(types.get(level), key);
    }

    /** The node of a fiche key; empty when there is none or the key is not one. */
    Optional<Node> node(Session session, FicheType level, String key) throws RepositoryException {
        if (key == null || !key.matches("[0-9AB]{2,9}(-comd|-coma)?")) {
            return Optional.empty();
        }
        String path = path(level, key);
        return session.nodeExists(path) ? Optional.of(session.getNode(path)) : Optional.empty();
    }

    Optional<Node> node(Session session, TerritoryKey territory) throws RepositoryException {
        return node(session, fiche(territory), territory.code());
    }

    /** The fiche level of a territory key. */
    static FicheType fiche(TerritoryKey territory) {
        return FicheType.byId(territory.level().prefix()).orElseThrow();
    }

    /** The fiche page by code ({@code /communes/42218}), which the site redirects to its canonical address. */
    static String href(TerritoryKey territory) {
        return "/" + fiche(territory).section() + "/" + territory.code();
    }
}
