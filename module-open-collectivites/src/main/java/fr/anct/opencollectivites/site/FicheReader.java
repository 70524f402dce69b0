package fr.anct.opencollectivites.site;

import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import javax.jcr.query.Query;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.content.ReferentielProperties;
import fr.anct.opencollectivites.fiches.FicheType;
import fr.anct.opencollectivites.repository.Workspaces;
import fr.anct.opencollectivites.search.Slugs;

/**
 * Reads a collectivité and its neighbours in the référentiel (with the caller's session, anonymous on
 * the site, so only live content) into a {@link SiteFiche}.
 */
public final class FicheReader {
    private static final Collator FRENCH = Collator.getInstance(java.util.Locale.FRANCE);
    private static final Comparator<SiteFiche.Link> BY_NAME = Comparator.comparing(SiteFiche.Link::nom, FRENCH);
    private static final String LIVE_ROOT = Workspaces.liveRoot(Workspaces.COLLECTIVITES);

    private final ReferentielNodes referentiel;

    public FicheReader(ContentTypeRegistry registry) {
        referentiel = new ReferentielNodes(registry);
    }

    /** The fiche of {@code key} (a code; {@code <code>-comd}/{@code -coma} for communes déléguées/associées). */
    public Optional<SiteFiche> read(Session session, FicheType level, String key) throws RepositoryException {
        Optional<Node> node = node(session, level, key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fiche(session, level, node.get()));
    }

    /** When the collectivité's node last changed (for Last-Modified), or the epoch when unknown. */
    public Instant lastModified(Session session, FicheType level, String key) throws RepositoryException {
        Optional<Node> node = node(session, level, key);
        return node.isPresent() ? lastModified(node.get()) : Instant.EPOCH;
    }

    private Optional<Node> node(Session session, FicheType level, String key) throws RepositoryException {
        return referentiel.node(session, level, key);
    }

    private SiteFiche fiche(Session session, FicheType level, Node node) throws RepositoryException {
        Map<String, Object> values = values(node);
        List<SiteFiche.Link> parents = new ArrayList<>();
        List<SiteFiche.Link> children = new ArrayList<>();
        Instant[] latest = {lastModified(node)};
        switch (level) {
            case COMMUNE -> {
                parent(session, parents, latest, "communeParente", FicheType.COMMUNE, values.get("communeParente"));
                parent(session, parents, latest, "epci", FicheType.EPCI, values.get("epci"));
                parent(session, parents, latest, "departement", FicheType.DEPARTEMENT, values.get("departement"));
                parent(session, parents, latest, "region", FicheType.REGION, values.get("region"));
                children.addAll(query(session, "SELECT * FROM [oc:commune] AS c WHERE c.[communeParente] = $code",
                        (String) values.get("code"), FicheType.COMMUNE, "communeDeleguee"));
            }
            case EPCI -> {
                parent(session, parents, latest, "siege", FicheType.COMMUNE, values.get("siege"));
                parent(session, parents, latest, "departement", FicheType.DEPARTEMENT, values.get(ReferentielProperties.DEPARTEMENT_SIEGE));
                if (values.get(ReferentielProperties.MEMBRES) instanceof List<?> membres) {
                    for (Object code : membres) {
                        link(session, "membre", FicheType.COMMUNE, String.valueOf(code)).ifPresent(children::add);
                    }
                }
            }
            case DEPARTEMENT -> {
                parent(session, parents, latest, ReferentielProperties.CHEF_LIEU, FicheType.COMMUNE, values.get(ReferentielProperties.CHEF_LIEU));
                parent(session, parents, latest, "region", FicheType.REGION, values.get("region"));
                children.addAll(query(session,
                        "SELECT * FROM [oc:commune] AS c WHERE c.[departement] = $code AND c.[typecom] = 'COM'",
                        (String) values.get("code"), FicheType.COMMUNE, "commune"));
            }
            case REGION -> {
                parent(session, parents, latest, ReferentielProperties.CHEF_LIEU, FicheType.COMMUNE, values.get(ReferentielProperties.CHEF_LIEU));
                children.addAll(query(session, "SELECT * FROM [oc:departement] AS d WHERE d.[region] = $code",
                        (String) values.get("code"), FicheType.DEPARTEMENT, "departement"));
            }
        }
        children.sort(BY_NAME);
        String nom = String.valueOf(values.get("nom"));
        String code = String.valueOf(values.get("code"));
        String relative = node.getPath().substring((LIVE_ROOT + "/" + level.section()).length());
        return new SiteFiche(level, code, node.getName(), nom, Slugs.pagePath(level.section(), node.getName(), nom),
                "/.rest/delivery/" + level.section() + relative, values, parents, children, latest[0]);
    }

