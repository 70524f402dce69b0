package fr.anct.opencollectivites.search;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Field names of the search index and the prefix terms written into them. Names are indexed as
 * keywords of their folded form plus every prefix of it ("edge n-grams"), so that a prefix lookup is
 * one term lookup whatever the length of the prefix: no prefix expansion over the term dictionary at
 * query time, which keeps one-letter queries as fast as long ones.
 */
final class IndexFields {
    /** Node path: the key for updates and deletions. */
    static final String ID = "id";
    static final String TYPE = "type";
    /** Current code and SIREN, upper case. */
    static final String CODE = "code";
    static final String CODE_PREFIX = "codePrefix";
    static final String FORMER_CODE = "formerCode";
    /** Folded name and its compact form, whole. */
    static final String NAME = "name";
    static final String NAME_PREFIX = "namePrefix";
    /** Prefixes of the name from each word after the first: "en b" finds "Moutiers-en-Beauce". */
    static final String WORD_PREFIX = "wordPrefix";
    static final String FORMER_NAME = "formerName";
    static final String FORMER_NAME_PREFIX = "formerNamePrefix";
    /** Marks communes of type COM and ARM, preferred over other kinds on an exact name. */
    static final String PRIMARY_COMMUNE = "primaryCommune";

    static final String SECONDARY = "secondary";
    static final String POPULATION = "population";
    static final String TYPE_ORDER = "typeOrder";
    static final String SORT_NAME = "sortName";
    static final String PAYLOAD = "payload";

    /** Prefixes longer than this are not indexed; longer queries use a prefix query on the whole terms. */
    static final int MAX_PREFIX = 20;

    private IndexFields() {
    }

    /** Every prefix of {@code text} from {@code minLength} to {@link #MAX_PREFIX} characters, plus the whole text. */
    static void addPrefixes(Collection<String> terms, String text, int minLength) {
        int max = Math.min(text.length(), MAX_PREFIX);
        for (int length = minLength; length <= max; length++) {
            terms.add(text.substring(0, length));
        }
        if (!text.isEmpty()) {
            terms.add(text);
        }
    }

    /** The suffixes of a folded name that start at its second, third… word. */
    static Set<String> laterWordSuffixes(String folded) {
        Set<String> suffixes = new LinkedHashSet<>();
        for (int space = folded.indexOf(' '); space >= 0; space = folded.indexOf(' ', space + 1)) {
            suffixes.add(folded.substring(space + 1));
        }
        return suffixes;
    }
}
