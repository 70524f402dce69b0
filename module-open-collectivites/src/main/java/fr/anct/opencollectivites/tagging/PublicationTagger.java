package fr.anct.opencollectivites.tagging;

/** Finds the territories and themes a publication is about, from its title and its summary as plain text. */
@FunctionalInterface
public interface PublicationTagger {
    PublicationTagger NONE = (title, summary) -> Tags.NONE;

    Tags tag(String title, String plainTextSummary);

    /** The same tags and why each was given; a tagger that cannot tell gives the tags alone. */
    default TagExplanation explain(String title, String plainTextSummary) {
        Tags tags = tag(title, plainTextSummary);
        return new TagExplanation(tags, tags.territories().stream()
                .map(key -> new TagExplanation.TerritoryReason(key, key, "", "")).toList(),
                tags.themes().stream().map(theme -> new TagExplanation.ThemeReason(theme, theme, java.util.List.of())).toList(),
                java.util.List.of());
    }
}