    private void parent(Session session, List<SiteFiche.Link> parents, Instant[] latest, String role, FicheType level,
                        Object code) throws RepositoryException {
        if (code == null) {
            return;
        }
        Optional<Node> node = node(session, level, String.valueOf(code));
        if (node.isPresent()) {
            parents.add(link(role, level, node.get()));
            Instant modified = lastModified(node.get());
            if (modified.isAfter(latest[0])) {
                latest[0] = modified;
            }
        }
    }

    private Optional<SiteFiche.Link> link(Session session, String role, FicheType level, String key) throws RepositoryException {
        Optional<Node> node = node(session, level, key);
        return node.isEmpty() ? Optional.empty() : Optional.of(link(role, level, node.get()));
    }

    private static SiteFiche.Link link(String role, FicheType level, Node node) throws RepositoryException {
        String nom = node.getProperty("nom").getString();
        return new SiteFiche.Link(role, node.getProperty("code").getString(), nom,
                Slugs.pagePath(level.section(), node.getName(), nom));
    }

    private static List<SiteFiche.Link> query(Session session, String sql2, String code, FicheType level, String role)
            throws RepositoryException {
        Query query = session.getWorkspace().getQueryManager().createQuery(sql2, Query.JCR_SQL2);
        query.bindValue("code", session.getValueFactory().createValue(code));
        List<SiteFiche.Link> links = new ArrayList<>();
        for (NodeIterator nodes = query.execute().getNodes(); nodes.hasNext(); ) {
            Node child = nodes.nextNode();
            String childRole = level == FicheType.COMMUNE && child.hasProperty(ReferentielProperties.TYPECOM)
                    ? role + "." + child.getProperty(ReferentielProperties.TYPECOM).getString() : role;
            links.add(link(childRole, level, child));
        }
        return links;
    }

    static Instant lastModified(Node node) throws RepositoryException {
        return node.hasProperty(ContentWriter.LAST_MODIFIED)
                ? node.getProperty(ContentWriter.LAST_MODIFIED).getDate().toInstant() : Instant.EPOCH;
    }

    private static Map<String, Object> values(Node node) throws RepositoryException {
        Map<String, Object> values = new java.util.TreeMap<>();
        for (var properties = node.getProperties(); properties.hasNext(); ) {
            Property property = properties.nextProperty();
            String name = property.getName();
            if (name.contains(":")) {
                continue;
            }
            if (property.isMultiple()) {
                List<Object> list = new ArrayList<>();
                for (Value value : property.getValues()) {
                    list.add(plain(value));
                }
                values.put(name, list);
            } else {
                values.put(name, plain(property.getValue()));
            }
        }
        return values;
    }

    private static Object plain(Value value) throws RepositoryException {
        return switch (value.getType()) {
            case PropertyType.LONG -> value.getLong();
            case PropertyType.DOUBLE -> value.getDouble();
            case PropertyType.DECIMAL -> value.getDecimal();
            case PropertyType.BOOLEAN -> value.getBoolean();
            case PropertyType.DATE -> value.getDate().toInstant().toString();
            default -> value.getString();
        };
    }
}
