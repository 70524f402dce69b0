package fr.anct.opencollectivites.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.jcr.Node;
import javax.jcr.Property;
import javax.jcr.RepositoryException;
import javax.jcr.Value;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
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
        String code = string(node, "code");
        String nom = string(node, "nom");
        if (type == SearchType.DEPARTEMENT && code != null) {
            departementNames.put(code, nom);
        }
        String departement = switch (type) {
            case COMMUNE, ARRONDISSEMENT -> string(node, "departement");
            case EPCI -> string(node, "departementSiege");
            case DEPARTEMENT -> code;
            case REGION -> null;
        };
        String departementNom = departement == null ? null : departementNames.get(departement);
        String section = rootPaths.get(type).substring(1);
        String path = node.getPath();
        String typeRoot = LIVE_ROOT + rootPaths.get(type);
        String relative = path.startsWith(typeRoot + "/") ? path.substring(typeRoot.length())
                : path.substring(LIVE_ROOT.length());
        SearchHit hit = new SearchHit(code, nom, type.contentType(), string(node, "typecom"), departement,
                departementNom, number(node, "population"), "/.rest/delivery/" + section + relative,
                Slugs.pagePath(section, node.getName(), nom));
        return new IndexedCollectivite(path, type, hit, string(node, "siren"),
                strings(node, "anciensCodes"), strings(node, "anciensNoms"));
    }

    private static String string(Node node, String name) throws RepositoryException {
        if (!node.hasProperty(name)) {
            return null;
        }
        Property property = node.getProperty(name);
        return property.isMultiple() ? null : property.getString();
    }

    private static Long number(Node node, String name) throws RepositoryException {
        if (!node.hasProperty(name)) {
            return null;
        }
        Property property = node.getProperty(name);
        return property.isMultiple() ? null : property.getLong();
    }

    private static List<String> strings(Node node, String name) throws RepositoryException {
        if (!node.hasProperty(name)) {
            return List.of();
        }
        Property property = node.getProperty(name);
        if (!property.isMultiple()) {
            return List.of(property.getString());
        }
        List<String> values = new ArrayList<>();
        for (Value value : property.getValues()) {
            values.add(value.getString());
        }
        return values;
    }
}
