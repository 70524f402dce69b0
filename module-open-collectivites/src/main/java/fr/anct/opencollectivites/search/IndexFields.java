package fr.anct.opencollectivites.search;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/**
 * Field names of the search index and the prefix terms written into them. Names are indexed as
 * keywords of their folded form plus every prefix of it ("edge n-grams"), so that a prefix lookup is
 * one term lookup whatever the length of the prefix: no prefix expansion over the term dictionary at
 * query time, which keeps one-letter queries as fast as long ones.
 */
final class IndexFields {
    /** Node path: the key for updates and deletions. */
    static final String ID = "id";
    /** Current code and SIREN, upper case. */
    static final String CODE = "code";
    static final String CODE_PREFIX = "codePrefix";
    static final String FORMER_CODE = "formerCode";
    /** A commune's postal codes (La Poste), whole. */
    static final String POSTAL_CODE = "postalCode";
    /** Folded name and its compact form, whole. */
    static final String NAME = "name";
    static final String NAME_PREFIX = "namePrefix";
    /** Prefixes of the name from each word after the first: "en b" finds "Moutiers-en-Beauce". */
    static final String WORD_PREFIX = "wordPrefix";
    static final String FORMER_NAME = "formerName";
    static final String FORMER_NAME_PREFIX = "formerNamePrefix";
    static final String SECONDARY = "secondary";
    static final String POPULATION = "population";
    static final String TYPE_ORDER = "typeOrder";
    static final String SORT_NAME = "sortName";
    static final String PAYLOAD = "payload";
    /** The folded name, then the folded former names, one a line: checks prefixes longer than {@link #MAX_PREFIX}. */
    static final String NAMES = "names";

    /**
     * Documents are stored by kind, then in rank order within a kind, so that the first documents of
     * a kind found in a posting list are its best ones and a search stops after {@code limit} of them.
     */
    static final Sort INDEX_ORDER = new Sort(
            new SortField(TYPE_ORDER, SortField.Type.LONG),
            new SortField(SECONDARY, SortField.Type.LONG),
            new SortField(POPULATION, SortField.Type.LONG, true),
            new SortField(SORT_NAME, SortField.Type.STRING));

    /** Prefixes longer than this are not indexed: longer ones are looked up by their start, then checked. */
    static final int MAX_PREFIX = 20;

    private IndexFields() {
    }

    /** Every prefix of {@code text} from {@code minLength} to {@link #MAX_PREFIX} characters. */
    static void addPrefixes(Collection<String> terms, String text, int minLength) {
        int max = Math.min(text.length(), MAX_PREFIX);
        for (int length = minLength; length <= max; length++) {
            terms.add(text.substring(0, length));
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
