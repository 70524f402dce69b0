package fr.anct.opencollectivites.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Autocomplete over the collectivités: the best hits of each requested type, and the same hits in
 * one list in global rank order (see {@link AutocompletePlan} for the rank).
 */
public final class SearchService {
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 50;

    private final SearchIndex index;

    public SearchService(SearchIndex index) {
        this.index = index;
    }

    /**
     * @param types the kinds to search; empty means {@link SearchType#DEFAULT}
     * @param limit the most hits per type, and in the flat list (clamped to 1…{@link #MAX_LIMIT})
     */
    public SearchResults search(String text, Collection<SearchType> types, int limit) {
        List<SearchType> searched = types.isEmpty() ? SearchType.DEFAULT : List.copyOf(types);
        int size = Math.max(1, Math.min(limit, MAX_LIMIT));
        List<MatchTier> tiers = AutocompletePlan.of(text);
        if (tiers.isEmpty()) {
            return new SearchResults(text, 0, groups(searched, Map.of()), List.of());
        }
        TieredSearch.Outcome outcome = index.withSearcher(searcher ->
                new TieredSearch(searcher, tiers, searched, size).run());
        List<TieredSearch.Ranked> all = new ArrayList<>();
        outcome.groups().values().forEach(all::addAll);
        all.sort(TieredSearch.RANK);
        List<SearchHit> results = all.stream().limit(size).map(TieredSearch.Ranked::hit).toList();
        return new SearchResults(text, outcome.total(), groups(searched, outcome.groups()), results);
    }

    /**
     * One page of the results of the default kinds in global rank order, for the results page: the hits of
     * page {@code number} (from 1) of {@code size}, and the total that the pages reach. A page past the last
     * is empty.
     */
    public SearchPage page(String text, int number, int size) {
        int from = (Math.max(1, number) - 1) * size;
        List<MatchTier> tiers = AutocompletePlan.of(text);
        if (tiers.isEmpty()) {
            return new SearchPage(0, List.of());
        }
        // the first from + size of each kind hold the first from + size of all kinds together
        TieredSearch.Outcome outcome = index.withSearcher(searcher ->
                new TieredSearch(searcher, tiers, SearchType.DEFAULT, from + size).run());
        List<TieredSearch.Ranked> all = new ArrayList<>();
        outcome.groups().values().forEach(all::addAll);
        all.sort(TieredSearch.RANK);
        return new SearchPage(outcome.total(), all.stream().skip(from).limit(size).map(TieredSearch.Ranked::hit).toList());
    }

    /** The four main groups are always present (a stable shape), plus any other type asked for. */
    private static Map<String, List<SearchHit>> groups(List<SearchType> searched,
                                                       Map<SearchType, List<TieredSearch.Ranked>> found) {
        Map<String, List<SearchHit>> groups = new LinkedHashMap<>();
        List<SearchType> keys = new ArrayList<>(SearchType.DEFAULT);
        searched.stream().filter(type -> !keys.contains(type)).forEach(keys::add);
        for (SearchType type : keys) {
            groups.put(type.contentType(), found.getOrDefault(type, List.of()).stream()
                    .map(TieredSearch.Ranked::hit).toList());
        }
        return groups;
    }
}
