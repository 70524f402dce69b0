package fr.anct.opencollectivites.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Runs an {@link AutocompletePlan} on a {@link CollectiviteSearcher}: tier by tier, best first, it
 * reads only the first documents of each kind in each posting list, because segments store each kind
 * in rank order. The cost depends on the limit, not on how many collectivités match ("s" matches
 * thousands); only the count reads every match, into a bit set.
 */
final class TieredSearch {
    /** Rank order of hits of one tier or of several: tier, then as {@link IndexFields#INDEX_ORDER}. */
    static final Comparator<Ranked> RANK = Comparator.comparingDouble((Ranked r) -> -r.score())
            .thenComparing(Ranked::secondary)
            .thenComparing(Ranked::population, Comparator.reverseOrder())
            .thenComparing(Ranked::typeOrder)
            .thenComparing(Ranked::sortName);

    /** A hit with its rank keys. */
    record Ranked(SearchHit hit, float score, boolean secondary, long population, int typeOrder, String sortName) {
        static Ranked of(SearchHit hit, float tierScore, SearchType type) {
            boolean secondary = "COMD".equals(hit.typecom()) || "COMA".equals(hit.typecom());
            float score = tierScore == AutocompletePlan.EXACT_NAME && type == SearchType.COMMUNE && !secondary
                    ? AutocompletePlan.EXACT_NAME_OF_COMMUNE : tierScore;
            return new Ranked(hit, score, secondary, hit.population() == null ? 0 : hit.population(),
                    type.ordinal(), NameFolding.fold(hit.nom()));
        }
    }

    record Outcome(Map<SearchType, List<Ranked>> groups, long total) {
    }

    private final CollectiviteSearcher searcher;
    private final List<MatchTier> tiers;
    private final List<SearchType> types;
    private final int limit;

    TieredSearch(CollectiviteSearcher searcher, List<MatchTier> tiers, List<SearchType> types, int limit) {
        this.searcher = searcher;
        this.tiers = tiers;
        this.types = types.stream().sorted().toList(); // kinds in document order within a segment
        this.limit = limit;
    }

