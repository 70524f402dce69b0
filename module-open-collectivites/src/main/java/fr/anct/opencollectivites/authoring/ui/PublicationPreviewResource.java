package fr.anct.opencollectivites.authoring.ui;

import java.util.Map;
import java.util.Optional;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.publications.PublicationPaths;
import fr.anct.opencollectivites.publishing.ItemPath;
import fr.anct.opencollectivites.publishing.ItemTypes;
import fr.anct.opencollectivites.security.UserSessions;
import fr.anct.opencollectivites.site.PublicationPages;
import fr.anct.opencollectivites.site.PublicationView;

/**
 * {@code /auteur/apercu/contenus/publication/{path}}: a publication's draft rendered by the public
 * {@code publication} template with the site's model ({@link PublicationPages#publicationPage}), at its public
 * address {@code /publications/<code>}. The draft is read in the author's own session; a publication that
 * exists only live (harvested and published at once) previews its live copy, for those who could start its
 * draft (as the content form opens it). Whoever can do neither gets the 404 page. Taxonomy names,
 * territories and source are read as published.
 */
@AuthorPage
@Path("auteur/apercu/contenus/" + PublicationPaths.PUBLICATION_TYPE)
public final class PublicationPreviewResource {
    /** The template's model, and whether it shows a draft (else the live copy of a publication without one). */
    private record Shown(Map<String, Object> model, boolean draft) {
    }

    private final UiPages pages;
    private final UserSessions userSessions;
    private final ItemTypes itemTypes;
    private final PublicationPages publications;
    private final Messages messages;
    @Context
    private UriInfo uri;
    @Context
    private SecurityContext security;

    PublicationPreviewResource(UiPages pages, UserSessions userSessions, ItemTypes itemTypes,
                               PublicationPages publications) {
        this.pages = pages;
        this.userSessions = userSessions;
        this.itemTypes = itemTypes;
        this.publications = publications;
        this.messages = pages.renderer().messages();
    }

    /** The preview's address of a publication, else empty: the other types have their own previews or none. */
    static Optional<String> url(String typeName, String path) {
        return PublicationPaths.PUBLICATION_TYPE.equals(typeName)
                ? Optional.of("/auteur/apercu/contenus/" + typeName + "/" + path) : Optional.empty();
    }

    /**
     * The node the preview shows in this session: the draft when the session reads one, else the live copy
     * when the session could start the draft from it (add_node and set_property on the draft path, the content
     * list's rule); empty otherwise.
     */
    static Optional<Node> previewed(Session s, ItemPath item) throws RepositoryException {
        if (s.nodeExists(item.draftPath())) {
            return Optional.of(s.getNode(item.draftPath()));
        }
        if (s.nodeExists(item.livePath())
                && s.hasPermission(item.draftPath(), Session.ACTION_ADD_NODE + "," + Session.ACTION_SET_PROPERTY)) {
            return Optional.of(s.getNode(item.livePath()));
        }
        return Optional.empty();
    }

    @GET
    @Path("{path: .+}")
    public Response preview(@PathParam("path") String path) {
        Author author = Author.of(security);
        Optional<ContentTypeDefinition> type = itemTypes.byName(PublicationPaths.PUBLICATION_TYPE);
        Optional<ItemPath> item = type.flatMap(t -> ContentFormResource.itemOf(t, path));
        if (item.isEmpty()) {
            return notFound();
        }
        Optional<Shown> shown = userSessions.as(author.userId(), s -> {
            Optional<Node> node = previewed(s, item.get());
            return node.isPresent() && node.get().isNodeType(PublicationPaths.PUBLICATION_NODE_TYPE)
                    ? Optional.of(new Shown(publications.publicationPage(node.get()),
                    node.get().getPath().equals(item.get().draftPath())))
                    : Optional.empty();
        });
        if (shown.isEmpty()) {
            return notFound();
        }
        PublicationView publication = (PublicationView) shown.get().model().get("publication");
        String banner = messages.get(shown.get().draft() ? "authoring.ui.preview.publication"
                : "authoring.ui.preview.publication.live", publication.title());
        return DraftPreviews.render(pages, uri, "publication", shown.get().model(), "/publications/" + publication.code(),
                "/auteur/contenus/" + PublicationPaths.PUBLICATION_TYPE + "/" + path, banner);
    }

    private Response notFound() {
        return pages.render(404, "404", uri, Map.of());
    }
}
