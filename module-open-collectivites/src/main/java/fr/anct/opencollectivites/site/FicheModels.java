package fr.anct.opencollectivites.site;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.TerritoryKey;
import fr.anct.opencollectivites.fiches.CommuneRow;
import fr.anct.opencollectivites.fiches.Fiche;
import fr.anct.opencollectivites.fiches.FicheLookup;
import fr.anct.opencollectivites.fiches.FicheRef;
import fr.anct.opencollectivites.fiches.FicheService;
import fr.anct.opencollectivites.fiches.FicheType;
import fr.anct.opencollectivites.pages.EditorialContent;
import fr.anct.opencollectivites.search.Slugs;

/**
 * The model of the {@code fiche} template for one collectivité, whichever resource renders it:
 * {@link SiteResource} for the public, the authoring preview with a callout, alert or démarche draft in
 * place of its live copy ({@link EditorialContent.Draft}). Everything else is read with the session given
 * (anonymous in both), so only published content shows beside the draft.
 */
public final class FicheModels {
    private static final int FICHE_PUBLICATIONS = 4;

    private final FicheService fiches;
    private final PublicationPages publications;
    private final EditorialContent editorial;
    private final Clock clock;

    /** @param publications null without the publications catalogue: the fiche then shows none */
    FicheModels(FicheService fiches, PublicationPages publications, EditorialContent editorial, Clock clock) {
        this.fiches = fiches;
        this.publications = publications;
        this.editorial = editorial;
        this.clock = clock;
    }

    /** Without the publications catalogue (a tool or test that has none): fiches without their publications. */
    public static FicheModels withoutCatalogue(FicheService fiches, ContentTypeRegistry types) {
        return new FicheModels(fiches, null, new EditorialContent(types), Clock.systemUTC());
    }

    public Clock clock() {
        return clock;
    }

    /**
     * The fiche of a territory key ({@code commune:42218}, {@code departement:42}…), following a former
     * commune code to today's commune; empty for a malformed or unknown key.
     */
    public Optional<Fiche> find(Session session, String territoryKey) throws RepositoryException {
        Optional<FicheRef> ref = FicheRef.parse(territoryKey);
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        FicheLookup lookup = fiches.find(session, ref.get().type(), ref.get().key());
        if (lookup instanceof FicheLookup.Moved moved) {
            lookup = fiches.find(session, moved.type(), moved.key());
        }
        return lookup instanceof FicheLookup.Found found ? Optional.of(found.fiche()) : Optional.empty();
    }

    /** The site path of a fiche: {@code /communes/42218-saint-etienne}. */
    public static String pagePath(Fiche fiche) {
        return Slugs.pagePath(fiche.ficheType().section(), fiche.key(), fiche.nom());
    }

    /**
     * The territory keys whose alerts a fiche shows: on a commune's, its own and those of its EPCI, département
     * and région; on the others', their own only.
     */
    public Set<String> alertTerritories(Session session, Fiche fiche) throws RepositoryException {
        FicheType type = fiche.ficheType();
        return type == FicheType.COMMUNE ? editorial.territoriesOfCommune(session, fiche.code())
                : Set.of(type.id() + ":" + fiche.key());
    }

    /** The communes (COM) of a département or région, or the members of an EPCI; none for a commune. */
    public List<CommuneRow> communes(TerritoryKey territory) {
        Optional<FicheType> type = FicheType.byId(territory.level().prefix());
        return type.isEmpty() || type.get() == FicheType.COMMUNE ? List.of()
                : fiches.communes(type.get(), territory.code()).orElse(List.of());
    }

    /**
     * The {@code fiche} template's model: the fiche, its finance charts, mairies' opening, publications,
     * and the editorial content on it: the callouts on this collectivité, the alerts in force on it and on
     * the territories containing it, and (on a commune) the démarches links.
     *
     * @param baseUrl the site's address without a trailing slash, for the JSON-LD
     * @param draft   a draft shown in place of its live copy, or null (the public site)
     */
    public Map<String, Object> fichePage(Session session, Fiche fiche, String baseUrl, EditorialContent.Draft draft)
            throws RepositoryException {
        FicheType type = fiche.ficheType();
        String pagePath = pagePath(fiche);
        String key = type.id() + ":" + fiche.key();
        Map<String, Object> model = new HashMap<>();
        model.put("fiche", fiche);
        model.put("level", type);
        model.put("title", fiche.nom());
        model.put("pagePath", pagePath);
        model.put("jsonLd", JsonLd.of(fiche, pagePath, baseUrl));
        model.put("charts", FinanceCharts.of(fiche.finances()));
        model.put("mairiesOpen", MairieTimes.openNow(fiche, clock));
        model.put("publicationGroups", publications == null ? List.of()
                : publications.aboutFiche(key, FICHE_PUBLICATIONS, publications.labels()));
        Instant now = clock.instant();
        model.put("callouts", editorial.callouts(session, key, now, draft));
        model.put("alerts", editorial.alerts(session, alertTerritories(session, fiche), now, draft));
        model.put("demarches", type == FicheType.COMMUNE ? editorial.demarches(session, draft) : List.of());
        return model;
    }
}
