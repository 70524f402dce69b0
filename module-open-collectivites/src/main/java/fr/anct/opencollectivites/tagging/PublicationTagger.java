package fr.anct.opencollectivites.tagging;

/** Finds the territories and themes a publication is about, from its title and its summary as plain text. */
@FunctionalInterface
public interface PublicationTagger {
    PublicationTagger NONE = (title, summary) -> Tags.NONE;

    Tags tag(String title, String plainTextSummary);
}
