package fr.anct.opencollectivites.tagging;

import java.util.List;

/**
 * The tags of a text and why each was given: for a territory, the words that name it and the rule that
 * read them (a name, another name, an adjective, a former région, a cue…); for a theme, the keywords found.
 * {@code ignored} lists words that look like a place but were left out, and why (a set phrase, a river, a
 * cardinal point, "hors"…). The harvest keeps {@link #tags()}; the editors' preview shows the rest.
 */
public record TagExplanation(Tags tags, List<TerritoryReason> territories, List<ThemeReason> themes,
                             List<Ignored> ignored) {
    public static final TagExplanation NONE = new TagExplanation(Tags.NONE, List.of(), List.of(), List.of());

    /**
     * @param name the territory's name (the former région's for an {@code ancienne-region:} key)
     * @param rule name, alias, former-region, adjective, intercommunality, qualifier, cue or homonym
     */
    public record TerritoryReason(String key, String name, String words, String rule) {
    }

    /** @param name the theme's name in the rules; {@code keywords} as found in the text */
    public record ThemeReason(String theme, String name, List<String> keywords) {
    }

    /** @param rule phrase, exclusion, river, compass, compound, common-word, short-name, acronym… */
    public record Ignored(String words, String rule) {
    }
}
