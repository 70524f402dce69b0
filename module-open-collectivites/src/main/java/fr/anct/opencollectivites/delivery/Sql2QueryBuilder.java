package fr.anct.opencollectivites.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the JCR-SQL2 statement of a {@link DeliveryQuery}: restricted to the endpoint's node types
 * (Oak's nodetype index) and to its root with {@code ISDESCENDANTNODE}, filters on indexed properties
 * (Oak's property indexes), a deterministic order that always ends with the path as tie-break. A
 * full-text {@code q} arrives as the identifiers {@link DeliveryTextIndex} found (Oak's uuid index).
 */
public final class Sql2QueryBuilder {
    private static final String SELECTOR = "n";

    /** A query without {@code q}. */
    public Sql2Query build(DeliveryEndpointDefinition endpoint, DeliveryQuery query) {
        if (query.fullText().isPresent()) {
            throw new IllegalArgumentException("q is answered by the full-text index: give its candidates");
        }
        return build(endpoint, query, List.of());
    }

    /** @param candidates with {@code q}: the identifiers of the nodes the full-text index matched (not empty) */
    public Sql2Query build(DeliveryEndpointDefinition endpoint, DeliveryQuery query, List<String> candidates) {
        Statement statement = new Statement();
        List<String> nodeTypes = endpoint.nodeTypes();
        StringBuilder sql = new StringBuilder("SELECT n.[jcr:path] FROM ");
        List<String> conditions = new ArrayList<>();
        if (nodeTypes.size() == 1) {
            sql.append('[').append(nodeTypes.get(0)).append("] AS n");
        } else {
            sql.append("[nt:base] AS n");
            conditions.add(anyOf(nodeTypes.stream()
                    .map(type -> "n.[jcr:primaryType] = " + statement.bind(type)).toList()));
        }
        conditions.add(0, descendantOf(endpoint.rootAbsolutePath()));
        query.ancestor().ifPresent(path -> conditions.add(descendantOf(path)));
        if (query.fullText().isPresent()) {
            conditions.add(anyOf(candidates.stream().map(id -> column("jcr:uuid") + " = " + statement.bind(id)).toList()));
        }
        for (DeliveryQuery.Filter filter : query.filters()) {
            conditions.add(condition(filter, statement));
        }
        sql.append(" WHERE ").append(String.join(" AND ", conditions));
        Sql2Query.PathOrder pathOrder = pathOnly(query.orderBy());
        if (pathOrder == Sql2Query.PathOrder.IN_STATEMENT) {
            sql.append(" ORDER BY ").append(orderBy(query.orderBy()));
        }
        return new Sql2Query(sql.toString(), Map.copyOf(statement.bindings), pathOrder);
    }

    private static Sql2Query.PathOrder pathOnly(List<DeliveryQuery.Order> orders) {
        if (orders.isEmpty()) {
            return Sql2Query.PathOrder.ASCENDING;
        }
        if (orders.get(0).property().equals(DeliveryQuery.Order.PATH)) {
            return orders.get(0).ascending() ? Sql2Query.PathOrder.ASCENDING : Sql2Query.PathOrder.DESCENDING;
        }
        return Sql2Query.PathOrder.IN_STATEMENT;
    }

    /** Paths come from the endpoint definition or from a strictly checked {@code @ancestor}. */
    private static String descendantOf(String absolutePath) {
        return "ISDESCENDANTNODE(n, '" + absolutePath.replace("'", "''") + "')";
    }

    private static String condition(DeliveryQuery.Filter filter, Statement statement) {
        String operand = filter.property().equals(DeliveryQuery.Filter.NAME) ? "NAME(n)" : column(filter.property());
        List<Object> values = filter.values();
        return switch (filter.operator()) {
            case EQ -> operand + " = " + statement.bind(values.get(0));
            case NE -> operand + " <> " + statement.bind(values.get(0));
            case LT -> operand + " < " + statement.bind(values.get(0));
            case LTE -> operand + " <= " + statement.bind(values.get(0));
            case GT -> operand + " > " + statement.bind(values.get(0));
            case GTE -> operand + " >= " + statement.bind(values.get(0));
            case LIKE -> operand + " LIKE " + statement.bind(values.get(0));
            case IN -> anyOf(values.stream().map(v -> operand + " = " + statement.bind(v)).toList());
            case NOT_IN -> "(" + values.stream().map(v -> operand + " <> " + statement.bind(v))
                    .collect(Collectors.joining(" AND ")) + ")";
            case RANGE -> "(" + operand + " >= " + statement.bind(values.get(0)) + " AND "
                    + operand + " <= " + statement.bind(values.get(1)) + ")";
        };
    }

    private static String anyOf(List<String> alternatives) {
        return alternatives.size() == 1 ? alternatives.get(0) : "(" + String.join(" OR ", alternatives) + ")";
    }

    private static String orderBy(List<DeliveryQuery.Order> orders) {
        List<String> clauses = new ArrayList<>();
        boolean byPath = false;
        for (DeliveryQuery.Order order : orders) {
            String operand = switch (order.property()) {
                case DeliveryQuery.Filter.NAME -> "NAME(n)";
                case DeliveryQuery.Order.PATH -> column("jcr:path");
                default -> column(order.property());
            };
            byPath |= order.property().equals(DeliveryQuery.Order.PATH);
            clauses.add(operand + (order.ascending() ? " ASC" : " DESC"));
        }
        if (!byPath) {
            clauses.add(column("jcr:path") + " ASC");
        }
        return String.join(", ", clauses);
    }

    /** Property names reach here only after validation against the content type (letters, digits, '_', ':'). */
    private static String column(String property) {
        return SELECTOR + ".[" + property + "]";
    }

    private static final class Statement {
        private final Map<String, Object> bindings = new LinkedHashMap<>();

        String bind(Object value) {
            String name = "v" + (bindings.size() + 1);
            bindings.put(name, value);
            return "$" + name;
        }
    }
}
