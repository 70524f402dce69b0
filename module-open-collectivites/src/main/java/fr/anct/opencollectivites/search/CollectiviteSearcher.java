package fr.anct.opencollectivites.search;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;

/**
 * A searcher over one point-in-time view of the index that knows, for each segment, where each kind's
 * documents start (segments are sorted by kind, see {@link IndexFields#INDEX_ORDER}).
 */
final class CollectiviteSearcher extends IndexSearcher {
    /** Per segment: documents of kind {@code k} are {@code [starts[k], starts[k + 1])}. */
    private final int[][] kindStarts;

    CollectiviteSearcher(IndexReader reader) throws IOException {
        super(reader);
        setQueryCache(null);
        List<LeafReaderContext> leaves = reader.leaves();
        kindStarts = new int[leaves.size()][];
        for (LeafReaderContext leaf : leaves) {
            kindStarts[leaf.ord] = kindStarts(leaf.reader());
        }
    }

    int start(LeafReaderContext leaf, SearchType type) {
        return kindStarts[leaf.ord][type.ordinal()];
    }

    int end(LeafReaderContext leaf, SearchType type) {
        return kindStarts[leaf.ord][type.ordinal() + 1];
    }

    private static int[] kindStarts(LeafReader reader) throws IOException {
        int kinds = SearchType.values().length;
        int[] starts = new int[kinds + 1];
        java.util.Arrays.fill(starts, reader.maxDoc());
        NumericDocValues kind = reader.getNumericDocValues(IndexFields.TYPE_ORDER);
        if (kind == null) {
            return starts;
        }
        for (int doc = kind.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = kind.nextDoc()) {
            int ordinal = (int) kind.longValue();
            if (starts[ordinal] == reader.maxDoc()) {
                starts[ordinal] = doc;
            }
        }
        for (int k = kinds - 1; k >= 0; k--) {
            starts[k] = Math.min(starts[k], starts[k + 1]);
        }
        return starts;
    }
}
