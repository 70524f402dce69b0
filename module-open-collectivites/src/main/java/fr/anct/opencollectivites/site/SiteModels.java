package fr.anct.opencollectivites.site;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.fiches.FicheService;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * The site's model builders that the authoring previews share, so that a draft is rendered exactly as the
 * site will render it once published: the mini-site blocks' live content, the fiche pages, the publication
 * pages. The composition root passes {@code Site.models()}.
 */
public record SiteModels(LiveBlocks liveBlocks, FicheModels fichePages, PublicationPages publicationPages) {
    /**
     * Without the publications catalogue (a tool or test that has none): the live blocks show their links
     * only, fiches no publications; a publication's own page is complete.
     */
    public static SiteModels withoutCatalogue(OakRepository repository, ContentTypeRegistry contentTypes,
                                              Messages messages) {
        return new SiteModels(LiveBlocks.withoutCatalogue(contentTypes),
                FicheModels.withoutCatalogue(new FicheService(repository, contentTypes, messages), contentTypes),
                PublicationPages.withoutCatalogue(repository, contentTypes));
    }
}
