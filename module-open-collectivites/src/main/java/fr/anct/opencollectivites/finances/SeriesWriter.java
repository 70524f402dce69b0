package fr.anct.opencollectivites.finances;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.imports.ImportContext;

/**
 * Writes one collectivité's series from a file into its node, through the content writer (validated,
 * compare-before-set). The file's values replace the stored ones with the same exercice and agrégat;
 * stored values the file does not give (an older exercice, a filtered export) are kept.
 */
final class SeriesWriter {
    static final String SOURCE = "OFGL – comptes consolidés";

    private final ImportContext context;
    private final FinanceLevel level;
    private final Long millesime;
    private final ContentTypeDefinition type;

    SeriesWriter(ImportContext context, FinanceLevel level, Long millesime) {
        this.context = context;
        this.level = level;
        this.millesime = millesime;
        this.type = context.type(FinancePaths.CONTENT_TYPE);
    }

    void write(String code, String nom, List<FinanceValue> fromFile) throws RepositoryException {
        String path = FinancePaths.of(level, code);
        Session session = context.session();
        Map<String, FinanceValue> merged = new LinkedHashMap<>();
        if (session.nodeExists(path)) {
            Node node = session.getNode(path);
            if (node.hasProperty(FinanceProperties.VALEURS)) {
                for (FinanceValue stored : SeriesJson.read(node.getProperty(FinanceProperties.VALEURS).getString())) {
                    merged.put(key(stored), stored);
                }
            }
        }
        for (FinanceValue value : fromFile) {
            merged.put(key(value), value);
        }
        List<FinanceValue> values = new ArrayList<>(merged.values());
        TreeSet<Long> exercices = new TreeSet<>();
        values.forEach(v -> exercices.add((long) v.exercice()));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(FinanceProperties.CODE, code);
        properties.put(FinanceProperties.NIVEAU, level.folder());
        properties.put(FinanceProperties.NOM, nom.isEmpty() ? null : nom);
        properties.put(FinanceProperties.SOURCE, SOURCE);
        properties.put(FinanceProperties.DATASET, level.dataset());
        properties.put(FinanceProperties.MILLESIME, millesime);
        properties.put(FinanceProperties.EXERCICES, List.copyOf(exercices));
        properties.put(FinanceProperties.VALEURS, SeriesJson.write(values));
        context.upsert(path, type, properties);
    }

    void saveBatch() throws RepositoryException {
        context.saveBatch();
    }

    private static String key(FinanceValue value) {
        return value.exercice() + "\u0000" + value.agregat();
    }
}
