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
import fr.anct.opencollectivites.fiches.FicheModel.Population;
import fr.anct.opencollectivites.repository.NodeProperties;

/** The référentiel part of an EPCI's fiche: identity, siège, member communes, population. */
final class EpciFiche {
    private final FicheParts parts;

    EpciFiche(FicheParts parts) {
        this.parts = parts;
    }

    Fiche read(Session session, Node node) throws RepositoryException {
        String siren = NodeProperties.string(node, ReferentielProperties.SIREN);
        Long millesime = NodeProperties.number(node, ReferentielProperties.MILLESIME);
        String nature = NodeProperties.string(node, ReferentielProperties.NATURE_JURIDIQUE);
        Identite identite = new Identite(siren, null, null, siren, nature, parts.label("fiches.nature." + nature),
                NodeProperties.string(node, ReferentielProperties.MODE_FINANCEMENT), List.of(), List.of(), List.of(), List.of(),
                parts.sources.epci(millesime));

        Optional<Node> departement = parts.territoires.byCode(session, FicheType.DEPARTEMENT,
                NodeProperties.string(node, ReferentielProperties.DEPARTEMENT_SIEGE));
        String regionCode = departement.isPresent() ? NodeProperties.string(departement.get(), ReferentielProperties.REGION) : null;
        List<Node> membres = new ArrayList<>();
        for (String code : NodeProperties.strings(node, ReferentielProperties.MEMBRES)) {
            parts.territoires.commune(session, code).ifPresent(membres::add);
        }
        Hierarchie hierarchie = new Hierarchie(
                parts.ref(session, FicheType.REGION, regionCode),
                departement.isPresent() ? parts.territoires.ref(FicheType.DEPARTEMENT, departement.get()) : null,
                null, null, null,
                parts.ref(session, FicheType.COMMUNE, NodeProperties.string(node, ReferentielProperties.SIEGE)),
                null, null, null,
                parts.liste(FicheType.COMMUNE, membres, "/.rest/open-collectivites/v1/exports/epci/" + siren + "/membres.csv"),
                null, null, null, null,
                parts.sources.epci(millesime));

        Long municipale = NodeProperties.number(node, ReferentielProperties.POPULATION);
        Long totale = NodeProperties.number(node, ReferentielProperties.POPULATION_TOTALE);
        Population population = municipale == null && totale == null ? null
                : new Population(municipale, null, totale, parts.sources.epci(millesime));
        return new Fiche(FicheType.EPCI.id(), siren, node.getName(), NodeProperties.string(node, ReferentielProperties.NOM), identite,
                hierarchie, population, null, null, null, parts.territoires.liens(FicheType.EPCI, node, true));
    }
}
