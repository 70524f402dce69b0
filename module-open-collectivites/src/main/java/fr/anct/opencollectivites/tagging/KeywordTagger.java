package fr.anct.opencollectivites.tagging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The tagger over a fixed set of territories: names matched by {@link TerritoryMatcher} with the
 * {@link PlaceRules}, themes by {@link ThemeRules}. Immutable and thread-safe; {@link ReferentielTagger}
 * rebuilds one when the référentiel changes. {@link #explain} and {@link #tag} run the same code: the
 * editors' preview shows exactly the tags the harvest writes.
 */
public final class KeywordTagger implements PublicationTagger {
    public static final String COMMON_WORDS = "/tagging/common-words.txt";

    private final TerritoryMatcher territories;
    private final ThemeRules themes;

    public KeywordTagger(Collection<Territory> territories, TaggingRules rules) {
        this(territories, rules, standardCommonWords());
    }

    KeywordTagger(Collection<Territory> territories, TaggingRules rules, Set<String> commonWords) {
        this.territories = new TerritoryMatcher(territories, commonWords, rules.places());
        this.themes = rules.themes();
    }

    @Override
    public Tags tag(String title, String plainTextSummary) {
        return explain(title, plainTextSummary).tags();
    }

    /** The tags of a title and its summary (plain text), and why each was given. */
    @Override
    public TagExplanation explain(String title, String plainTextSummary) {
        List<Token> tokens = Tokenizer.tokens(title, plainTextSummary);
        TerritoryMatcher.Found found = territories.territories(tokens);
        int titleWords = title == null ? 0 : Tokenizer.tokens(title).size();
        List<ThemeRules.Match> matches = List.copyOf(themes.matches(tokens, found.nameWords(), titleWords).values());
        Tags tags = new Tags(found.keys(), matches.stream().map(ThemeRules.Match::theme).collect(java.util.stream.Collectors.toSet()));
        return new TagExplanation(tags,
                found.reasons().stream().map(r -> new TagExplanation.TerritoryReason(r.key(), territories.name(r.key()),
                        r.words(), r.rule())).toList(),
                matches.stream().map(m -> new TagExplanation.ThemeReason(m.theme(), themes.name(m.theme()), m.words()))
                        .toList(),
                found.ignored().stream().map(r -> new TagExplanation.Ignored(r.words(), r.rule())).toList());
    }

    /** How many names (with their variants and other names) the matcher knows. */
    public int names() {
        return territories.names();
    }

    /** Names of collectivités that are also common French words (generated from a dictionary). */
    static Set<String> standardCommonWords() {
        try (InputStream in = KeywordTagger.class.getResourceAsStream(COMMON_WORDS)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_WORDS + " is missing from the class path");
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
