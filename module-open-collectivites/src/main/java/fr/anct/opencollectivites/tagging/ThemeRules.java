package fr.anct.opencollectivites.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The keyword rules of the thématiques ({@code tagging/themes.yaml}): data, not code. */
public final class ThemeRules {
    public static final String RESOURCE = "/tagging/themes.yaml";

    /** A theme: its code (slug), its French name and its keywords as written in the data file. */
    public record Theme(String code, String name, List<String> keywords) {
    }

    private record Keyword(String theme, List<String> words) {
        boolean matchesAt(List<Token> tokens, int start, java.util.BitSet nameWords) {
            if (start + words.size() > tokens.size()) {
                return false;
            }
            for (int k = 0; k < words.size(); k++) {
                if (nameWords.get(start + k)) {
                    return false;
                }
                String word = words.get(k);
                String folded = tokens.get(start + k).folded();
                boolean ok = word.endsWith("*") ? folded.startsWith(word.substring(0, word.length() - 1))
                        : folded.equals(word);
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Theme> themes;
    private final Map<String, List<Keyword>> byFirstWord = new HashMap<>();
    private final List<Keyword> byPrefix = new ArrayList<>();

    private ThemeRules(List<Theme> themes) {
        this.themes = List.copyOf(themes);
        for (Theme theme : themes) {
            for (String text : theme.keywords()) {
                List<String> words = new ArrayList<>();
                for (String part : text.trim().split("\\s+")) {
                    boolean prefix = part.endsWith("*");
                    String folded = String.join("", Tokenizer.foldedWords(part));
                    words.add(prefix ? folded + "*" : folded);
                }
                Keyword keyword = new Keyword(theme.code(), List.copyOf(words));
                if (words.get(0).endsWith("*")) {
                    byPrefix.add(keyword);
                } else {
                    byFirstWord.computeIfAbsent(words.get(0), k -> new ArrayList<>()).add(keyword);
                }
            }
        }
    }

    /** The rules shipped with the module. */
    public static ThemeRules standard() {
        try (InputStream in = ThemeRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static ThemeRules load(InputStream yaml) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(document instanceof Map<?, ?> map) || !(map.get("themes") instanceof List<?> list)) {
            throw new IllegalArgumentException("themes.yaml: a 'themes' list is expected");
        }
        Map<String, Theme> themes = new LinkedHashMap<>();
        for (Object item : list) {
            Map<String, Object> entry = (Map<String, Object>) item;
            String code = String.valueOf(entry.get("code"));
            List<String> keywords = ((List<Object>) entry.getOrDefault("keywords", List.of())).stream()
                    .map(String::valueOf).filter(k -> !k.isBlank()).toList();
            if (themes.put(code, new Theme(code, String.valueOf(entry.get("name")), keywords)) != null) {
                throw new IllegalArgumentException("themes.yaml: theme " + code + " is declared twice");
            }
        }
        return new ThemeRules(new ArrayList<>(themes.values()));
    }

    public List<Theme> themes() {
        return themes;
    }

    /** The themes whose keywords the text has, words of territory names ({@code nameWords}) left out. */
    Set<String> themes(List<Token> tokens, java.util.BitSet nameWords) {
        Set<String> found = new TreeSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (nameWords.get(i)) {
                continue;
            }
            for (Keyword keyword : byFirstWord.getOrDefault(tokens.get(i).folded(), List.of())) {
                if (keyword.matchesAt(tokens, i, nameWords)) {
                    found.add(keyword.theme());
                }
            }
            for (Keyword keyword : byPrefix) {
                if (keyword.matchesAt(tokens, i, nameWords)) {
                    found.add(keyword.theme());
                }
            }
        }
        return found;
    }
}
