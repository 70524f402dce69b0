package fr.anct.opencollectivites.search;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one normalisation applied to names on both sides of the index, so that the index needs no
 * analyzer: accents, case, hyphens and apostrophes fold away, and the abbreviations "St"/"Ste" expand
 * to "saint"/"sainte" ({@code Saint-Étienne}, {@code st etienne} and {@code ST-ETIENNE} all give
 * {@code saint etienne}).
 */
public final class NameFolding {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{2,14}");

    private NameFolding() {
    }

    /** Folded words separated by single spaces, abbreviations expanded; empty when nothing is left. */
    public static String fold(String text) {
        return expandAbbreviations(foldLiteral(text));
    }

    /** Folded like {@link #fold} but abbreviations kept: {@code st} may also be the start of "Stains". */
    public static String foldLiteral(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae");
        String withoutAccents = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return NOT_ALPHANUMERIC.matcher(withoutAccents).replaceAll(" ").trim();
    }

    /** The folded name without spaces, so that {@code labergement} finds "L'Abergement-…". */
    public static String compact(String folded) {
        return folded.replace(" ", "");
    }

    /** The query as an official code (INSEE, SIREN), or {@code null} when it cannot be one. */
    public static String asCode(String text) {
        if (text == null) {
            return null;
        }
        String code = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return CODE.matcher(code).matches() && code.chars().anyMatch(Character::isDigit) ? code : null;
    }

    private static String expandAbbreviations(String folded) {
        if (folded.isEmpty()) {
            return folded;
        }
        String[] words = folded.split(" ");
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals("st")) {
                words[i] = "saint";
            } else if (words[i].equals("ste")) {
                words[i] = "sainte";
            }
        }
        return String.join(" ", words);
    }
}
