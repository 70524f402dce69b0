package fr.anct.opencollectivites.tagging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A word trie over the folded names of every territory: a text of n words is scanned in O(n × longest
 * name) by taking, at each word, the longest name that starts there (leftmost-longest, so "Seine-Saint-Denis"
 * hides "Saint-Denis" and "Métropole de Lyon" hides "Lyon").
 */
final class Gazetteer {
    /** One way of naming one territory. */
    record Surface(Territory territory, boolean acronym) {
    }

    /**
     * A span of words that names one or more territories.
     *
     * @param weak a common French word ("Orange", "Somme"): needs context
     * @param tiny one or two letters ("Y", "Eu"): needs an explicit cue
     */
    record Mention(int start, int end, List<Surface> surfaces, boolean weak, boolean tiny) {
    }

    private static final class Node {
        final Map<String, Node> children = new HashMap<>(2);
        final List<Surface> surfaces = new ArrayList<>(1);
    }

    private final Node root = new Node();
    private final Set<String> commonWords;
    private final int size;

    Gazetteer(Collection<Territory> territories, Set<String> commonWords) {
        this.commonWords = commonWords;
        int count = 0;
        for (Territory territory : territories) {
            for (List<String> words : TerritoryNames.variants(territory)) {
                Node node = root;
                for (String word : words) {
                    node = node.children.computeIfAbsent(word, k -> new Node());
                }
                node.surfaces.add(new Surface(territory, TerritoryNames.isAcronym(words, territory)));
                count++;
            }
        }
        this.size = count;
    }

    int size() {
        return size;
    }

    /**
     * The names in the text: at each word the longest name starting there; of two overlapping names the
     * longer wins ("le Pas-de-Calais" is the département, not the commune "Le Pas" then "Calais").
     */
    List<Mention> find(List<Token> tokens) {
        int n = tokens.size();
        int[] ends = new int[n];
        List<List<Surface>> found = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ends[i] = -1;
            found.add(null);
            Node node = root;
            for (int j = i; j < n; j++) {
                if (j > i && breaksName(tokens.get(j).gapBefore())) {
                    break;
                }
                node = node.children.get(tokens.get(j).folded());
                if (node == null) {
                    break;
                }
                if (!node.surfaces.isEmpty()) {
                    ends[i] = j;
                    found.set(i, node.surfaces);
                }
            }
        }
        List<Mention> mentions = new ArrayList<>();
        int i = 0;
        while (i < n) {
            if (ends[i] < 0 || hiddenByLongerOverlap(ends, i)) {
                i++;
                continue;
            }
            mentions.add(mention(tokens, i, ends[i], found.get(i)));
            i = ends[i] + 1;
        }
        return mentions;
    }

    private static boolean hiddenByLongerOverlap(int[] ends, int i) {
        for (int j = i + 1; j <= ends[i]; j++) {
            if (ends[j] > ends[i] && ends[j] - j > ends[i] - i) {
                return true;
            }
        }
        return false;
    }

    private Mention mention(List<Token> tokens, int start, int end, List<Surface> surfaces) {
        List<String> words = new ArrayList<>();
        for (int k = start; k <= end; k++) {
            words.add(tokens.get(k).folded());
        }
        List<String> significant = TerritoryNames.significant(words);
        boolean single = significant.size() == 1;
        return new Mention(start, end, List.copyOf(surfaces),
                single && commonWords.contains(significant.get(0)),
                single && significant.get(0).length() <= 2);
    }

    /** A name never spans a parenthesis, a colon or a sentence end. */
    private static boolean breaksName(String gap) {
        for (int k = 0; k < gap.length(); k++) {
            char c = gap.charAt(k);
            if (c == '(' || c == ')' || c == ':' || c == '.' || c == ';' || c == ',' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
