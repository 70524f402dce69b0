package fr.anct.opencollectivites.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The Lucene query of an autocomplete text. Each way of matching is a constant-score clause whose
 * score is its tier, and a document scores its best tier (a disjunction max): exact code, exact name,
 * former code or name, name prefix, code prefix, word prefix, former name prefix. Within a tier the
 * sort (see {@link SearchService}) puts communes déléguées/associées last, then larger populations.
 */
final class AutocompleteQuery {
    static final float EXACT_CODE = 100;
    /** An exact name of a commune beats the same name of a département (Paris before Paris). */
    static final float EXACT_NAME_OF_COMMUNE = 91;
    static final float EXACT_NAME = 90;
    static final float EXACT_FORMER = 80;
    static final float NAME_PREFIX = 60;
    static final float CODE_PREFIX = 50;
    static final float WORD_PREFIX = 40;
    static final float FORMER_NAME_PREFIX = 30;

    private AutocompleteQuery() {
    }

    /** The query for this text, empty when the text holds nothing searchable. */
    static Optional<Query> of(String text) {
        String folded = NameFolding.fold(text);
        String literal = NameFolding.foldLiteral(text);
        String code = NameFolding.asCode(text);
        List<Query> tiers = new ArrayList<>();
        if (code != null) {
            tiers.add(tier(EXACT_CODE, terms(IndexFields.CODE, Set.of(code))));
            tiers.add(tier(EXACT_FORMER, terms(IndexFields.FORMER_CODE, Set.of(code))));
            tiers.add(tier(CODE_PREFIX, prefixes(IndexFields.CODE_PREFIX, Set.of(code))));
        }
        if (!folded.isEmpty()) {
            Set<String> exact = variants(folded, NameFolding.compact(folded));
            Set<String> words = variants(folded, literal);
            Set<String> prefixes = variants(folded, literal, NameFolding.compact(folded), NameFolding.compact(literal));
            Query exactName = terms(IndexFields.NAME, exact);
            tiers.add(tier(EXACT_NAME_OF_COMMUNE, new BooleanQuery.Builder()
                    .add(exactName, BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term(IndexFields.PRIMARY_COMMUNE, "1")), BooleanClause.Occur.FILTER)
                    .build()));
            tiers.add(tier(EXACT_NAME, exactName));
            tiers.add(tier(EXACT_FORMER, terms(IndexFields.FORMER_NAME, exact)));
            tiers.add(tier(NAME_PREFIX, prefixes(IndexFields.NAME_PREFIX, prefixes)));
            tiers.add(tier(WORD_PREFIX, prefixes(IndexFields.WORD_PREFIX, words)));
            tiers.add(tier(FORMER_NAME_PREFIX, prefixes(IndexFields.FORMER_NAME_PREFIX, prefixes)));
        }
        return tiers.isEmpty() ? Optional.empty() : Optional.of(new DisjunctionMaxQuery(tiers, 0f));
    }

    /** Restricts a query to one kind of collectivité. */
    static Query ofType(Query query, SearchType type) {
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(IndexFields.TYPE, type.contentType())), BooleanClause.Occur.FILTER)
                .build();
    }

    private static Query tier(float score, Query query) {
        return new BoostQuery(new ConstantScoreQuery(query), score);
    }

    private static Query terms(String field, Set<String> values) {
        return anyOf(values.stream().<Query>map(value -> new TermQuery(new Term(field, value))).toList());
    }

    /** Prefixes are indexed up to {@link IndexFields#MAX_PREFIX}; beyond, only whole texts can match. */
    private static Query prefixes(String field, Set<String> values) {
        return anyOf(values.stream().<Query>map(value -> value.length() <= IndexFields.MAX_PREFIX
                ? new TermQuery(new Term(field, value))
                : new PrefixQuery(new Term(field, value))).toList());
    }

    private static Query anyOf(List<Query> queries) {
        if (queries.size() == 1) {
            return queries.get(0);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        queries.forEach(query -> any.add(query, BooleanClause.Occur.SHOULD));
        return any.build();
    }

    private static Set<String> variants(String... values) {
        Set<String> variants = new LinkedHashSet<>();
        for (String value : values) {
            if (!value.isEmpty()) {
                variants.add(value);
            }
        }
        return variants;
    }
}
