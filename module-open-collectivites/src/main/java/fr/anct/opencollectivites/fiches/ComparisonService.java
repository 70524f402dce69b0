package fr.anct.opencollectivites.fiches;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.anct.opencollectivites.i18n.Messages;

/** Puts fiches side by side on the union of their indicators and years, from the fiches themselves. */
public final class ComparisonService {
    public static final int MIN = 2;
    public static final int MAX = 6;

    private final FicheIndicateurs indicateurs;

    public ComparisonService(Messages messages) {
        this.indicateurs = new FicheIndicateurs(messages);
    }

    public Comparison compare(List<Fiche> fiches) {
        List<Comparison.Compared> compared = new ArrayList<>();
        Map<String, Number[]> values = new LinkedHashMap<>();
        Map<String, FicheModel.Source[]> sources = new LinkedHashMap<>();
        Map<String, Indicateur> firstSeen = new LinkedHashMap<>();
        for (int i = 0; i < fiches.size(); i++) {
            Fiche fiche = fiches.get(i);
            compared.add(new Comparison.Compared(fiche.type(), fiche.code(), fiche.key(), fiche.nom(), fiche.liens()));
            for (Indicateur indicateur : indicateurs.of(fiche)) {
                String key = indicateur.rowKey();
                firstSeen.putIfAbsent(key, indicateur);
                values.computeIfAbsent(key, k -> new Number[fiches.size()])[i] = indicateur.valeur();
                sources.computeIfAbsent(key, k -> new FicheModel.Source[fiches.size()])[i] = indicateur.source();
            }
        }
        List<Comparison.Row> rows = new ArrayList<>();
        for (Map.Entry<String, Indicateur> entry : firstSeen.entrySet()) {
            Indicateur first = entry.getValue();
            rows.add(new Comparison.Row(first.id(), first.libelle(), first.unite(), first.annee(),
                    Arrays.asList(values.get(entry.getKey())), Arrays.asList(sources.get(entry.getKey()))));
        }
        return new Comparison(compared, rows);
    }
}
