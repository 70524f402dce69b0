package fr.anct.opencollectivites.tagging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import fr.anct.opencollectivites.content.DefinitionException;
import fr.anct.opencollectivites.content.YamlDocument;

/**
 * The keyword rules of the thématiques ({@code tagging/themes.yaml} of the light module): data, not code.
 * A keyword is a word, a phrase or a prefix ({@code fiscal*}), matched on folded words in their singular
 * form (so "sociale" and "sociales", "emploi" and "emplois" are one keyword). A contextual keyword counts
 * only with one of its {@code near} words in the same sentence ("population" with "croissance",
 * "évolution"…), never inside one of its {@code unless} phrases ("population active"), and, with
 * {@code notAfterNumber}, not right after a number ("9 % de la population"). Words of the {@code ignored}
 * phrases ("à fiscalité propre", institutions' names) and of territory names count for no theme.
 */
public final class ThemeRules {
    public static final String FILE = "tagging/themes.yaml";
    private static final int DEFAULT_WITHIN = 6;

    /** A theme: its code (slug), its French name and its keywords as written in the data file. */
    public record Theme(String code, String name, List<String> keywords) {
    }

    /** Why a theme was given: the keywords found, as written in the text. */
    public record Match(String theme, List<String> words) {
    }

    private record Keyword(String theme, String text, List<String> words, List<String> near, int within,
                           List<List<String>> unless, boolean notAfterNumber) {
        boolean contextual() {
            return !near.isEmpty();
        }
    }

    private final List<Theme> themes;
    private final Map<String, List<Keyword>> byFirstWord = new HashMap<>();
    /** Keywords starting with a prefix ({@code fiscal*}), by the first {@value #PREFIX_INDEX} letters of the prefix. */
    private final Map<String, List<Keyword>> byPrefixStart = new HashMap<>();
    private final List<Keyword> shortPrefixes = new ArrayList<>();
    private static final int PREFIX_INDEX = 3;
    private final List<List<String>> ignored;
    private final Salience salience;

    /**
     * When a theme found only in the summary counts: always in a summary of at most {@code shortSummary} sentences,
     * else when its keywords come back in at least {@code sentences} sentences. A theme of the title always counts.
     */
    public record Salience(int shortSummary, int sentences) {
        public static final Salience ANY = new Salience(Integer.MAX_VALUE, 1);
    }

    private ThemeRules(List<Theme> themes, List<Keyword> keywords, List<List<String>> ignored, Salience salience) {
        this.themes = List.copyOf(themes);
        this.ignored = List.copyOf(ignored);
        this.salience = salience;
        for (Keyword keyword : keywords) {
            String first = keyword.words().get(0);
            if (isPrefix(first) && first.length() > PREFIX_INDEX) {
                byPrefixStart.computeIfAbsent(first.substring(0, PREFIX_INDEX), k -> new ArrayList<>()).add(keyword);
            } else if (isPrefix(first)) {
                shortPrefixes.add(keyword);
            } else {
                byFirstWord.computeIfAbsent(keyword.words().get(0), k -> new ArrayList<>()).add(keyword);
            }
        }
    }

