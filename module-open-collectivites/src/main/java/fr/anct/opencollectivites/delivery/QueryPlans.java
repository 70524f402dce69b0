package fr.anct.opencollectivites.delivery;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;
import javax.jcr.query.Row;
import javax.jcr.query.RowIterator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks Oak for the plan of each distinct statement once ({@code EXPLAIN}) and logs a warning when it
 * traverses the repository instead of using an index: such a query is a bug (a missing index).
 */
public final class QueryPlans {
    private static final Logger LOG = LoggerFactory.getLogger(QueryPlans.class);
    private static final int MAX_REMEMBERED = 1_000;
    private final Set<String> checked = ConcurrentHashMap.newKeySet();

    /** Oak's plan of the statement, e.g. {@code [oc:commune] as [n] /* property oc-code ... *&#47;}. */
    public static String explain(Session session, Sql2Query query) throws RepositoryException {
        return explain(session, query.statement(), query.bindings());
    }

    static String explain(Session session, String statement, Map<String, Object> bindings) throws RepositoryException {
        Query explain = JcrQueries.prepare(session, "EXPLAIN " + statement, bindings);
        RowIterator rows = explain.execute().getRows();
        if (!rows.hasNext()) {
            return "";
        }
        Row row = rows.nextRow();
        return row.getValue("plan").getString();
    }

    public static boolean traverses(String plan) {
        return plan.contains("/* traverse");
    }

    void warnIfTraversing(Session session, Sql2Query query) throws RepositoryException {
        if (checked.contains(query.statement())) {
            return;
        }
        String plan = explain(session, query);
        if (traverses(plan)) {
            LOG.warn("Delivery query traverses the repository (an index is missing): {} -- plan: {}",
                    query.statement(), plan);
        }
        if (checked.size() < MAX_REMEMBERED) {
            checked.add(query.statement());
        }
    }
}
