package fr.anct.opencollectivites.fiches;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import fr.anct.opencollectivites.fiches.FicheModel.Hierarchie;
import fr.anct.opencollectivites.fiches.FicheModel.Identite;
import fr.anct.opencollectivites.fiches.FicheModel.Liens;
import fr.anct.opencollectivites.fiches.FicheModel.Population;
import fr.anct.opencollectivites.mairies.Mairie;

/**
 * Everything public about one collectivité, gathered from the référentiel and the sources fed into
 * it, each figure with its source and vintage. {@code key} is the node name: the code, the SIREN of an
 * EPCI, {@code <code>-comd}/{@code <code>-coma} for a commune déléguée or associée.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Fiche(String type, String code, String key, String nom, Identite identite, Hierarchie hierarchie,
                    Population population, FinancesSection finances, List<Mairie> mairies, ElusSection elus,
                    Liens liens) {

    /** The same fiche with the blocks fed by other sources than the référentiel. */
    Fiche withSources(FinancesSection finances, List<Mairie> mairies, ElusSection elus) {
        return new Fiche(type, code, key, nom, identite, hierarchie, population, finances, mairies, elus, liens);
    }

    public FicheType ficheType() {
        return FicheType.byId(type).orElseThrow();
    }
}
