package fr.anct.opencollectivites.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.anct.opencollectivites.search.NameFolding;

/** Splits a text into words folded as the search index folds names; hyphens and apostrophes separate words. */
final class Tokenizer {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?;]\\s");
    /** In a title, a spaced dash opens a subtitle ("… au Sud - Aires d'attraction des villes"). */
    private static final Pattern SUBTITLE = Pattern.compile("\\s[-–—]\\s");

    private Tokenizer() {
    }

    /** The words of each part in turn; each part starts a sentence (title, then summary). */
    static List<Token> tokens(String... parts) {
        List<Token> tokens = new ArrayList<>();
        String trailing = "";
        boolean title = true;
        for (String part : parts) {
            if (part == null || part.isBlank()) {
                continue;
            }
            Matcher matcher = WORD.matcher(part);
            int previousEnd = 0;
            boolean first = true;
            while (matcher.find()) {
                String gap = part.substring(previousEnd, matcher.start());
                String word = matcher.group();
                String folded = fold(word);
                previousEnd = matcher.end();
                if (folded.isEmpty()) {
                    continue;
                }
                boolean sentenceStart = first || !gap.isBlank() && (SENTENCE_END.matcher(gap + " ").find()
                        || title && SUBTITLE.matcher(gap).find());
                tokens.add(new Token(folded, word, first ? trailing + "\n" : gap, sentenceStart));
                first = false;
            }
            trailing = part.substring(previousEnd);
            title = false;
        }
        return tokens;
    }

    /** {@link NameFolding#fold} of one word, without its normalisation when the word is plain ASCII (most are). */
    private static String fold(String word) {
        for (int k = 0; k < word.length(); k++) {
            if (word.charAt(k) >= 128) {
                return NameFolding.fold(word);
            }
        }
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.equals("st") ? "saint" : lower.equals("ste") ? "sainte" : lower;
    }

    /** The folded words of a name: {@code Saint-Denis} gives [saint, denis]. */
    static List<String> foldedWords(String name) {
        List<String> words = new ArrayList<>();
        for (Token token : tokens(name)) {
            words.add(token.folded());
        }
        return words;
    }

    /** The words {@code start} to {@code end} as written, with the hyphens and apostrophes between them. */
    static String original(List<Token> tokens, int start, int end) {
        StringBuilder text = new StringBuilder(tokens.get(start).original());
        for (int k = start + 1; k <= end; k++) {
            String gap = tokens.get(k).gapBefore().replaceAll("\\s+", " ");
            text.append(gap.isBlank() ? " " : gap).append(tokens.get(k).original());
        }
        return text.toString();
    }
}