    Outcome run() throws IOException {
        Map<SearchType, List<Ranked>> groups = new EnumMap<>(SearchType.class);
        types.forEach(type -> groups.put(type, new ArrayList<>()));
        Set<Integer> taken = new HashSet<>();
        for (MatchTier tier : tiers) {
            List<SearchType> open = types.stream().filter(type -> groups.get(type).size() < limit).toList();
            if (open.isEmpty()) {
                break;
            }
            Map<SearchType, List<Ranked>> found = new EnumMap<>(SearchType.class);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                collect(leaf, tier, open, groups, taken, found);
            }
            for (Map.Entry<SearchType, List<Ranked>> entry : found.entrySet()) {
                List<Ranked> group = groups.get(entry.getKey());
                List<Ranked> candidates = entry.getValue();
                candidates.sort(RANK); // several segments each give their best
                group.addAll(candidates.subList(0, Math.min(candidates.size(), limit - group.size())));
            }
        }
        return new Outcome(groups, count());
    }

    /** The first not yet taken documents of each open kind that match this tier in this segment. */
    private void collect(LeafReaderContext leaf, MatchTier tier, List<SearchType> open,
                         Map<SearchType, List<Ranked>> groups, Set<Integer> taken,
                         Map<SearchType, List<Ranked>> found) throws IOException {
        LeafReader reader = leaf.reader();
        List<MatchTier.Lookup> lookups = new ArrayList<>();
        List<PostingsEnum> postings = new ArrayList<>();
        for (MatchTier.Lookup lookup : tier.lookups()) {
            PostingsEnum enumeration = postings(reader, lookup);
            if (enumeration != null) {
                lookups.add(lookup);
                postings.add(enumeration);
            }
        }
        if (postings.isEmpty()) {
            return;
        }
        Bits live = reader.getLiveDocs();
        BinaryDocValues payloads = reader.getBinaryDocValues(IndexFields.PAYLOAD);
        NameChecker checker = new NameChecker(reader, tier);
        int[] current = new int[postings.size()];
        java.util.Arrays.fill(current, -1);
        for (SearchType type : open) {
            int start = searcher.start(leaf, type);
            int end = searcher.end(leaf, type);
            int wanted = limit - groups.get(type).size();
            int kept = 0;
            for (int i = 0; i < current.length; i++) {
                if (current[i] < start) {
                    current[i] = postings.get(i).advance(start);
                }
            }
            while (kept < wanted) {
                int doc = DocIdSetIterator.NO_MORE_DOCS;
                for (int value : current) {
                    doc = Math.min(doc, value);
                }
                if (doc >= end) {
                    break;
                }
                boolean confirmed = false;
                for (int i = 0; i < current.length; i++) {
                    if (current[i] == doc) {
                        confirmed |= !lookups.get(i).needsCheck() || checker.matches(doc, lookups.get(i).text());
                        current[i] = postings.get(i).nextDoc();
                    }
                }
                if (confirmed && (live == null || live.get(doc)) && taken.add(leaf.docBase + doc)
                        && payloads.advanceExact(doc)) {
                    found.computeIfAbsent(type, k -> new ArrayList<>())
                            .add(Ranked.of(HitPayload.decode(payloads.binaryValue()), tier.score(), type));
                    kept++;
                }
            }
        }
    }

    /** How many live documents of the searched kinds match any tier. */
    private long count() throws IOException {
        long total = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            LeafReader reader = leaf.reader();
            FixedBitSet matches = new FixedBitSet(Math.max(1, reader.maxDoc()));
            for (MatchTier tier : tiers) {
                NameChecker checker = new NameChecker(reader, tier);
                for (MatchTier.Lookup lookup : tier.lookups()) {
                    PostingsEnum docs = postings(reader, lookup);
                    if (docs == null) {
                        continue;
                    }
                    if (!lookup.needsCheck()) {
                        matches.or(docs);
                        continue;
                    }
                    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                        if (!matches.get(doc) && checker.matches(doc, lookup.text())) {
                            matches.set(doc);
                        }
                    }
                    checker = new NameChecker(reader, tier); // doc values read forward only
                }
            }
            Bits live = reader.getLiveDocs();
            for (SearchType type : types) {
                total += count(matches, live, searcher.start(leaf, type), searcher.end(leaf, type));
            }
        }
        return total;
    }

    private static long count(FixedBitSet matches, Bits live, int start, int end) {
        long count = 0;
        for (int doc = start < end ? matches.nextSetBit(start) : DocIdSetIterator.NO_MORE_DOCS;
             doc < end; doc = doc + 1 < matches.length() ? matches.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
            if (live == null || live.get(doc)) {
                count++;
            }
        }
        return count;
    }

    private static PostingsEnum postings(LeafReader reader, MatchTier.Lookup lookup) throws IOException {
        Terms terms = reader.terms(lookup.field());
        if (terms == null) {
            return null;
        }
        TermsEnum iterator = terms.iterator();
        return iterator.seekExact(new BytesRef(lookup.termText())) ? iterator.postings(null, PostingsEnum.NONE) : null;
    }

    /** Confirms long prefixes on the stored folded names; documents are asked in increasing order. */
    private static final class NameChecker {
        private final LeafReader reader;
        private final MatchTier tier;
        private BinaryDocValues names;

        NameChecker(LeafReader reader, MatchTier tier) {
            this.reader = reader;
            this.tier = tier;
        }

        boolean matches(int doc, String prefix) throws IOException {
            if (names == null || names.docID() > doc) {
                names = reader.getBinaryDocValues(IndexFields.NAMES);
            }
            return names != null && names.advanceExact(doc)
                    && tier.check().matches(CollectiviteDocuments.names(names.binaryValue()), prefix);
        }
    }
}
