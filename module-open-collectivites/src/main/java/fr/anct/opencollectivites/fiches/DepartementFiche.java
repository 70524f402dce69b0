package fr.anct.opencollectivites.fiches;

import java.util.List;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.content.ReferentielProperties;
import fr.anct.opencollectivites.fiches.FicheModel.Hierarchie;
import fr.anct.opencollectivites.fiches.FicheModel.Identite;
import fr.anct.opencollectivites.repository.NodeProperties;

/** The référentiel part of a département's fiche: région, préfecture, arrondissements, communes, EPCI. */
final class DepartementFiche {
    private final FicheParts parts;

    DepartementFiche(FicheParts parts) {
        this.parts = parts;
    }

    Fiche read(Session session, Node node) throws RepositoryException {
        String code = NodeProperties.string(node, ReferentielProperties.CODE);
        Long millesimeCog = NodeProperties.number(node, ReferentielProperties.MILLESIME_COG);
        Identite identite = parts.territorialIdentite(node, millesimeCog);

        List<Node> arrondissements = FicheQueries.where(session, "oc:arrondissement", ReferentielProperties.DEPARTEMENT, code);
        List<FicheModel.TerritoireRef> arrondissementRefs = new java.util.ArrayList<>();
        for (Node arrondissement : arrondissements) {
            arrondissementRefs.add(parts.territoires.arrondissementRef(arrondissement));
        }
        Hierarchie hierarchie = new Hierarchie(
                parts.ref(session, FicheType.REGION, NodeProperties.string(node, ReferentielProperties.REGION)),
                null, null, null, null,
                parts.ref(session, FicheType.COMMUNE, NodeProperties.string(node, ReferentielProperties.CHEF_LIEU)),
                null, null, null, null, null,
                arrondissements.isEmpty() ? null : new FicheModel.Liste(arrondissements.size(), arrondissementRefs, null),
                parts.liste(FicheType.COMMUNE, FicheQueries.where(session, "oc:commune", ReferentielProperties.DEPARTEMENT, code, "COM"),
                        "/.rest/open-collectivites/v1/exports/departements/" + code + "/communes.csv"),
                parts.liste(FicheType.EPCI, FicheQueries.where(session, "oc:epci", ReferentielProperties.DEPARTEMENT_SIEGE, code), null),
                parts.sources.cog(millesimeCog));

        return new Fiche(FicheType.DEPARTEMENT.id(), code, node.getName(), NodeProperties.string(node, ReferentielProperties.NOM), identite,
                hierarchie, parts.population(node, parts.millesimePopulation(session, node)), null, null, null,
                parts.territoires.liens(FicheType.DEPARTEMENT, node, true));
    }
}
