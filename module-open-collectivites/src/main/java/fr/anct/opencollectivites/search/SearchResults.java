package fr.anct.opencollectivites.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a search.
 *
 * @param total   how many collectivités match, over the searched types
 * @param groups  the best hits of each searched type (at most the limit each), best first
 * @param results the same hits in one list in global rank order, at most the limit: for autocomplete
 */
public record SearchResults(String query, long total, Map<String, List<SearchHit>> groups,
                            List<SearchHit> results) {
}