    /** Reads {@code tagging/themes.yaml} of the light module; a mistake stops with the file and line. */
    public static ThemeRules load(Path lightModule) {
        Path file = lightModule.resolve(FILE);
        YamlDocument.Mapping root = YamlDocument.read(file);
        List<YamlDocument.Mapping> entries = root.mappings("themes");
        if (entries.isEmpty()) {
            throw new DefinitionException(file, root.line(), "a 'themes' list is expected");
        }
        Map<String, Theme> themes = new LinkedHashMap<>();
        List<Keyword> keywords = new ArrayList<>();
        for (YamlDocument.Mapping entry : entries) {
            String code = entry.requiredString("code");
            List<String> words = entry.strings("keywords");
            for (String word : words) {
                keywords.add(keyword(code, word, List.of(), DEFAULT_WITHIN, List.of(), false, entry, "keywords"));
            }
            List<String> all = new ArrayList<>(words);
            for (YamlDocument.Mapping contextual : entry.mappings("contextual")) {
                List<String> contextualWords = new ArrayList<>(contextual.strings("keywords"));
                contextual.string("keyword").ifPresent(contextualWords::add);
                List<String> near = contextual.strings("near");
                if (contextualWords.isEmpty() || near.isEmpty()) {
                    throw new DefinitionException(file, contextual.line(),
                            "a contextual rule needs a 'keyword' (or 'keywords') and 'near' words");
                }
                for (String word : contextualWords) {
                    keywords.add(keyword(code, word, near.stream().map(ThemeRules::wordPattern).toList(),
                            contextual.integer("within").orElse(DEFAULT_WITHIN),
                            contextual.strings("unless").stream().map(ThemeRules::phrase).toList(),
                            contextual.bool("notAfterNumber", false), contextual, "near"));
                    all.add(word);
                }
            }
            if (themes.put(code, new Theme(code, entry.requiredString("name"), List.copyOf(all))) != null) {
                throw entry.error("code", "the theme '" + code + "' is declared twice");
            }
        }
        List<List<String>> ignored = root.strings("ignored").stream().map(ThemeRules::phrase).toList();
        Salience salience = root.mapping("salience").map(m -> new Salience(
                m.integer("shortSummary").orElse(Integer.MAX_VALUE), m.integer("sentences").orElse(1))).orElse(Salience.ANY);
        return new ThemeRules(new ArrayList<>(themes.values()), keywords, ignored, salience);
    }

    private static Keyword keyword(String theme, String text, List<String> near, int within, List<List<String>> unless,
                                   boolean notAfterNumber, YamlDocument.Mapping where, String key) {
        List<String> words = phrase(text);
        if (words.isEmpty()) {
            throw where.error(key, "the keyword '" + text + "' has no word");
        }
        return new Keyword(theme, text, words, near, within, unless, notAfterNumber);
    }

    /** The folded, singular words of a phrase; a word ending with * stays a prefix. */
    private static List<String> phrase(String text) {
        List<String> words = new ArrayList<>();
        for (String part : text.trim().split("\\s+")) {
            words.addAll(part.endsWith("*") ? List.of(wordPattern(part)) : Tokenizer.foldedWords(part).stream()
                    .map(ThemeRules::singular).toList());
        }
        return words;
    }

    private static String wordPattern(String text) {
        boolean prefix = text.endsWith("*");
        String folded = String.join("", Tokenizer.foldedWords(text));
        return prefix ? folded + "*" : singular(folded);
    }

