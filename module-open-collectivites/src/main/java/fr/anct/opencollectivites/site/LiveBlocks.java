package fr.anct.opencollectivites.site;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.TerritoryKey;
import fr.anct.opencollectivites.pages.EditorialContent;
import fr.anct.opencollectivites.publications.catalogue.CatalogueQuery;
import fr.anct.opencollectivites.publications.catalogue.CatalogueService;
import fr.anct.opencollectivites.publications.catalogue.UnknownTerritoryException;
import fr.anct.opencollectivites.repository.NodeProperties;

/**
 * The live content of the mini-site blocks: {@code minisite-publications} (the newest publications of the
 * block's themes and territories, from the catalogue the {@code /publications} pages use),
 * {@code minisite-alerts} (the alerts in force on its territories), {@code minisite-communes} (the
 * program's communes, {@link ProgramCommunes}) and the names of the territories of {@code minisite-fiches}
 * (from the live référentiel). Publications come from the
 * catalogue, which only ever answers live ones; alerts are read with the session of the page being
 * rendered (anonymous on the site, the author's in the preview) from the live tree only.
 */
public final class LiveBlocks {
    static final int DEFAULT_PUBLICATIONS = 5;
    static final int MAX_PUBLICATIONS = 20;

    private final CatalogueService catalogue;
    private final EditorialContent editorial;
    private final ReferentielNodes referentiel;
    private final ProgramCommunes communes;
    private final Clock clock;

    public LiveBlocks(CatalogueService catalogue, ContentTypeRegistry types, Clock clock) {
        this.catalogue = catalogue;
        this.editorial = new EditorialContent(types);
        this.referentiel = new ReferentielNodes(types);
        this.communes = new ProgramCommunes(referentiel);
        this.clock = clock;
    }

    /** Without a catalogue (a tool or test that has none): the blocks show their links only. */
    public static LiveBlocks withoutCatalogue(ContentTypeRegistry types) {
        return new LiveBlocks(null, types, Clock.systemUTC());
    }

    /**
     * The {@code limit} newest publications about any of the territories (each with its parents, as the
     * catalogue filters) and of any of the themes; every territory filter is one catalogue query, merged
     * by date. An unknown territory key is skipped.
     */
    List<PublicationView> publications(Session session, List<String> themes, List<String> territories, Long limit)
            throws RepositoryException {
        if (catalogue == null) {
            return List.of();
        }
        int count = limit == null || limit <= 0 ? DEFAULT_PUBLICATIONS : (int) Math.min(limit, MAX_PUBLICATIONS);
        PublicationLabels labels = PublicationLabels.read(session);
        List<String> scopes = territories.isEmpty() ? java.util.Collections.singletonList(null) : territories;
        Map<String, PublicationView> byCode = new LinkedHashMap<>();
        for (String territory : scopes) {
            CatalogueQuery query = new CatalogueQuery(themes, territory, List.of(), List.of(), List.of(), null, null,
                    null, CatalogueQuery.Sort.DATE, 0, count);
            try {
                for (Map<String, Object> json : catalogue.search(query).results()) {
                    PublicationView view = PublicationView.of(json, labels);
                    byCode.putIfAbsent(view.code(), view);
                }
            } catch (UnknownTerritoryException e) {
                // a key that names no territory of the référentiel: nothing about it
            }
        }
        List<PublicationView> newest = new ArrayList<>(byCode.values());
        newest.sort(Comparator.comparing(PublicationView::date, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder())));
        return newest.size() > count ? List.copyOf(newest.subList(0, count)) : newest;
    }

    /**
     * The alerts in force now on the territories, most severe first; a commune's key brings the alerts on
     * its EPCI, département and région, as on its fiche.
     */
    List<EditorialContent.Alert> alerts(Session session, List<String> territories) throws RepositoryException {
        Set<String> keys = new LinkedHashSet<>();
        for (String key : territories) {
            Optional<TerritoryKey> commune = TerritoryKey.parse(key).filter(k -> k.level() == TerritoryKey.Level.COMMUNE);
            if (commune.isPresent()) {
                keys.addAll(editorial.territoriesOfCommune(session, commune.get().code()));
            } else {
                keys.add(key);
            }
        }
        return keys.isEmpty() ? List.of() : editorial.alerts(session, keys, clock.instant());
    }

    /** The program's communes from the mini-site's territories, optionally those of one département. */
    ProgramCommunes.Listing communes(Session session, List<String> territories, String departement)
            throws RepositoryException {
        return communes.of(session, territories, departement);
    }

    /**
     * {@code commune:42218} → a link to the fiche page (the site redirects the bare code to its canonical
     * URL), with the collectivité's current name from the live référentiel when it is there; keys that name
     * no level are left out.
     */
    List<Map<String, String>> territories(Session session, List<String> keys) throws RepositoryException {
        List<Map<String, String>> links = new ArrayList<>();
        for (String key : keys) {
            Optional<TerritoryKey> territory = TerritoryKey.parse(key);
            if (territory.isPresent()) {
                Optional<Node> node = referentiel.node(session, territory.get());
                links.add(Map.of("key", key, "code", territory.get().code(), "href", ReferentielNodes.href(territory.get()),
                        "name", node.isPresent() ? Objects.toString(NodeProperties.string(node.get(), "nom"), "") : ""));
            }
        }
        return links;
    }
}
