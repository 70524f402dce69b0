package fr.anct.opencollectivites.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;

/**
 * Autocomplete over the collectivités: the best hits of each requested type, and the same hits in
 * one list in global rank order. Rank: match tier (see {@link AutocompleteQuery}), then communes
 * déléguées/associées last, then larger population, then kind, then name.
 */
public final class SearchService {
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 50;
    private static final Sort RANK = new Sort(
            SortField.FIELD_SCORE,
            new SortField(IndexFields.SECONDARY, SortField.Type.LONG),
            new SortField(IndexFields.POPULATION, SortField.Type.LONG, true),
            new SortField(IndexFields.TYPE_ORDER, SortField.Type.LONG),
            new SortField(IndexFields.SORT_NAME, SortField.Type.STRING));

    private final SearchIndex index;

    public SearchService(SearchIndex index) {
        this.index = index;
    }

    /**
     * @param types the kinds to search, in group order; empty means {@link SearchType#DEFAULT}
     * @param limit the most hits per type, and in the flat list (clamped to 1…{@link #MAX_LIMIT})
     */
    public SearchResults search(String text, Collection<SearchType> types, int limit) {
        List<SearchType> searched = types.isEmpty() ? SearchType.DEFAULT : List.copyOf(types);
        int size = Math.max(1, Math.min(limit, MAX_LIMIT));
        Optional<Query> query = AutocompleteQuery.of(text);
        Map<String, List<SearchHit>> groups = new LinkedHashMap<>();
        for (SearchType type : groupKeys(searched)) {
            groups.put(type.contentType(), new ArrayList<>());
        }
        if (query.isEmpty()) {
            return new SearchResults(text, 0, groups, List.of());
        }
        return index.withSearcher(searcher -> {
            TopFieldDocs[] perType = new TopFieldDocs[searched.size()];
            long total = 0;
            for (int i = 0; i < searched.size(); i++) {
                perType[i] = searcher.search(AutocompleteQuery.ofType(query.get(), searched.get(i)),
                        new TopFieldCollectorManager(RANK, size, null, Integer.MAX_VALUE));
                total += perType[i].totalHits.value;
            }
            Map<ScoreDoc, SearchHit> hits = new IdentityHashMap<>();
            for (int i = 0; i < perType.length; i++) {
                List<SearchHit> group = groups.get(searched.get(i).contentType());
                for (ScoreDoc doc : perType[i].scoreDocs) {
                    doc.shardIndex = i;
                    SearchHit hit = load(searcher, doc.doc);
                    hits.put(doc, hit);
                    group.add(hit);
                }
            }
            List<SearchHit> results = new ArrayList<>(size);
            for (ScoreDoc doc : TopDocs.merge(RANK, size, perType).scoreDocs) {
                results.add(hits.get(doc));
            }
            return new SearchResults(text, total, groups, results);
        });
    }

    /** The response always has the four main groups (stable shape), plus any other type asked for. */
    private static List<SearchType> groupKeys(List<SearchType> searched) {
        List<SearchType> keys = new ArrayList<>(SearchType.DEFAULT);
        searched.stream().filter(type -> !keys.contains(type)).forEach(keys::add);
        return keys;
    }

    private static SearchHit load(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        BinaryDocValues payloads = leaf.reader().getBinaryDocValues(IndexFields.PAYLOAD);
        if (payloads == null || !payloads.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("Search index document without payload: " + doc);
        }
        return HitPayload.decode(payloads.binaryValue());
    }
}
