package fr.anct.opencollectivites.collectivites;

import java.util.Optional;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.TerritoryKey;

/**
 * The référentiel node a territory key names: {@code commune:42218} a commune or an arrondissement
 * municipal, {@code epci:<SIREN>}, {@code departement:<code>}, {@code region:<code>}.
 */
public final class Territories {
    private final ContentTypeRegistry contentTypes;

    public Territories(ContentTypeRegistry contentTypes) {
        this.contentTypes = contentTypes;
    }

    public String path(TerritoryKey key) {
        var type = contentTypes.require(key.level().prefix());
        return key.level() == TerritoryKey.Level.COMMUNE
                ? CollectivitePaths.commune(type, "COM", key.code())
                : CollectivitePaths.item(type, key.code());
    }

    /** The live node in this session, if the territory exists and the session may read it. */
    public Optional<Node> node(Session session, TerritoryKey key) throws RepositoryException {
        String path = path(key);
        return session.nodeExists(path) ? Optional.of(session.getNode(path)) : Optional.empty();
    }

    /** Its name ({@code nom}), if it exists. */
    public Optional<String> name(Session session, TerritoryKey key) throws RepositoryException {
        Optional<Node> node = node(session, key);
        if (node.isPresent() && node.get().hasProperty("nom")) {
            return Optional.of(node.get().getProperty("nom").getString());
        }
        return Optional.empty();
    }
}
