package fr.anct.opencollectivites.fiches;

import java.util.ArrayList;
import java.util.List;

import fr.anct.opencollectivites.fiches.FicheModel.Hierarchie;
import fr.anct.opencollectivites.fiches.FicheModel.Liste;
import fr.anct.opencollectivites.fiches.FicheModel.Population;
import fr.anct.opencollectivites.fiches.FicheModel.Source;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.search.Slugs;

/**
 * The figures of a fiche as a flat list: the one place that decides what a comparison and a CSV
 * export show, so that they always equal the fiche's own numbers.
 */
public final class FicheIndicateurs {
    private final Messages messages;

    public FicheIndicateurs(Messages messages) {
        this.messages = messages;
    }

    public List<Indicateur> of(Fiche fiche) {
        List<Indicateur> indicateurs = new ArrayList<>();
        Population population = fiche.population();
        if (population != null) {
            add(indicateurs, "population.municipale", "habitants", null, population.municipale(), population.source());
            add(indicateurs, "population.compteeAPart", "habitants", null, population.compteeAPart(), population.source());
            add(indicateurs, "population.totale", "habitants", null, population.totale(), population.source());
        }
        Hierarchie hierarchie = fiche.hierarchie();
        if (hierarchie != null) {
            count(indicateurs, "membres", "communes", hierarchie.membres(), hierarchie.source());
            count(indicateurs, "departements", "departements", hierarchie.departements(), hierarchie.source());
            count(indicateurs, "communes", "communes", hierarchie.communes(), hierarchie.source());
            count(indicateurs, "epci", "epci", hierarchie.intercommunalites(), hierarchie.source());
        }
        FinancesSection finances = fiche.finances();
        if (finances != null) {
            for (FinancesSection.Agregat agregat : finances.agregats()) {
                String id = "finances." + Slugs.slug(agregat.agregat());
                for (FinancesSection.Valeur valeur : agregat.valeurs()) {
                    indicateurs.add(new Indicateur(id + ".montant",
                            messages.get("fiches.indicateur.finances.montant", agregat.agregat()),
                            messages.get("fiches.unite.euros"), valeur.exercice(), valeur.montant(), finances.source()));
                    if (valeur.euroParHabitant() != null) {
                        indicateurs.add(new Indicateur(id + ".euroParHabitant",
                                messages.get("fiches.indicateur.finances.euroParHabitant", agregat.agregat()),
                                messages.get("fiches.unite.eurosParHabitant"), valeur.exercice(),
                                valeur.euroParHabitant(), finances.source()));
                    }
                }
            }
        }
        return indicateurs;
    }

    private void count(List<Indicateur> indicateurs, String id, String unite, Liste liste, Source source) {
        if (liste != null) {
            add(indicateurs, id, unite, null, (long) liste.total(), source);
        }
    }

    private void add(List<Indicateur> indicateurs, String id, String unite, Integer annee, Number valeur, Source source) {
        if (valeur != null) {
            indicateurs.add(new Indicateur(id, messages.get("fiches.indicateur." + id),
                    messages.get("fiches.unite." + unite), annee, valeur, source));
        }
    }
}
