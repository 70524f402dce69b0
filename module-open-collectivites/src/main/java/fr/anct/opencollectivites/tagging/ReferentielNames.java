package fr.anct.opencollectivites.tagging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.collectivites.CollectivitePaths;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ReferentielProperties;

/**
 * Reads the territories texts can name from the live référentiel: régions, départements, communes of
 * type COM (not déléguées, associées or arrondissements municipaux) and EPCI.
 */
public final class ReferentielNames {
    private final ContentTypeRegistry contentTypes;

    public ReferentielNames(ContentTypeRegistry contentTypes) {
        this.contentTypes = contentTypes;
    }

    public List<Territory> read(Session session) throws RepositoryException {
        List<Territory> territories = new ArrayList<>();
        for (Node region : children(session, "region")) {
            if (region.hasProperty(ReferentielProperties.NOM)) {
                territories.add(Territory.region(string(region, ReferentielProperties.CODE), string(region, ReferentielProperties.NOM)));
            }
        }
        Map<String, String> regionOfDepartement = new HashMap<>();
        for (Node departement : children(session, "departement")) {
            if (departement.hasProperty(ReferentielProperties.NOM)) {
                String code = string(departement, ReferentielProperties.CODE);
                regionOfDepartement.put(code, string(departement, ReferentielProperties.REGION));
                territories.add(Territory.departement(code, string(departement, ReferentielProperties.NOM), string(departement, ReferentielProperties.REGION)));
            }
        }
        for (Node bucket : children(session, "commune")) {
            for (NodeIterator it = bucket.getNodes(); it.hasNext(); ) {
                Node commune = it.nextNode();
                if (commune.hasProperty(ReferentielProperties.NOM) && "COM".equals(string(commune, ReferentielProperties.TYPECOM))) {
                    territories.add(Territory.commune(string(commune, ReferentielProperties.CODE), string(commune, ReferentielProperties.NOM),
                            string(commune, ReferentielProperties.DEPARTEMENT), string(commune, ReferentielProperties.REGION),
                            number(commune, ReferentielProperties.POPULATION), string(commune, ReferentielProperties.EPCI)));
                }
            }
        }
        for (Node epci : children(session, "epci")) {
            if (epci.hasProperty(ReferentielProperties.NOM)) {
                territories.add(Territory.epci(string(epci, ReferentielProperties.CODE), string(epci, ReferentielProperties.NOM),
                        string(epci, ReferentielProperties.DEPARTEMENT_SIEGE), number(epci, ReferentielProperties.POPULATION)));
            }
        }
        return territories;
    }

    private List<Node> children(Session session, String contentType) throws RepositoryException {
        String root = CollectivitePaths.root(contentTypes.require(contentType));
        List<Node> nodes = new ArrayList<>();
        if (session.nodeExists(root)) {
            for (NodeIterator it = session.getNode(root).getNodes(); it.hasNext(); ) {
                nodes.add(it.nextNode());
            }
        }
        return nodes;
    }

    private static String string(Node node, String name) throws RepositoryException {
        return node.hasProperty(name) && !node.getProperty(name).isMultiple() ? node.getProperty(name).getString() : null;
    }

    private static long number(Node node, String name) throws RepositoryException {
        return node.hasProperty(name) && !node.getProperty(name).isMultiple() ? node.getProperty(name).getLong() : 0;
    }
}
