package fr.anct.opencollectivites.fiches;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.content.ReferentielProperties;
import fr.anct.opencollectivites.fiches.FicheModel.Liste;
import fr.anct.opencollectivites.fiches.FicheModel.Population;
import fr.anct.opencollectivites.fiches.FicheModel.TerritoireRef;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.repository.NodeProperties;

/** What the four fiche builders share: finding nodes, naming sources, building lists and labels. */
final class FicheParts {
    /** Lists longer than this are given by their count and an export link, not inline. */
    static final int MAX_INLINE = 1000;

    final Territoires territoires;
    final Sources sources;
    final Messages messages;

    FicheParts(Territoires territoires, Sources sources, Messages messages) {
        this.territoires = territoires;
        this.sources = sources;
        this.messages = messages;
    }

    TerritoireRef ref(Session session, FicheType type, String code) throws RepositoryException {
        Optional<Node> node = territoires.byCode(session, type, code);
        return node.isPresent() ? territoires.ref(type, node.get()) : null;
    }

    Liste liste(FicheType type, List<Node> nodes, String export) throws RepositoryException {
        if (nodes.isEmpty()) {
            return null;
        }
        if (nodes.size() > MAX_INLINE) {
            return new Liste(nodes.size(), null, export);
        }
        List<TerritoireRef> refs = new ArrayList<>(nodes.size());
        for (Node node : nodes) {
            refs.add(territoires.ref(type, node));
        }
        return new Liste(nodes.size(), refs, export);
    }

    Population population(Node node, Object millesime) throws RepositoryException {
        Long municipale = NodeProperties.number(node, ReferentielProperties.POPULATION);
        Long compteeAPart = NodeProperties.number(node, ReferentielProperties.POPULATION_COMPTEE_A_PART);
        Long totale = NodeProperties.number(node, ReferentielProperties.POPULATION_TOTALE);
        if (municipale == null && totale == null) {
            return null;
        }
        return new Population(municipale, compteeAPart, totale, sources.population(millesime));
    }

    /** The population vintage of a level above the commune: that of its chef-lieu's figures. */
    Long millesimePopulation(Session session, Node node) throws RepositoryException {
        Optional<Node> chefLieu = territoires.commune(session, NodeProperties.string(node, ReferentielProperties.CHEF_LIEU));
        return chefLieu.isPresent() ? NodeProperties.number(chefLieu.get(), ReferentielProperties.MILLESIME_POPULATION) : null;
    }

    /** The identity of a département or a région: its code and SIREN, from the COG of that millésime. */
    FicheModel.Identite territorialIdentite(Node node, Long millesimeCog) throws RepositoryException {
        return new FicheModel.Identite(NodeProperties.string(node, ReferentielProperties.CODE), null, null,
                NodeProperties.string(node, ReferentielProperties.SIREN), null, null, null,
                List.of(), List.of(), List.of(), List.of(), sources.cog(millesimeCog));
    }

    String label(String key) {
        String label = messages.get(key);
        return label.equals(key) ? null : label;
    }
}
