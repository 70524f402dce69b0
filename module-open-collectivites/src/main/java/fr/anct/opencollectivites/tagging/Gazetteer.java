package fr.anct.opencollectivites.tagging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A word trie over the folded names of every territory, their other names (aliases, former régions,
 * adjectives of {@link PlaceRules}) and the set phrases that are never places: a text of n words is
 * scanned in O(n × longest name) by taking, at each word, the longest name that starts there
 * (leftmost-longest, so "Seine-Saint-Denis" hides "Saint-Denis", "Métropole de Lyon" hides "Lyon",
 * "Nord-Pas-de-Calais" hides "Nord" and "Petites villes de demain" hides "Villes").
 */
final class Gazetteer {
    /** How a surface names its territory. */
    enum Source { NAME, ALIAS, FORMER_REGION, ADJECTIVE, NOT_A_PLACE }

    /**
     * One way of naming one territory ({@code territory} is null for a phrase that is never a place).
     *
     * @param former the former région a {@link Source#FORMER_REGION} surface names
     */
    record Surface(Territory territory, Source source, boolean acronym, PlaceRules.FormerRegion former) {
    }

    /**
     * A span of words that names one or more territories.
     *
     * @param weak a common French word ("Orange", "Somme"): needs context
     * @param tiny one or two letters ("Y", "Eu"): needs an explicit cue
     */
    record Mention(int start, int end, List<Surface> surfaces, boolean weak, boolean tiny) {
        boolean any(Source source) {
            return surfaces.stream().anyMatch(s -> s.source() == source);
        }

        List<Surface> of(Source... sources) {
            Set<Source> wanted = Set.of(sources);
            return surfaces.stream().filter(s -> wanted.contains(s.source())).toList();
        }
    }

    private static final class Node {
        final Map<String, Node> children = new HashMap<>(2);
        final List<Surface> surfaces = new ArrayList<>(1);
    }

    private final Node root = new Node();
    private final Set<String> commonWords;
    private int size;

    Gazetteer(Collection<Territory> territories, Set<String> commonWords, PlaceRules rules) {
        this.commonWords = commonWords;
        Map<String, Territory> byKey = new HashMap<>();
        for (Territory territory : territories) {
            byKey.put(territory.key(), territory);
            for (List<String> words : TerritoryNames.variants(territory)) {
                add(words, new Surface(territory, Source.NAME, TerritoryNames.isAcronym(words, territory), null));
            }
        }
        for (PlaceRules.Alias alias : rules.aliases()) {
            for (String key : alias.keys()) {
                Territory territory = byKey.get(key);
                if (territory != null) {
                    add(alias.words(), new Surface(territory, Source.ALIAS, alias.words().size() == 1
                            && alias.text().equals(alias.text().toUpperCase(java.util.Locale.ROOT)), null));
                }
            }
        }
        for (PlaceRules.FormerRegion former : rules.formerRegions()) {
            Territory region = byKey.get("region:" + former.region());
            if (region != null) {
                add(former.words(), new Surface(region, Source.FORMER_REGION, false, former));
            }
        }
        for (PlaceRules.Adjective adjective : rules.adjectives()) {
            for (String key : adjective.keys()) {
                Territory territory = byKey.get(key);
                if (territory != null) {
                    add(adjective.words(), new Surface(territory, Source.ADJECTIVE, false, null));
                }
            }
        }
        for (List<String> phrase : rules.phrases()) {
            add(phrase, new Surface(null, Source.NOT_A_PLACE, false, null));
        }
    }

    private void add(List<String> words, Surface surface) {
        if (words.isEmpty()) {
            return;
        }
        Node node = root;
        for (String word : words) {
            node = node.children.computeIfAbsent(word, k -> new Node());
        }
        node.surfaces.add(surface);
        size++;
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
