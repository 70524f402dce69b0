package fr.anct.opencollectivites.fiches;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.content.ReferentielProperties;
import fr.anct.opencollectivites.repository.NodeProperties;

/** The communes of a département or région (COM only), or the members of an EPCI, for exports. */
final class CommuneListing {
    private final Territoires territoires;

    CommuneListing(Territoires territoires) {
        this.territoires = territoires;
    }

    /** Empty when the collectivité does not exist; communes have no communes. */
    Optional<List<CommuneRow>> of(Session session, FicheType type, String key) throws RepositoryException {
        Optional<Node> owner = territoires.node(session, type, key);
        if (owner.isEmpty() || type == FicheType.COMMUNE) {
            return Optional.empty();
        }
        List<Node> nodes = new ArrayList<>();
        switch (type) {
            case EPCI -> {
                for (String code : NodeProperties.strings(owner.get(), ReferentielProperties.MEMBRES)) {
                    territoires.commune(session, code).ifPresent(nodes::add);
                }
            }
            case DEPARTEMENT -> nodes.addAll(FicheQueries.where(session, "oc:commune", ReferentielProperties.DEPARTEMENT, key, "COM"));
            case REGION -> nodes.addAll(FicheQueries.where(session, "oc:commune", ReferentielProperties.REGION, key, "COM"));
            default -> throw new IllegalStateException(type.id());
        }
        List<CommuneRow> rows = new ArrayList<>(nodes.size());
        for (Node node : nodes) {
            rows.add(new CommuneRow(NodeProperties.string(node, ReferentielProperties.CODE), NodeProperties.string(node, ReferentielProperties.NOM),
                    NodeProperties.string(node, ReferentielProperties.TYPECOM), NodeProperties.string(node, ReferentielProperties.DEPARTEMENT),
                    NodeProperties.string(node, ReferentielProperties.REGION), NodeProperties.string(node, ReferentielProperties.EPCI), NodeProperties.string(node, ReferentielProperties.SIREN),
                    NodeProperties.number(node, ReferentielProperties.POPULATION), NodeProperties.number(node, ReferentielProperties.POPULATION_TOTALE)));
        }
        return Optional.of(rows);
    }
}
