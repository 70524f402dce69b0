package fr.anct.opencollectivites.site;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.TerritoryKey;
import fr.anct.opencollectivites.repository.SessionProvider;
import fr.anct.opencollectivites.fiches.FicheType;
import fr.anct.opencollectivites.publications.PublicationPaths;
import fr.anct.opencollectivites.publications.catalogue.CataloguePage;
import fr.anct.opencollectivites.publications.catalogue.CatalogueQuery;
import fr.anct.opencollectivites.publications.catalogue.CatalogueService;
import fr.anct.opencollectivites.publications.harvest.PublicationWriter;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.repository.RepositoryFailure;

/**
 * What the site's pages read of publications: the catalogue (filters, text, paging), one publication,
 * the newest ones, and a fiche's own and its parents' publications. Reads with the site's anonymous
 * sessions, so drafts never show.
 */
public final class PublicationPages {
    /** A territory key ({@code commune:42218}) with its name and fiche. */
    public record Territory(String key, String nom, String href) {
    }

    /** Publications about one territory of a fiche's scope (the fiche itself or one of its parents). */
    public record Group(Territory territory, List<PublicationView> publications) {
    }

    /** A page of results. */
    public record Results(long total, List<PublicationView> publications) {
    }

    private final CatalogueService catalogue;
    private final SessionProvider sessions;
    private final FicheReader fiches;

    /** @param catalogue null without the publications catalogue: only one publication's page can then be made */
    PublicationPages(CatalogueService catalogue, SessionProvider sessions, FicheReader fiches) {
        this.catalogue = catalogue;
        this.sessions = sessions;
        this.fiches = fiches;
    }

    /** Without the catalogue (a tool or test that has none): the page of one publication only. */
    public static PublicationPages withoutCatalogue(OakRepository repository, ContentTypeRegistry types) {
        return new PublicationPages(null, SessionProvider.anonymous(repository), new FicheReader(types));
    }

    /**
     * The {@code publication} template's model for a publication node: the live one on the site, a draft (read
     * in its author's session) in the authoring preview. Its taxonomy labels, territories and source are read
     * with an anonymous session, as published.
     */
    public Map<String, Object> publicationPage(Node publication) throws RepositoryException {
        return publicationPage(PublicationView.of(publication, labels()));
    }

    Map<String, Object> publicationPage(PublicationView publication) {
        Map<String, Object> model = new HashMap<>();
        model.put("publication", publication);
        model.put("title", publication.title());
        model.put("territories", territories(publication.territories()));
        model.put("source", publication.source() == null ? "" : sourceName(publication.source()));
        return model;
    }

    PublicationLabels labels() {
        return read(PublicationLabels::read);
    }

    /** @throws fr.anct.opencollectivites.publications.catalogue.UnknownTerritoryException for an unknown territory */
    Results search(CatalogueQuery query, PublicationLabels labels) {
        CataloguePage page = catalogue.search(query);
        return new Results(page.total(), page.results().stream().map(json -> PublicationView.of(json, labels)).toList());
    }

    List<PublicationView> newest(int count, PublicationLabels labels) {
        return search(CatalogueQuery.newest(null, null, count), labels).publications();
    }

    Optional<PublicationView> one(String code, PublicationLabels labels) {
        if (!code.matches("[0-9A-Za-z_-]{2,64}")) {
            return Optional.empty();
        }
        return read(session -> {
            String path = PublicationPaths.live(PublicationWriter.relativePath(code));
            Optional<Node> node = session.nodeExists(path) ? Optional.of(session.getNode(path)) : byCode(session, code);
            return node.isPresent() ? Optional.of(PublicationView.of(node.get(), labels)) : Optional.empty();
        });
    }

