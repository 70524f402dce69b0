package fr.anct.opencollectivites.search;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.jcr.Node;
import javax.jcr.RepositoryException;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ReferentielProperties;
import fr.anct.opencollectivites.repository.NodeProperties;
import fr.anct.opencollectivites.repository.Workspaces;

/**
 * Reads collectivité nodes of the live tree into {@link IndexedCollectivite}s. Remembers the names of
 * the départements it has read, so that communes and EPCI carry theirs without a lookup per node.
 */
final class CollectiviteReader {
    static final String LIVE_ROOT = Workspaces.liveRoot(Workspaces.COLLECTIVITES);

    private final Map<SearchType, String> rootPaths = new EnumMap<>(SearchType.class);
    private final Map<String, String> departementNames = new ConcurrentHashMap<>();

    CollectiviteReader(ContentTypeRegistry contentTypes) {
        for (SearchType type : SearchType.values()) {
            String rootPath = contentTypes.byName(type.contentType())
                    .map(ContentTypeDefinition::datasource)
                    .map(ContentTypeDefinition.Datasource::rootPath)
                    .orElse("/" + type.contentType() + "s");
            rootPaths.put(type, rootPath);
        }
    }

    /** The collectivité at this node, empty when the node is something else (folder, sub-model). */
    Optional<IndexedCollectivite> read(Node node) throws RepositoryException {
        Optional<SearchType> type = SearchType.byNodeType(node.getPrimaryNodeType().getName());
        if (type.isEmpty() || !node.getPath().startsWith(LIVE_ROOT + "/") || !node.hasProperty("nom")) {
            return Optional.empty();
        }
        return Optional.of(read(node, type.get()));
    }

    private IndexedCollectivite read(Node node, SearchType type) throws RepositoryException {
        String code = NodeProperties.string(node, "code");
        String nom = NodeProperties.string(node, "nom");
        if (type == SearchType.DEPARTEMENT && code != null) {
            departementNames.put(code, nom);
        }
        String departement = switch (type) {
            case COMMUNE, ARRONDISSEMENT -> NodeProperties.string(node, "departement");
            case EPCI -> NodeProperties.string(node, ReferentielProperties.DEPARTEMENT_SIEGE);
            case DEPARTEMENT -> code;
            case REGION -> null;
        };
        String departementNom = departement == null ? null : departementNames.get(departement);
        String section = rootPaths.get(type).substring(1);
        String path = node.getPath();
        String typeRoot = LIVE_ROOT + rootPaths.get(type);
        String relative = path.startsWith(typeRoot + "/") ? path.substring(typeRoot.length())
                : path.substring(LIVE_ROOT.length());
        SearchHit hit = new SearchHit(code, nom, type.contentType(), NodeProperties.string(node, ReferentielProperties.TYPECOM), departement,
                departementNom, NodeProperties.number(node, ReferentielProperties.POPULATION), "/.rest/delivery/" + section + relative,
                Slugs.pagePath(section, node.getName(), nom));
        return new IndexedCollectivite(path, type, hit, NodeProperties.string(node, "siren"),
                NodeProperties.strings(node, ReferentielProperties.ANCIENS_CODES), NodeProperties.strings(node, ReferentielProperties.ANCIENS_NOMS),
                NodeProperties.strings(node, ReferentielProperties.CODES_POSTAUX));
    }
}
