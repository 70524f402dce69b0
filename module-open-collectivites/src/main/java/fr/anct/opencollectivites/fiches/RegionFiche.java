package fr.anct.opencollectivites.fiches;

import java.util.ArrayList;
import java.util.List;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.content.ReferentielProperties;
import fr.anct.opencollectivites.fiches.FicheModel.Hierarchie;
import fr.anct.opencollectivites.fiches.FicheModel.Identite;
import fr.anct.opencollectivites.repository.NodeProperties;

/** The référentiel part of a région's fiche: préfecture, départements, communes and EPCI counts. */
final class RegionFiche {
    private final FicheParts parts;

    RegionFiche(FicheParts parts) {
        this.parts = parts;
    }

    Fiche read(Session session, Node node) throws RepositoryException {
        String code = NodeProperties.string(node, ReferentielProperties.CODE);
        Long millesimeCog = NodeProperties.number(node, ReferentielProperties.MILLESIME_COG);
        Identite identite = parts.territorialIdentite(node, millesimeCog);

        List<Node> departements = FicheQueries.where(session, "oc:departement", ReferentielProperties.REGION, code);
        List<Node> epci = new ArrayList<>();
        for (Node departement : departements) {
            epci.addAll(FicheQueries.where(session, "oc:epci", ReferentielProperties.DEPARTEMENT_SIEGE, NodeProperties.string(departement, ReferentielProperties.CODE)));
        }
        Hierarchie hierarchie = new Hierarchie(null, null, null, null, null,
                parts.ref(session, FicheType.COMMUNE, NodeProperties.string(node, ReferentielProperties.CHEF_LIEU)),
                null, null, null, null,
                parts.liste(FicheType.DEPARTEMENT, departements, null),
                null,
                parts.liste(FicheType.COMMUNE, FicheQueries.where(session, "oc:commune", ReferentielProperties.REGION, code, "COM"),
                        "/.rest/open-collectivites/v1/exports/regions/" + code + "/communes.csv"),
                parts.liste(FicheType.EPCI, epci, null),
                parts.sources.cog(millesimeCog));

        return new Fiche(FicheType.REGION.id(), code, node.getName(), NodeProperties.string(node, ReferentielProperties.NOM), identite,
                hierarchie, parts.population(node, parts.millesimePopulation(session, node)), null, null, null,
                parts.territoires.liens(FicheType.REGION, node, true));
    }
}
