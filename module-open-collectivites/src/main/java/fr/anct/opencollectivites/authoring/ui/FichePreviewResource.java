package fr.anct.opencollectivites.authoring.ui;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.TerritoryKey;
import fr.anct.opencollectivites.fiches.Fiche;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.pages.EditorialContent;
import fr.anct.opencollectivites.publishing.ItemPath;
import fr.anct.opencollectivites.publishing.ItemTypes;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.security.UserSessions;
import fr.anct.opencollectivites.site.FicheModels;

/**
 * {@code /auteur/apercu/contenus/{callout|alert|demarche}/{path}}: the fiche that will show a callout,
 * alert or démarche draft, rendered by the public {@code fiche} template with the site's model
 * ({@link FicheModels}) and the draft in place of its live copy. The draft is read in the author's own
 * session (who cannot read it gets the 404 page); the fiche and every other item with an anonymous
 * session, as the public sees them. A callout shows on its collectivité's fiche, an alert on its
 * territory's, or on the fiche of a commune inside that territory ({@code ?sur=commune:42218}, {@link AlertPlaces},
 * whose links the banner shows; a malformed key is a 400, a commune outside or another level a 404); a démarche,
 * shown on every commune, on the commune asked for ({@code ?commune=42218}).
 */
@AuthorPage
@Path("auteur/apercu/contenus")
public final class FichePreviewResource {
    private static final Pattern COMMUNE_CODE = Pattern.compile("[0-9][0-9AB][0-9]{3}");

    /** The fiche's model, and the other fiches an alert can be previewed on. */
    private record Shown(Map<String, Object> model, List<AlertPlaces.Place> places) {
    }

    private final UiPages pages;
    private final UserSessions userSessions;
    private final ItemTypes itemTypes;
    private final OakRepository repository;
    private final FicheModels fiches;
    private final AlertPlaces places;
    private final Messages messages;
    @Context
    private UriInfo uri;
    @Context
    private SecurityContext security;

    FichePreviewResource(UiPages pages, UserSessions userSessions, ItemTypes itemTypes, OakRepository repository,
                         FicheModels fiches, ContentTypeRegistry contentTypes) {
        this.pages = pages;
        this.userSessions = userSessions;
        this.itemTypes = itemTypes;
        this.repository = repository;
        this.fiches = fiches;
        this.messages = pages.renderer().messages();
        this.places = new AlertPlaces(fiches, contentTypes, messages);
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
                            @QueryParam("commune") String commune, @QueryParam("sur") String sur) {
        Author author = Author.of(security);
        Optional<ContentTypeDefinition> type = itemTypes.byName(typeName);
        if (type.isEmpty()) {
            return notFound();
        }
        Optional<ItemPath> found = ContentFormResource.itemOf(type.get(), path);
        if (found.isEmpty()) {
            return notFound();
        }
        ItemPath item = found.get();
        Optional<EditorialContent.Draft> draft = userSessions.as(author.userId(), s -> {
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
        Optional<TerritoryKey> asked = sur == null ? Optional.empty() : TerritoryKey.parse(sur);
        if (sur != null && asked.isEmpty()) {
            return badRequest(sur);
        }
        if (asked.isPresent() && (draft.get().alert() == null || asked.get().level() != TerritoryKey.Level.COMMUNE)) {
            return notFound();
        }
        Optional<Shown> shown = repository.withAnonymousSession(s -> shown(s, territory.get(), asked, draft.get(),
                url(typeName, path).orElseThrow()));
        if (shown.isEmpty()) {
            return notFound();
        }
        Map<String, Object> model = shown.get().model();
        return DraftPreviews.render(pages, uri, "fiche", model, (String) model.get("pagePath"),
                "/auteur/contenus/" + typeName + "/" + path, banner(typeName, draft.get()), shown.get().places());
    }

    /**
     * The fiche of the draft's territory, or of the commune asked for when its fiche shows the alert; with, for
     * an alert, the banner's links to the other fiches it can be previewed on. Empty for an unknown fiche.
     */
    private Optional<Shown> shown(Session s, String territory, Optional<TerritoryKey> asked, EditorialContent.Draft draft,
                                  String previewUrl) throws RepositoryException {
        Optional<Fiche> fiche = fiches.find(s, asked.map(TerritoryKey::toString).orElse(territory));
        if (fiche.isEmpty() || asked.isPresent() && !places.shows(s, fiche.get(), asked.get(), territory)) {
            return Optional.empty();
        }
        Optional<TerritoryKey> alertTerritory = draft.alert() == null ? Optional.empty() : TerritoryKey.parse(territory);
        return Optional.of(new Shown(fiches.fichePage(s, fiche.get(), UiPages.baseUrl(uri), draft),
                alertTerritory.isEmpty() ? List.of() : places.of(s, alertTerritory.get(), previewUrl, asked.orElse(null))));
    }

    private String banner(String typeName, EditorialContent.Draft draft) {
        String title = draft.callout() != null ? draft.callout().title()
                : draft.alert() != null ? draft.alert().title() : draft.demarche().title();
        String banner = messages.get("authoring.ui.preview.fiche." + typeName, title == null ? "" : title);
        return draft.inForce() ? banner : banner + " " + messages.get("authoring.ui.preview.fiche.outOfDates");
    }

    /** A {@code ?sur=} that is not a territory key. */
    private Response badRequest(String sur) {
        return pages.render(400, "authoring-message", uri, Map.of("title", messages.get("authoring.ui.preview.alert.invalidTitle"),
                "error", messages.get("authoring.ui.preview.alert.invalid", sur)));
    }

    private Response notFound() {
        return pages.render(404, "404", uri, Map.of());
    }
}
