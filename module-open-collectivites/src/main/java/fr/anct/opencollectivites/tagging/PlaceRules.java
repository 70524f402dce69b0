package fr.anct.opencollectivites.tagging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import fr.anct.opencollectivites.content.DefinitionException;
import fr.anct.opencollectivites.content.YamlDocument;

/**
 * The data of the territory rules, from the light module: other names of collectivités
 * ({@code tagging/names.yaml}: abbreviations, nicknames, former régions, demonyms and adjectives) and
 * what looks like a place but is not ({@code tagging/not-places.yaml}: set phrases, cardinal points,
 * exclusions, rivers). Every phrase is kept as folded words. A mistake stops with the file and line.
 */
public record PlaceRules(List<Alias> aliases, List<FormerRegion> formerRegions, List<Adjective> adjectives,
                         List<List<String>> townWords, List<List<String>> metropolisWords,
                         List<List<String>> intercommunalityWords, List<List<String>> phrases, Set<String> compass,
                         List<List<String>> exclusions, Set<String> rivers, List<List<String>> riverWords) {
    public static final String NAMES = "tagging/names.yaml";
    public static final String NOT_PLACES = "tagging/not-places.yaml";
    private static final Pattern KEY = Pattern.compile("(commune|epci|departement|region):[0-9A-Za-z]{1,9}");

    /** Another name of one or more territories, written with a capital like an official name. */
    public record Alias(List<String> words, String text, List<String> keys) {
    }

    /** A région before 2016 and today's région that contains it. */
    public record FormerRegion(List<String> words, String name, String code, String region) {
        public String key() {
            return "ancienne-region:" + code;
        }
    }

    /** A demonym or adjective, in any case; of a commune, it needs a town word before it. */
    public record Adjective(List<String> words, String text, List<String> keys) {
        boolean ofCommune() {
            return keys.stream().anyMatch(key -> key.startsWith("commune:"));
        }
    }

    /** No data: only the official names count. */
    public static final PlaceRules NONE = new PlaceRules(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), Set.of(), List.of(), Set.of(), List.of());

    public static PlaceRules load(Path lightModule) {
        Path namesFile = lightModule.resolve(NAMES);
        YamlDocument.Mapping names = YamlDocument.read(namesFile);
        List<Alias> aliases = new ArrayList<>();
        for (YamlDocument.Mapping entry : names.mappings("names")) {
            List<String> keys = keys(entry, "territory");
            for (String name : entry.strings("names")) {
                aliases.add(new Alias(words(entry, "names", name), name, keys));
            }
        }
        List<FormerRegion> formerRegions = new ArrayList<>();
        for (YamlDocument.Mapping entry : names.mappings("formerRegions")) {
            String code = entry.requiredString("code");
            String region = entry.requiredString("region");
            if (!code.matches("\\d{2}") || !region.matches("\\d{2}")) {
                throw entry.error("code", "'code' and 'region' are two-digit INSEE codes of régions");
            }
            String name = entry.requiredString("name");
            formerRegions.add(new FormerRegion(words(entry, "name", name), name, code, region));
        }
        List<Adjective> adjectives = new ArrayList<>();
        for (YamlDocument.Mapping entry : names.mappings("adjectives")) {
            List<String> keys = keys(entry, "territories");
            for (String word : entry.strings("words")) {
                adjectives.add(new Adjective(words(entry, "words", word), word, keys));
            }
        }
        Path notPlacesFile = lightModule.resolve(NOT_PLACES);
        YamlDocument.Mapping notPlaces = YamlDocument.read(notPlacesFile);
        YamlDocument.Mapping rivers = notPlaces.mapping("rivers").orElse(null);
        return new PlaceRules(List.copyOf(aliases), List.copyOf(formerRegions), List.copyOf(adjectives),
                phrases(names, "townWords"), phrases(names, "metropolisWords"), phrases(names, "intercommunalityWords"),
                phrases(notPlaces, "phrases"),
                Set.copyOf(phrases(notPlaces, "compass").stream().map(words -> String.join(" ", words)).toList()),
                phrases(notPlaces, "exclusions"),
                rivers == null ? Set.of() : Set.copyOf(phrases(rivers, "names").stream().map(w -> String.join(" ", w)).toList()),
                rivers == null ? List.of() : phrases(rivers, "words"));
    }

    private static List<String> keys(YamlDocument.Mapping entry, String key) {
        List<String> keys = entry.strings(key);
        if (keys.isEmpty()) {
            throw new DefinitionException(entry.file(), entry.line(), "'" + key + "' is required");
        }
        for (String value : keys) {
            if (!KEY.matcher(value).matches()) {
                throw entry.error(key, "'" + value + "' is not a territory key such as commune:42218, epci:244200770, "
                        + "departement:42 or region:84");
            }
        }
        return List.copyOf(keys);
    }

    private static List<String> words(YamlDocument.Mapping entry, String key, String text) {
        List<String> words = Tokenizer.foldedWords(text);
        if (words.isEmpty()) {
            throw entry.error(key, "'" + text + "' has no word");
        }
        return List.copyOf(words);
    }

    private static List<List<String>> phrases(YamlDocument.Mapping mapping, String key) {
        List<List<String>> phrases = new ArrayList<>();
        for (String text : mapping.strings(key)) {
            phrases.add(words(mapping, key, text));
        }
        return List.copyOf(phrases);
    }
}
