package fr.anct.opencollectivites.newsletter;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.collectivites.CollectivitePaths;
import fr.anct.opencollectivites.content.ContentTypeRegistry;

/**
 * The territory keys a subscription receives: the chosen ones plus the territories that contain them
 * (a commune's EPCI, département and région; a département's région), because a publication about the
 * Haute-Garonne concerns Toulouse too. Never the contained ones (a région subscriber does not get every
 * commune's news) and never publications tagged with no territory.
 */
final class TerritoryScope {
    private final ContentTypeRegistry contentTypes;

    TerritoryScope(ContentTypeRegistry contentTypes) {
        this.contentTypes = contentTypes;
    }

    private String path(String level, String code) {
        return level.equals("commune") ? CollectivitePaths.commune(contentTypes.require("commune"), "COM", code)
                : CollectivitePaths.item(contentTypes.require(level), code);
    }

    Set<String> withParents(Session session, List<String> keys) throws RepositoryException {
        Set<String> scope = new LinkedHashSet<>(keys);
        for (String key : keys) {
            int colon = key.indexOf(':');
            String level = key.substring(0, colon);
            String code = key.substring(colon + 1);
            switch (level) {
                case "commune" -> {
                    String path = path("commune", code);
                    if (session.nodeExists(path)) {
                        Node commune = session.getNode(path);
                        add(scope, "epci", commune, "epci");
                        add(scope, "departement", commune, "departement");
                        add(scope, "region", commune, "region");
                    }
                }
                case "departement" -> {
                    String path = path("departement", code);
                    if (session.nodeExists(path)) {
                        add(scope, "region", session.getNode(path), "region");
                    }
                }
                default -> {
                }
            }
        }
        return scope;
    }

    /** Whether a key names a collectivité of the référentiel. */
    boolean exists(Session session, String key) throws RepositoryException {
        int colon = key.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String code = key.substring(colon + 1);
        if (!code.matches("[0-9A-Za-z]{2,9}")) {
            return false;
        }
        return switch (key.substring(0, colon)) {
            case "commune", "epci", "departement", "region" -> session.nodeExists(path(key.substring(0, colon), code));
            default -> false;
        };
    }

    private static void add(Set<String> scope, String level, Node node, String property) throws RepositoryException {
        if (node.hasProperty(property) && !node.getProperty(property).isMultiple()) {
            scope.add(level + ":" + node.getProperty(property).getString());
        }
    }

    /** The French name of a territory key, the key itself when unknown. */
    String name(Session session, String key) throws RepositoryException {
        int colon = key.indexOf(':');
        String path = path(key.substring(0, colon), key.substring(colon + 1));
        if (session.nodeExists(path) && session.getNode(path).hasProperty("nom")) {
            return session.getNode(path).getProperty("nom").getString();
        }
        return key;
    }
}
