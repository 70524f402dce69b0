package fr.anct.opencollectivites.authoring.ui;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.jcr.Node;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import fr.anct.opencollectivites.authoring.AuthoringFeature;
import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.pages.EditorialContent;
import fr.anct.opencollectivites.publishing.ItemPath;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.security.WebSessions;
import fr.anct.opencollectivites.site.FicheModels;

/**
 * {@code /auteur/apercu/contenus/{callout|alert|demarche}/{path}}: the fiche that will show a callout,
 * alert or démarche draft, rendered by the public {@code fiche} template with the site's model
 * ({@link FicheModels}) and the draft in place of its live copy. The draft is read in the author's own
 * session (who cannot read it gets the 404 page); the fiche and every other item with an anonymous
 * session, as the public sees them. A callout shows on its collectivité's fiche, an alert on its
 * territory's; a démarche, shown on every commune, on the commune asked for ({@code ?commune=42218}).
 */
@Path("auteur/apercu/contenus")
public final class FichePreviewResource {
    private static final Pattern COMMUNE_CODE = Pattern.compile("[0-9][0-9AB][0-9]{3}");

    private final UiPages pages;
    private final UiSessions sessions;
    private final AuthoringFeature authoring;
    private final OakRepository repository;
    private final FicheModels fiches;
    private final Messages messages;
    @Context
    private UriInfo uri;
    @Context
    private HttpHeaders headers;

    FichePreviewResource(UiPages pages, UiSessions sessions, AuthoringFeature authoring, OakRepository repository,
                         FicheModels fiches) {
        this.pages = pages;
        this.sessions = sessions;
        this.authoring = authoring;
        this.repository = repository;
        this.fiches = fiches;
        this.messages = pages.renderer().messages();
    }

    /** The preview's address for a draft of these types, else empty: only they show on fiches. */
    static Optional<String> url(String typeName, String path) {
        return switch (typeName) {
            case "callout", "alert", "demarche" -> Optional.of("/auteur/apercu/contenus/" + typeName + "/" + path);
            default -> Optional.empty();
        };
    }

    @GET
    @Path("{type: callout|alert|demarche}/{path: .+}")
    public Response preview(@PathParam("type") String typeName, @PathParam("path") String path,
                            @QueryParam("commune") String commune) {
        Optional<WebSessions.WebSession> session = sessions.of(headers);
        if (session.isEmpty()) {
            return UiPages.seeOther(UiPages.LOGIN);
        }
        Optional<ContentTypeDefinition> type = authoring.itemTypes.byName(typeName);
        if (type.isEmpty()) {
            return notFound();
        }
        Optional<ItemPath> found = ContentFormResource.itemOf(type.get(), path);
        if (found.isEmpty()) {
            return notFound();
        }
        ItemPath item = found.get();
        Optional<EditorialContent.Draft> draft = authoring.userSessions.as(session.get().userId(), s -> {
            if (!s.nodeExists(item.draftPath())) {
                return Optional.empty();
            }
            Node node = s.getNode(item.draftPath());
            return type.get().nodeType().equals(node.getPrimaryNodeType().getName())
                    ? EditorialContent.draft(node, item.livePath(), fiches.clock().instant()) : Optional.empty();
        });
        if (draft.isEmpty()) {
            return notFound();
        }
        Optional<String> territory = draft.get().territory().or(() -> commune != null
                && COMMUNE_CODE.matcher(commune.strip()).matches() ? Optional.of("commune:" + commune.strip()) : Optional.empty());
        if (territory.isEmpty()) {
            return notFound();
        }
        Optional<Map<String, Object>> model = repository.withAnonymousSession(s -> {
            var fiche = fiches.find(s, territory.get());
            return fiche.isEmpty() ? Optional.empty()
                    : Optional.of(fiches.fichePage(s, fiche.get(), UiPages.baseUrl(uri), draft.get()));
        });
        if (model.isEmpty()) {
            return notFound();
        }
        return DraftPreviews.render(pages, uri, "fiche", model.get(), (String) model.get().get("pagePath"),
                "/auteur/contenus/" + typeName + "/" + path, banner(typeName, draft.get()));
    }

    private String banner(String typeName, EditorialContent.Draft draft) {
        String title = draft.callout() != null ? draft.callout().title()
                : draft.alert() != null ? draft.alert().title() : draft.demarche().title();
        String banner = messages.get("authoring.ui.preview.fiche." + typeName, title == null ? "" : title);
        return draft.inForce() ? banner : banner + " " + messages.get("authoring.ui.preview.fiche.outOfDates");
    }

    private Response notFound() {
        return pages.render(404, "404", uri, Map.of());
    }
}
