package fr.anct.opencollectivites.delivery;

import java.util.Map;

/**
 * A JCR-SQL2 statement and its bind variables ({@code $v1 → value}). User values only ever travel as
 * bindings; the statement holds validated property names and configured or strictly checked paths.
 */
public record Sql2Query(String statement, Map<String, Object> bindings) {
}
