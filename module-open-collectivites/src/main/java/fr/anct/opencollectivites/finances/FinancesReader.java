package fr.anct.opencollectivites.finances;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Reads a collectivité's financial series: one node, one property holding every value (see
 * docs/finances.md), whatever the number of exercices and agrégats.
 */
public final class FinancesReader {
    /** Any official code (INSEE code, SIREN): letters and digits only, so never a path. */
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{2,9}");

    /**
     * @param code INSEE code of a commune, SIREN of an EPCI, code of a département or a région
     * @return the series, empty when the OFGL base of that level was not imported for this code
     */
    public Optional<FinanceSeries> read(Session session, FinanceLevel level, String code) throws RepositoryException {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        String path = FinancePaths.of(level, code);
        if (!session.nodeExists(path)) {
            return Optional.empty();
        }
        Node node = session.getNode(path);
        if (!node.hasProperty(FinanceProperties.VALEURS)) {
            return Optional.empty();
        }
        List<FinanceValue> values = SeriesJson.read(node.getProperty(FinanceProperties.VALEURS).getString());
        return Optional.of(new FinanceSeries(level, code, source(node), vintage(node), values));
    }

    private static String source(Node node) throws RepositoryException {
        String source = string(node, FinanceProperties.SOURCE, SeriesWriter.SOURCE);
        return node.hasProperty(FinanceProperties.DATASET)
                ? source + " (" + node.getProperty(FinanceProperties.DATASET).getString() + ")" : source;
    }

    /** The millésime of the base the series was last imported from (the year in its headers), e.g. "2024". */
    private static String vintage(Node node) throws RepositoryException {
        return node.hasProperty(FinanceProperties.MILLESIME)
                ? String.valueOf(node.getProperty(FinanceProperties.MILLESIME).getLong()) : null;
    }

    private static String string(Node node, String property, String fallback) throws RepositoryException {
        return node.hasProperty(property) ? node.getProperty(property).getString() : fallback;
    }
}
