package fr.anct.opencollectivites.publications.harvest;

import fr.anct.opencollectivites.tagging.PublicationTagger;
import fr.anct.opencollectivites.tagging.TagExplanation;
import fr.anct.opencollectivites.tagging.Tags;

/**
 * The automatic tags the harvest gives an item, from its title and its summary (HTML or plain text: the
 * tagger reads {@link HtmlSummaries#plainText}). One place, so that the editors' preview
 * ({@link #explain}) shows the tags a harvest of the same text writes ({@link #tags}).
 */
public final class HarvestTagging {
    private final PublicationTagger tagger;

    public HarvestTagging(PublicationTagger tagger) {
        this.tagger = tagger;
    }

    public Tags tags(String title, String summary) {
        return tagger.tag(title, HtmlSummaries.plainText(summary));
    }

    /** The same tags, and why each was given (and which words were left out). */
    public TagExplanation explain(String title, String summary) {
        return tagger.explain(title, HtmlSummaries.plainText(summary));
    }
}
