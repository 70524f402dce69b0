package fr.anct.opencollectivites.publications.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.collectivites.CollectivitePaths;
import fr.anct.opencollectivites.content.ContentTypeRegistry;

/**
 * A territory and its parents, most specific first: a commune's publications section also shows those
 * about its EPCI, its département and its région. Read from the référentiel ({@code epci},
 * {@code departement}, {@code region} of the commune; {@code region} of a département;
 * {@code departementSiege} of an EPCI and its région). A former région ({@code ancienne-region:31}) has no parent.
 */
public final class TerritoryScope {
    private final ContentTypeRegistry contentTypes;

    public TerritoryScope(ContentTypeRegistry contentTypes) {
        this.contentTypes = contentTypes;
    }

    /** @return the keys, the given one first; empty when the key is malformed or the territory unknown */
    public Optional<List<String>> keys(Session session, String key) throws RepositoryException {
        int colon = key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            return Optional.empty();
        }
        String level = key.substring(0, colon);
        String code = key.substring(colon + 1);
        if (!code.matches("[0-9A-Za-z]{1,9}")) {
            return Optional.empty();
        }
        List<String> keys = new ArrayList<>();
        keys.add(key);
        switch (level) {
            case "commune" -> {
                Optional<Node> commune = node(session, CollectivitePaths.commune(contentTypes.require("commune"), "COM", code));
                if (commune.isEmpty()) {
                    return Optional.empty();
                }
                add(keys, "epci", commune.get(), "epci");
                add(keys, "departement", commune.get(), "departement");
                add(keys, "region", commune.get(), "region");
            }
            case "epci" -> {
                Optional<Node> epci = node(session, CollectivitePaths.item(contentTypes.require("epci"), code));
                if (epci.isEmpty()) {
                    return Optional.empty();
                }
                add(keys, "departement", epci.get(), "departementSiege");
                Optional<Node> departement = departement(session, epci.get(), "departementSiege");
                if (departement.isPresent()) {
                    add(keys, "region", departement.get(), "region");
                }
            }
            case "departement" -> {
                Optional<Node> departement = node(session, CollectivitePaths.item(contentTypes.require("departement"), code));
                if (departement.isEmpty()) {
                    return Optional.empty();
                }
                add(keys, "region", departement.get(), "region");
            }
            case "region" -> {
                if (node(session, CollectivitePaths.item(contentTypes.require("region"), code)).isEmpty()) {
                    return Optional.empty();
                }
            }
            case "ancienne-region" -> {
                // a région before 2016, tagged where a text is about it historically (tagging/names.yaml): itself only
                if (!code.matches("\\d{2}")) {
                    return Optional.empty();
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(keys);
    }

    private Optional<Node> departement(Session session, Node node, String property) throws RepositoryException {
        if (!node.hasProperty(property)) {
            return Optional.empty();
        }
        return node(session, CollectivitePaths.item(contentTypes.require("departement"), node.getProperty(property).getString()));
    }

    private static void add(List<String> keys, String level, Node node, String property) throws RepositoryException {
        if (node.hasProperty(property)) {
            keys.add(level + ":" + node.getProperty(property).getString());
        }
    }

    private static Optional<Node> node(Session session, String path) throws RepositoryException {
        return session.nodeExists(path) ? Optional.of(session.getNode(path)) : Optional.empty();
    }
}