    /**
     * Harvested publications sit at their bucket path; one an editor created in the authoring form sits where
     * its author named it ({@code /items/<name>}): the {@code code} index finds it.
     */
    private static Optional<Node> byCode(Session session, String code) throws RepositoryException {
        Query query = session.getWorkspace().getQueryManager().createQuery("SELECT * FROM ["
                + PublicationPaths.PUBLICATION_NODE_TYPE + "] AS p WHERE p.[code] = $code AND ISDESCENDANTNODE(p, '"
                + PublicationPaths.liveItems() + "')", Query.JCR_SQL2);
        query.bindValue("code", session.getValueFactory().createValue(code));
        query.setLimit(1);
        NodeIterator found = query.execute().getNodes();
        return found.hasNext() ? Optional.of(found.nextNode()) : Optional.empty();
    }

    /**
     * The newest publications about a fiche's territory ({@code group(0)}, possibly empty) then about
     * each of its parents that has some, most specific first.
     */
    List<Group> aboutFiche(String territoryKey, int perGroup, PublicationLabels labels) {
        CataloguePage page;
        try {
            page = catalogue.search(CatalogueQuery.newest(territoryKey, null, CatalogueQuery.MAX_LIMIT));
        } catch (fr.anct.opencollectivites.publications.catalogue.UnknownTerritoryException e) {
            return List.of(); // communes déléguées and associées are not territories of publications
        }
        Map<String, List<PublicationView>> byTerritory = new LinkedHashMap<>();
        byTerritory.put(territoryKey, new ArrayList<>());
        for (Map<String, Object> json : page.results()) {
            PublicationView view = PublicationView.of(json, labels);
            String matched = view.matchedTerritory() == null ? territoryKey : view.matchedTerritory();
            List<PublicationView> group = byTerritory.computeIfAbsent(matched, key -> new ArrayList<>());
            if (group.size() < perGroup) {
                group.add(view);
            }
        }
        List<Group> groups = new ArrayList<>();
        List<Map.Entry<String, List<PublicationView>>> entries = new ArrayList<>(byTerritory.entrySet());
        // The fiche's own first, then its parents from the nearest (EPCI) to the farthest (région).
        entries.sort(java.util.Comparator.comparingInt(entry -> entry.getKey().equals(territoryKey) ? -1
                : TerritoryKey.parse(entry.getKey()).flatMap(FicheType::of).map(Enum::ordinal).orElse(Integer.MAX_VALUE)));
        for (Map.Entry<String, List<PublicationView>> entry : entries) {
            territory(entry.getKey()).ifPresent(territory -> groups.add(new Group(territory, entry.getValue())));
        }
        return groups;
    }

    /** The name of a harvest source, or its code when it has none. */
    String sourceName(String code) {
        if (code == null || !code.matches("[0-9A-Za-z_.-]{1,100}")) {
            return code;
        }
        return read(session -> {
            String path = PublicationPaths.live(PublicationPaths.SOURCES + "/" + code);
            if (session.nodeExists(path) && session.getNode(path).hasProperty("name")) {
                return session.getNode(path).getProperty("name").getString();
            }
            return code;
        });
    }

    /** The name and fiche of a territory key, when it names a known collectivité. */
    Optional<Territory> territory(String key) {
        Optional<TerritoryKey> parsed = TerritoryKey.parse(key);
        Optional<FicheType> level = parsed.flatMap(FicheType::of);
        if (level.isEmpty()) {
            return Optional.empty();
        }
        return read(session -> fiches.read(session, level.get(), parsed.get().code())
                .map(fiche -> new Territory(key, fiche.nom(), fiche.pagePath())));
    }

    List<Territory> territories(List<String> keys) {
        List<Territory> territories = new ArrayList<>();
        for (String key : keys) {
            territory(key).ifPresent(territories::add);
        }
        return territories;
    }

    private interface Reading<T> {
        T read(Session session) throws RepositoryException;
    }

    private <T> T read(Reading<T> reading) {
        Session session = sessions.open(null);
        try {
            return reading.read(session);
        } catch (RepositoryException e) {
            throw new RepositoryFailure("Cannot read publications: " + e.getMessage(), e);
        } finally {
            sessions.release(session);
        }
    }
}
