package fr.anct.opencollectivites.site;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.anct.opencollectivites.TestHttpServer;
import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.collectivites.CollectivitePaths;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ContentValidationException;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.fiches.FicheService;
import fr.anct.opencollectivites.publications.PublicationsTestSupport;
import fr.anct.opencollectivites.publications.catalogue.CatalogueService;
import fr.anct.opencollectivites.publications.catalogue.PublicationIndex;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.repository.PerThreadAnonymousSessions;
import fr.anct.opencollectivites.repository.SessionProvider;
import fr.anct.opencollectivites.search.SearchIndex;
import fr.anct.opencollectivites.search.SearchService;

/**
 * The catalogue pages and the fiches over real HTTP, on a repository of their own with the seeded taxonomy:
 * Saint-Étienne, its métropole, the Loire and Auvergne-Rhône-Alpes, Rennes, and twelve publications about
 * them (and a draft, never shown). A test that changes the content starts a site of its own.
 */
final class PublicationSite implements AutoCloseable {
    private static final ContentTypeRegistry TYPES = TestLightModule.contentTypes();
    private final OakRepository repository = PublicationsTestSupport.repository();
    private PublicationIndex index;
    private SearchIndex searchIndex;
    private PerThreadAnonymousSessions sessions;
    private TestHttpServer server;

    private PublicationSite() {
    }

    static PublicationSite start() throws Exception {
        return start(site -> { });
    }

    /** A site with more content, written by {@code more} before the indexes start. */
    static PublicationSite start(java.util.function.Consumer<PublicationSite> more) throws Exception {
        PublicationSite site = new PublicationSite();
        site.fill(more);
        return site;
    }

    private void fill(java.util.function.Consumer<PublicationSite> more) throws Exception {
        write(CollectivitePaths.item(TYPES.require("region"), "84"), "region", Map.of("code", "84", "nom", "Auvergne-Rhône-Alpes"));
        write(CollectivitePaths.item(TYPES.require("region"), "53"), "region", Map.of("code", "53", "nom", "Bretagne"));
        write(CollectivitePaths.item(TYPES.require("departement"), "42"), "departement",
                Map.of("code", "42", "nom", "Loire", "region", "84"));
        write(CollectivitePaths.item(TYPES.require("departement"), "35"), "departement",
                Map.of("code", "35", "nom", "Ille-et-Vilaine", "region", "53"));
        write(CollectivitePaths.item(TYPES.require("epci"), "244200770"), "epci", Map.of("code", "244200770",
                "siren", "244200770", "nom", "Saint-Étienne Métropole", "natureJuridique", "METRO", "departementSiege", "42"));
        write(CollectivitePaths.commune(TYPES.require("commune"), "COM", "42218"), "commune", Map.of("code", "42218",
                "typecom", "COM", "nom", "Saint-Étienne", "departement", "42", "region", "84", "epci", "244200770"));
        write(CollectivitePaths.commune(TYPES.require("commune"), "COM", "35238"), "commune", Map.of("code", "35238",
                "typecom", "COM", "nom", "Rennes", "departement", "35", "region", "53"));
        publication("pse1", "Les finances de Saint-Étienne en 2023", "<p>Épargne <strong>brute</strong> et dette.</p>",
                "commune:42218", "finances-fiscalite", "insee", "2024-03-01");
        publication("pdep", "La Loire : l'emploi salarié progresse", null, "departement:42",
                "emploi-fonction-publique-territoriale", "dares", "2023-11-15");
        publication("preg", "Auvergne-Rhône-Alpes : la santé des habitants", null, "region:84", "sante-social", "drees",
                "2024-05-10");
        for (int i = 1; i <= 9; i++) {
            publication("pren" + i, "Rennes, étude n° " + i, null, "commune:35238", "parite", "ofgl", "2022-0" + i + "-01");
        }
        write("/oc:authoring/publications/items/dr/draft1", "publication", Map.of("code", "draft1", "title",
                "Brouillon sur Saint-Étienne", "link", "https://example.org/draft", "date", LocalDate.parse("2025-01-01"),
                "territories", List.of("commune:42218"), "themes", List.of("finances-fiscalite")));

        more.accept(this);
        index = new PublicationIndex(repository, Duration.ofMillis(20)).start();
        searchIndex = new SearchIndex(repository, TYPES).start();
        sessions = SessionProvider.anonymousPerThread(repository);
        SiteRenderer renderer = new SiteRenderer(TestLightModule.dir(), TestLightModule.messages(),
                new WebResources(TestLightModule.dir()));
        FicheReader reader = new FicheReader(TYPES);
        PublicationPages pages = new PublicationPages(new CatalogueService(index, sessions, TYPES), sessions, reader);
        SearchService search = new SearchService(searchIndex);
        FicheService fiches = new FicheService(repository, TYPES, TestLightModule.messages());
        server = new TestHttpServer(new PublicationPagesResource(renderer, pages, search),
                new SiteResource(renderer, reader, sessions, search, fiches, pages, new FicheModels(fiches, pages,
                        new fr.anct.opencollectivites.pages.EditorialContent(TYPES), java.time.Clock.systemUTC()),
                        java.time.Clock.systemUTC()));
    }

    @Override
    public void close() {
        server.close();
        sessions.close();
        searchIndex.close();
        index.close();
        repository.close();
    }

    HttpResponse<String> get(String path) {
        return server.get(path, "Accept", "text/html");
    }

    private void publication(String code, String title, String summary, String territory, String theme,
                                    String publisher, String date) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", code);
        values.put("title", title);
        values.put("summary", summary);
        values.put("link", "https://example.org/" + code);
        values.put("date", LocalDate.parse(date));
        values.put("territories", List.of(territory));
        values.put("themes", List.of(theme));
        values.put("documentType", "publication-statistique");
        values.put("publisher", publisher);
        values.put("years", List.of((long) LocalDate.parse(date).getYear()));
        write("/publications/items/" + code.substring(0, 2) + "/" + code, "publication", values);
    }

    void write(String path, String type, Map<String, ?> values) {
        repository.withSystemSession(session -> {
            try {
                new ContentWriter().upsert(session, path, TYPES.require(type), values);
            } catch (ContentValidationException e) {
                throw new IllegalStateException(e);
            }
            session.save();
            return null;
        });
    }
}
