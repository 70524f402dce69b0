package fr.anct.opencollectivites.fiches;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.content.ReferentielProperties;
import fr.anct.opencollectivites.fiches.FicheModel.Hierarchie;
import fr.anct.opencollectivites.fiches.FicheModel.Identite;
import fr.anct.opencollectivites.fiches.FicheModel.Statut;
import fr.anct.opencollectivites.repository.NodeProperties;

/** The référentiel part of a commune's fiche (COM, ARM, COMD or COMA). */
final class CommuneFiche {
    private final FicheParts parts;

    CommuneFiche(FicheParts parts) {
        this.parts = parts;
    }

    Fiche read(Session session, Node node) throws RepositoryException {
        String code = NodeProperties.string(node, ReferentielProperties.CODE);
        String typecom = NodeProperties.string(node, ReferentielProperties.TYPECOM);
        Long millesimeCog = NodeProperties.number(node, ReferentielProperties.MILLESIME_COG);
        Optional<Node> departement = parts.territoires.byCode(session, FicheType.DEPARTEMENT,
                NodeProperties.string(node, ReferentielProperties.DEPARTEMENT));
        Optional<Node> region = parts.territoires.byCode(session, FicheType.REGION, NodeProperties.string(node, ReferentielProperties.REGION));
        Optional<Node> arrondissement = parts.territoires.arrondissement(session, NodeProperties.string(node, ReferentielProperties.ARRONDISSEMENT));

        Identite identite = new Identite(code, typecom, parts.label("fiches.typecom." + typecom),
                NodeProperties.string(node, ReferentielProperties.SIREN), null, null, null,
                "COM".equals(typecom) ? statuts(code, region, departement, arrondissement) : List.of(),
                NodeProperties.strings(node, ReferentielProperties.ANCIENS_CODES), NodeProperties.strings(node, ReferentielProperties.ANCIENS_NOMS),
                NodeProperties.strings(node, ReferentielProperties.CODES_POSTAUX), parts.sources.cog(millesimeCog));

        String parente = NodeProperties.string(node, ReferentielProperties.COMMUNE_PARENTE);
        boolean isCom = "COM".equals(typecom);
        Hierarchie hierarchie = new Hierarchie(
                region.isPresent() ? parts.territoires.ref(FicheType.REGION, region.get()) : null,
                departement.isPresent() ? parts.territoires.ref(FicheType.DEPARTEMENT, departement.get()) : null,
                arrondissement.isPresent() ? parts.territoires.arrondissementRef(arrondissement.get()) : null,
                parts.ref(session, FicheType.EPCI, NodeProperties.string(node, ReferentielProperties.EPCI)),
                parente == null || isCom ? null : parts.ref(session, FicheType.COMMUNE, parente),
                null,
                isCom ? rattachees(session, code, "COMD") : null,
                isCom ? rattachees(session, code, "COMA") : null,
                isCom ? rattachees(session, code, "ARM") : null,
                null, null, null, null, null,
                parts.sources.cog(millesimeCog));

        return new Fiche(FicheType.COMMUNE.id(), code, node.getName(), NodeProperties.string(node, ReferentielProperties.NOM), identite,
                hierarchie, parts.population(node, NodeProperties.number(node, ReferentielProperties.MILLESIME_POPULATION)), null, null, null,
                parts.territoires.liens(FicheType.COMMUNE, node, true));
    }

    private FicheModel.Liste rattachees(Session session, String code, String typecom) throws RepositoryException {
        return parts.liste(FicheType.COMMUNE,
                FicheQueries.where(session, "oc:commune", ReferentielProperties.COMMUNE_PARENTE, code, typecom), null);
    }

    /** Préfecture de région, préfecture, sous-préfecture: the chefs-lieux of the levels it belongs to. */
    private List<Statut> statuts(String code, Optional<Node> region, Optional<Node> departement,
                                 Optional<Node> arrondissement) throws RepositoryException {
        List<Statut> statuts = new ArrayList<>();
        boolean prefecture = departement.isPresent() && code.equals(NodeProperties.string(departement.get(), ReferentielProperties.CHEF_LIEU));
        if (region.isPresent() && code.equals(NodeProperties.string(region.get(), ReferentielProperties.CHEF_LIEU))) {
            statuts.add(statut("prefecture-region"));
        }
        if (prefecture) {
            statuts.add(statut("prefecture"));
        } else if (arrondissement.isPresent() && code.equals(NodeProperties.string(arrondissement.get(), ReferentielProperties.CHEF_LIEU))) {
            statuts.add(statut("sous-prefecture"));
        }
        return statuts;
    }

    private Statut statut(String code) {
        return new Statut(code, parts.messages.get("fiches.statut." + code));
    }
}
