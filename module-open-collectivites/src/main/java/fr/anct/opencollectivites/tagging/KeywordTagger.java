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
 * The tagger over a fixed set of territories: names matched by {@link TerritoryMatcher}, themes by
 * {@link ThemeRules}. Immutable and thread-safe; {@link ReferentielTagger} rebuilds one when the
 * référentiel changes.
 */
public final class KeywordTagger implements PublicationTagger {
    public static final String COMMON_WORDS = "/tagging/common-words.txt";

    private final TerritoryMatcher territories;
    private final ThemeRules themes;

    public KeywordTagger(Collection<Territory> territories, ThemeRules themes) {
        this(territories, themes, standardCommonWords());
    }

    KeywordTagger(Collection<Territory> territories, ThemeRules themes, Set<String> commonWords) {
        this.territories = new TerritoryMatcher(territories, commonWords);
        this.themes = themes;
    }

    @Override
    public Tags tag(String title, String plainTextSummary) {
        List<Token> tokens = Tokenizer.tokens(title, plainTextSummary);
        TerritoryMatcher.Found found = territories.territories(tokens);
        return new Tags(found.keys(), themes.themes(tokens, found.nameWords()));
    }

    /** How many names (with their variants) the matcher knows. */
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
