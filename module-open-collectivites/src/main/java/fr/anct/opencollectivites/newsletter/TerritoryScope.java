package fr.anct.opencollectivites.newsletter;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.collectivites.Territories;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.TerritoryKey;

/**
 * The territory keys a subscription receives: the chosen ones plus the territories that contain them
 * ({@link Territories#withParents}), because a publication about the Haute-Garonne concerns Toulouse too.
 * Never the contained ones (a région subscriber does not get every commune's news) and never
 * publications tagged with no territory.
 */
final class TerritoryScope {
    private final Territories territories;

    TerritoryScope(ContentTypeRegistry contentTypes) {
        this.territories = new Territories(contentTypes);
    }

    Set<String> withParents(Session session, List<String> keys) throws RepositoryException {
        Set<String> scope = new LinkedHashSet<>(keys);
        for (String key : keys) {
            territories.withParents(session, key).ifPresent(found -> found.forEach(k -> scope.add(k.toString())));
        }
        return scope;
    }

    /** Whether a key, in its canonical form ({@code commune:2A004}), names a collectivité of the référentiel. */
    boolean exists(Session session, String key) throws RepositoryException {
        Optional<TerritoryKey> parsed = canonical(key);
        return parsed.isPresent() && territories.node(session, parsed.get()).isPresent();
    }

    /** The French name of a territory key, the key itself when unknown. */
    String name(Session session, String key) throws RepositoryException {
        Optional<TerritoryKey> parsed = canonical(key);
        return parsed.isEmpty() ? key : territories.name(session, parsed.get()).orElse(key);
    }

    private static Optional<TerritoryKey> canonical(String key) {
        return TerritoryKey.parse(key).filter(parsed -> parsed.toString().equals(key));
    }
}
