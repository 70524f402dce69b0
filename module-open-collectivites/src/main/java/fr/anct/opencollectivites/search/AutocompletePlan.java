package fr.anct.opencollectivites.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import fr.anct.opencollectivites.search.MatchTier.Lookup;
import fr.anct.opencollectivites.search.MatchTier.NameCheck;

/**
 * The tiers of an autocomplete text, best first: exact postal code (what citizens type: 13001 is Marseille's
 * 1er arrondissement before Aix-en-Provence's INSEE code), exact code or SIREN, exact name, former code or name,
 * name prefix, code prefix, word prefix, former name prefix. A collectivité ranks at its best tier;
 * within a tier, communes déléguées/associées come last, then larger populations first.
 */
final class AutocompletePlan {
    static final float EXACT_POSTAL_CODE = 110;
    static final float EXACT_CODE = 100;
    /** An exact name of a commune beats the same name of a département (Paris before Paris). */
    static final float EXACT_NAME_OF_COMMUNE = 91;
    static final float EXACT_NAME = 90;
    static final float EXACT_FORMER = 80;
    static final float NAME_PREFIX = 60;
    static final float CODE_PREFIX = 50;
    static final float WORD_PREFIX = 40;
    static final float FORMER_NAME_PREFIX = 30;

    private static final java.util.regex.Pattern POSTAL_CODE = java.util.regex.Pattern.compile("\\d{5}");

    private AutocompletePlan() {
    }

    /** The tiers for this text, best first; empty when the text holds nothing searchable. */
    static List<MatchTier> of(String text) {
        String folded = NameFolding.fold(text);
        String literal = NameFolding.foldLiteral(text);
        String code = NameFolding.asCode(text);
        List<MatchTier> tiers = new ArrayList<>();
        Set<String> exactNames = variants(folded, NameFolding.compact(folded));
        // "st" may also be the start of "Stains": prefixes are looked up unexpanded too.
        Set<String> prefixes = variants(folded, literal, NameFolding.compact(folded), NameFolding.compact(literal));
        Set<String> words = variants(folded, literal);
        if (code != null && POSTAL_CODE.matcher(code).matches()) {
            tiers.add(tier(EXACT_POSTAL_CODE, null, exact(IndexFields.POSTAL_CODE, Set.of(code))));
        }
        if (code != null) {
            tiers.add(tier(EXACT_CODE, null, exact(IndexFields.CODE, Set.of(code))));
        }
        tiers.add(tier(EXACT_NAME, null, exact(IndexFields.NAME, exactNames)));
        List<Lookup> former = new ArrayList<>(exact(IndexFields.FORMER_NAME, exactNames));
        if (code != null) {
            former.addAll(exact(IndexFields.FORMER_CODE, Set.of(code)));
        }
        tiers.add(tier(EXACT_FORMER, null, former));
        tiers.add(tier(NAME_PREFIX, NameCheck.NAME_START, prefix(IndexFields.NAME_PREFIX, prefixes)));
        if (code != null) {
            tiers.add(tier(CODE_PREFIX, null, prefix(IndexFields.CODE_PREFIX, Set.of(code))));
        }
        tiers.add(tier(WORD_PREFIX, NameCheck.WORD_START, prefix(IndexFields.WORD_PREFIX, words)));
        tiers.add(tier(FORMER_NAME_PREFIX, NameCheck.FORMER_NAME, prefix(IndexFields.FORMER_NAME_PREFIX, prefixes)));
        tiers.removeIf(tier -> tier.lookups().isEmpty());
        return tiers;
    }

    private static MatchTier tier(float score, NameCheck check, List<Lookup> lookups) {
        return new MatchTier(score, check, lookups);
    }

    private static List<Lookup> exact(String field, Set<String> values) {
        return values.stream().map(value -> new Lookup(field, value, value)).toList();
    }

    /** Prefixes are indexed up to {@link IndexFields#MAX_PREFIX} characters; longer ones are checked on the names. */
    private static List<Lookup> prefix(String field, Set<String> values) {
        return values.stream().map(value -> new Lookup(field, value,
                value.length() <= IndexFields.MAX_PREFIX ? value : value.substring(0, IndexFields.MAX_PREFIX))).toList();
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
