package fr.anct.opencollectivites.site;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.repository.PerThreadAnonymousSessions;
import fr.anct.opencollectivites.repository.SessionProvider;
import fr.anct.opencollectivites.fiches.FicheService;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.pages.EditorialContent;
import fr.anct.opencollectivites.publications.catalogue.CatalogueService;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.search.SearchService;

/** The citizens' site, built once by the composition root: its HTTP resources and filters. */
public final class Site implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Site.class);
    private final PerThreadAnonymousSessions sessions;
    private final boolean ownSessions;
    private final SiteRenderer renderer;
    private final List<Object> components;
    private final SiteModels models;

    public Site(Path lightModule, Messages messages, ContentTypeRegistry contentTypes, OakRepository repository,
                SearchService search, FicheService ficheService, CatalogueService catalogue) {
        this(lightModule, messages, contentTypes, repository, search, ficheService, catalogue, Set.of());
    }

    /**
     * With anonymous sessions of its own (closed with the site) and the system clock.
     *
     * @param platformHosts the platform's own host names, which no mini-site may take
     */
    public Site(Path lightModule, Messages messages, ContentTypeRegistry contentTypes, OakRepository repository,
                SearchService search, FicheService ficheService, CatalogueService catalogue, Set<String> platformHosts) {
        this(lightModule, messages, contentTypes, SessionProvider.anonymousPerThread(repository), true, search,
                ficheService, catalogue, platformHosts, Clock.systemUTC(), null);
    }

    /**
     * @param sessions the platform's anonymous sessions (the delivery API's), left open by {@link #close}
     * @param clock    the platform's clock: what is in force (alerts, live blocks) and how long pages are kept
     * @param baseUrl  {@code site.baseUrl}: the start of every absolute address written ({@link SiteAddressFilter});
     *                 null: the request's own (tests on a bare server)
     */
    public Site(Path lightModule, Messages messages, ContentTypeRegistry contentTypes, PerThreadAnonymousSessions sessions,
                SearchService search, FicheService ficheService, CatalogueService catalogue, Set<String> platformHosts,
                Clock clock, String baseUrl) {
        this(lightModule, messages, contentTypes, sessions, false, search, ficheService, catalogue, platformHosts, clock,
                baseUrl);
    }

    private Site(Path lightModule, Messages messages, ContentTypeRegistry contentTypes, PerThreadAnonymousSessions sessions,
                 boolean ownSessions, SearchService search, FicheService ficheService, CatalogueService catalogue,
                 Set<String> platformHosts, Clock clock, String baseUrl) {
        this.sessions = sessions;
        this.ownSessions = ownSessions;
        WebResources resources = new WebResources(lightModule);
        if (!resources.dsfrPresent()) {
            LOG.warn("The DSFR is missing from {}: pages are served unstyled. Run the npm step of the README.",
                    lightModule.resolve("webresources/dsfr"));
        }
        renderer = new SiteRenderer(lightModule, messages, resources);
        FicheReader reader = new FicheReader(contentTypes);
        PublicationPages publications = new PublicationPages(catalogue, sessions, reader);
        LiveBlocks liveBlocks = new LiveBlocks(catalogue, contentTypes, clock);
        MiniSiteHosts hosts = new MiniSiteHosts(sessions, clock, platformHosts);
        FicheModels fichePages = new FicheModels(ficheService, publications, new EditorialContent(contentTypes), clock);
        models = new SiteModels(liveBlocks, fichePages, publications);
        List<Object> all = new java.util.ArrayList<>();
        if (baseUrl != null) {
            all.add(new SiteAddressFilter(baseUrl, hosts));
        }
        all.addAll(List.of(
                new SiteResource(renderer, reader, sessions, search, ficheService, publications, fichePages, clock),
                new PublicationPagesResource(renderer, publications, search),
                new SitemapResource(sessions),
                new MiniSiteResource(renderer, sessions, liveBlocks, hosts),
                new MiniSiteHostFilter(hosts, this::livePageExists),
                new EditorialPageResource(renderer, sessions, liveBlocks),
                new WebResourcesResource(resources),
                new SecurityHeadersFilter()));
        components = List.copyOf(all);
    }

    /**
     * The models of the mini-site blocks, fiches and publication pages, for the authoring previews to render
     * a draft page, a callout, alert or démarche on its fiche, a publication, as the site will.
     */
    public SiteModels models() {
        return models;
    }

    /** The site's page renderer (templates, DSFR layout, messages), which the authoring pages draw with too. */
    public SiteRenderer renderer() {
        return renderer;
    }

    private boolean livePageExists(String slug, String page) {
        javax.jcr.Session session = sessions.open(null);
        try {
            String path = "/website/sites/" + slug + "/" + page;
            return session.nodeExists(path) && session.getNode(path).isNodeType("mgnl:page");
        } catch (javax.jcr.RepositoryException e) {
            throw new fr.anct.opencollectivites.repository.RepositoryFailure(e.getMessage(), e);
        } finally {
            sessions.release(session);
        }
    }

    /** Resources and filters to register with the JAX-RS application. */
    public List<Object> components() {
        return components;
    }

    @Override
    public void close() {
        if (ownSessions) {
            sessions.close();
        }
    }
}