    /** The singular of a folded French word, roughly: "sociaux" → "social", "emplois" → "emploi". */
    static String singular(String word) {
        if (word.length() > 4 && word.endsWith("aux")) {
            return word.substring(0, word.length() - 3) + "al";
        }
        if (word.length() > 3 && (word.endsWith("s") || word.endsWith("x"))) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static boolean isPrefix(String pattern) {
        return pattern.endsWith("*");
    }

    public List<Theme> themes() {
        return themes;
    }

    /** A theme's name, or its code when the rules do not know it. */
    public String name(String code) {
        return themes.stream().filter(theme -> theme.code().equals(code)).map(Theme::name).findFirst().orElse(code);
    }

    /**
     * Each theme found, with the keywords that gave it, in the order of the data file; words of territory names
     * ({@code nameWords}) left out; the first {@code titleWords} tokens are the title.
     */
    Map<String, Match> matches(List<Token> tokens, BitSet nameWords, int titleWords) {
        int n = tokens.size();
        String[] plain = new String[n];
        String[] singular = new String[n];
        int[] sentence = new int[n];
        for (int i = 0, s = -1; i < n; i++) {
            plain[i] = tokens.get(i).folded();
            singular[i] = singular(plain[i]);
            sentence[i] = tokens.get(i).sentenceStart() ? ++s : Math.max(s, 0);
        }
        BitSet skipped = (BitSet) nameWords.clone();
        for (List<String> phrase : ignored) {
            for (int i = 0; i + phrase.size() <= n; i++) {
                if (phraseAt(phrase, singular, plain, i)) {
                    skipped.set(i, i + phrase.size());
                }
            }
        }
        Map<String, LinkedHashSet<String>> found = new TreeMap<>();
        Map<String, Set<Integer>> sentences = new HashMap<>();
        Set<String> inTitle = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            if (skipped.get(i)) {
                continue;
            }
            List<Keyword> candidates = new ArrayList<>(byFirstWord.getOrDefault(singular[i], List.of()));
            if (plain[i].length() >= PREFIX_INDEX) {
                candidates.addAll(byPrefixStart.getOrDefault(plain[i].substring(0, PREFIX_INDEX), List.of()));
            }
            candidates.addAll(shortPrefixes);
            for (Keyword keyword : candidates) {
                if (matchesAt(keyword, tokens, singular, plain, sentence, skipped, i)) {
                    found.computeIfAbsent(keyword.theme(), k -> new LinkedHashSet<>())
                            .add(text(tokens, i, i + keyword.words().size() - 1));
                    if (i < titleWords) {
                        inTitle.add(keyword.theme());
                    } else {
                        sentences.computeIfAbsent(keyword.theme(), k -> new java.util.HashSet<>()).add(sentence[i]);
                    }
                }
            }
        }
        int summarySentences = n == titleWords ? 0 : sentence[n - 1] - (titleWords == 0 ? 0 : sentence[titleWords - 1] + 1) + 1;
        Map<String, Match> result = new LinkedHashMap<>();
        for (Theme theme : themes) {
            Set<Integer> hits = sentences.getOrDefault(theme.code(), Set.of());
            int firstSummarySentence = titleWords == 0 ? 0 : titleWords < n ? sentence[titleWords] : -1;
            boolean salient = inTitle.contains(theme.code()) || summarySentences <= salience.shortSummary()
                    || hits.size() >= salience.sentences() || hits.contains(firstSummarySentence);
            if (found.containsKey(theme.code()) && salient) {
                result.put(theme.code(), new Match(theme.code(), List.copyOf(found.get(theme.code()))));
            }
        }
        return result;
    }

    private static boolean matchesAt(Keyword keyword, List<Token> tokens, String[] singular, String[] plain,
                                     int[] sentence, BitSet skipped, int start) {
        List<String> words = keyword.words();
        if (start + words.size() > singular.length) {
            return false;
        }
        for (int k = 0; k < words.size(); k++) {
            if (skipped.get(start + k) || !wordMatches(words.get(k), singular[start + k], plain[start + k])) {
                return false;
            }
        }
        if (keyword.notAfterNumber() && start > 0 && isNumber(tokens.get(start - 1))) {
            return false;
        }
        for (List<String> phrase : keyword.unless()) {
            for (int offset = Math.max(0, start - phrase.size() + 1); offset <= start && offset + phrase.size() <= singular.length; offset++) {
                if (phraseAt(phrase, singular, plain, offset)) {
                    return false;
                }
            }
        }
        if (!keyword.contextual()) {
            return true;
        }
        int end = start + words.size() - 1;
        for (int j = Math.max(0, start - keyword.within()); j <= Math.min(singular.length - 1, end + keyword.within()); j++) {
            if ((j < start || j > end) && sentence[j] == sentence[start] && near(keyword, singular[j], plain[j])) {
                return true;
            }
        }
        return false;
    }

    private static boolean near(Keyword keyword, String singular, String plain) {
        return keyword.near().stream().anyMatch(near -> wordMatches(near, singular, plain));
    }

    private static boolean isNumber(Token token) {
        return token.original().chars().allMatch(Character::isDigit);
    }

    private static boolean phraseAt(List<String> phrase, String[] singular, String[] plain, int at) {
        if (at < 0 || at + phrase.size() > singular.length) {
            return false;
        }
        for (int k = 0; k < phrase.size(); k++) {
            if (!wordMatches(phrase.get(k), singular[at + k], plain[at + k])) {
                return false;
            }
        }
        return true;
    }

    private static boolean wordMatches(String pattern, String singular, String plain) {
        if (!isPrefix(pattern)) {
            return pattern.equals(singular);
        }
        int length = pattern.length() - 1;
        return plain.length() >= length && plain.regionMatches(0, pattern, 0, length);
    }

    private static String text(List<Token> tokens, int start, int end) {
        return Tokenizer.original(tokens, start, end);
    }
}
