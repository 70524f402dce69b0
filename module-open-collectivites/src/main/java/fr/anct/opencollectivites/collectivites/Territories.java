package fr.anct.opencollectivites.collectivites;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ReferentielProperties;
import fr.anct.opencollectivites.content.TerritoryKey;

/**
 * The référentiel node a territory key names: {@code commune:42218} a commune or an arrondissement
 * municipal, {@code epci:<SIREN>}, {@code departement:<code>}, {@code region:<code>}; and the territories
 * that contain it ({@link #withParents}), the one rule the catalogue, the newsletter and the fiches' alerts
 * follow.
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
        if (node.isPresent() && node.get().hasProperty(ReferentielProperties.NOM)) {
            return Optional.of(node.get().getProperty(ReferentielProperties.NOM).getString());
        }
        return Optional.empty();
    }

    /**
     * The key and the keys of the territories that contain it, most specific first: a commune's EPCI,
     * département and région; an EPCI's département (that of its siège) and that département's région;
     * a département's région. Read from the live référentiel; empty when the territory does not exist.
     */
    public Optional<List<TerritoryKey>> withParents(Session session, TerritoryKey key) throws RepositoryException {
        Optional<Node> node = node(session, key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        List<TerritoryKey> keys = new ArrayList<>();
        keys.add(key);
        switch (key.level()) {
            case COMMUNE -> {
                parent(node.get(), ReferentielProperties.EPCI, TerritoryKey.Level.EPCI).ifPresent(keys::add);
                parent(node.get(), ReferentielProperties.DEPARTEMENT, TerritoryKey.Level.DEPARTEMENT).ifPresent(keys::add);
                parent(node.get(), ReferentielProperties.REGION, TerritoryKey.Level.REGION).ifPresent(keys::add);
            }
            case EPCI -> {
                Optional<TerritoryKey> departement = parent(node.get(), ReferentielProperties.DEPARTEMENT_SIEGE,
                        TerritoryKey.Level.DEPARTEMENT);
                if (departement.isPresent()) {
                    keys.add(departement.get());
                    Optional<Node> siege = node(session, departement.get());
                    if (siege.isPresent()) {
                        parent(siege.get(), ReferentielProperties.REGION, TerritoryKey.Level.REGION).ifPresent(keys::add);
                    }
                }
            }
            case DEPARTEMENT -> parent(node.get(), ReferentielProperties.REGION, TerritoryKey.Level.REGION)
                    .ifPresent(keys::add);
            case REGION -> {
            }
        }
        return Optional.of(keys);
    }

    /** The same for a key as text; empty when it is malformed or names no territory. */
    public Optional<List<TerritoryKey>> withParents(Session session, String key) throws RepositoryException {
        Optional<TerritoryKey> parsed = TerritoryKey.parse(key);
        return parsed.isEmpty() ? Optional.empty() : withParents(session, parsed.get());
    }

    private static Optional<TerritoryKey> parent(Node node, String property, TerritoryKey.Level level)
            throws RepositoryException {
        if (!node.hasProperty(property) || node.getProperty(property).isMultiple()) {
            return Optional.empty();
        }
        return TerritoryKey.parse(level.prefix() + ":" + node.getProperty(property).getString());
    }
}
