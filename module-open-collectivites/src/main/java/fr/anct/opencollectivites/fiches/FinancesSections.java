package fr.anct.opencollectivites.fiches;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.finances.FinanceLevel;
import fr.anct.opencollectivites.finances.FinanceSeries;
import fr.anct.opencollectivites.finances.FinanceValue;
import fr.anct.opencollectivites.finances.FinancesReader;

/** The finances block of a fiche, from the collectivité's OFGL series (one node read). */
final class FinancesSections {
    private final FinancesReader reader = new FinancesReader();
    private final String sourceUrl;

    FinancesSections(String sourceUrl) {
        this.sourceUrl = sourceUrl;
    }

    FinancesSection of(Session session, FicheType type, String code) throws RepositoryException {
        Optional<FinanceSeries> series = reader.read(session, level(type), code);
        if (series.isEmpty() || series.get().values().isEmpty()) {
            return null;
        }
        TreeSet<Integer> exercices = new TreeSet<>();
        Map<String, List<FinancesSection.Valeur>> byAgregat = new LinkedHashMap<>();
        for (FinanceValue value : series.get().values()) {
            exercices.add(value.exercice());
            byAgregat.computeIfAbsent(value.agregat(), a -> new ArrayList<>()).add(new FinancesSection.Valeur(
                    value.exercice(), value.montant(), value.euroParHabitant(), value.population()));
        }
        List<FinancesSection.Agregat> agregats = new ArrayList<>();
        byAgregat.forEach((agregat, valeurs) -> {
            valeurs.sort((a, b) -> Integer.compare(a.exercice(), b.exercice()));
            agregats.add(new FinancesSection.Agregat(agregat, valeurs));
        });
        return new FinancesSection(new FicheModel.Source(series.get().source(), series.get().vintage(), sourceUrl),
                List.copyOf(exercices), agregats);
    }

    private static FinanceLevel level(FicheType type) {
        return switch (type) {
            case COMMUNE -> FinanceLevel.COMMUNE;
            case EPCI -> FinanceLevel.EPCI;
            case DEPARTEMENT -> FinanceLevel.DEPARTEMENT;
            case REGION -> FinanceLevel.REGION;
        };
    }
}
