package fr.anct.opencollectivites.delivery;

import java.math.BigDecimal;
import java.util.Calendar;
import java.util.Map;

import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import javax.jcr.ValueFactory;
import javax.jcr.query.Query;

/** Prepares a {@link Sql2Query} on a session, every binding as a JCR value of its Java type. */
final class JcrQueries {
    private JcrQueries() {
    }

    static Query prepare(Session session, Sql2Query query) throws RepositoryException {
        return prepare(session, query.statement(), query.bindings());
    }

    static Query prepare(Session session, String statement, Map<String, Object> bindings) throws RepositoryException {
        Query jcrQuery = session.getWorkspace().getQueryManager().createQuery(statement, Query.JCR_SQL2);
        ValueFactory factory = session.getValueFactory();
        for (Map.Entry<String, Object> binding : bindings.entrySet()) {
            jcrQuery.bindValue(binding.getKey(), value(factory, binding.getValue()));
        }
        return jcrQuery;
    }

    private static Value value(ValueFactory factory, Object value) {
        if (value instanceof Long number) {
            return factory.createValue(number);
        } else if (value instanceof Double number) {
            return factory.createValue(number);
        } else if (value instanceof BigDecimal number) {
            return factory.createValue(number);
        } else if (value instanceof Boolean bool) {
            return factory.createValue(bool);
        } else if (value instanceof Calendar date) {
            return factory.createValue(date);
        }
        return factory.createValue(value.toString());
    }
}
