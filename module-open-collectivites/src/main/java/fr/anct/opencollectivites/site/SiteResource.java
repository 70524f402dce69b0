package fr.anct.opencollectivites.site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;


import fr.anct.opencollectivites.fiches.ComparisonService;
import fr.anct.opencollectivites.fiches.Fiche;
import fr.anct.opencollectivites.fiches.FicheLookup;
import fr.anct.opencollectivites.fiches.FicheService;
import fr.anct.opencollectivites.fiches.FicheType;
import fr.anct.opencollectivites.repository.SessionProvider;
import fr.anct.opencollectivites.repository.RepositoryFailure;
import fr.anct.opencollectivites.search.SearchHit;
import fr.anct.opencollectivites.search.SearchPage;
import fr.anct.opencollectivites.search.SearchService;
import fr.anct.opencollectivites.search.SearchType;

/**
 * The citizens' site: server-rendered DSFR pages from the light module's templates. Every page works
 * without JavaScript (plain forms and links); {@code site.js} enhances the search boxes.
 */
@Path("/")
public final class SiteResource {
    static final int COMPARE_MIN = 2;
    static final int COMPARE_MAX = 6;
    private static final int SEARCH_PAGE_SIZE = 20;
    private static final MediaType CSV = new MediaType("text", "csv", "UTF-8");

    private final SiteRenderer renderer;
    private final FicheReader fiches;
    private final SessionProvider sessions;
    private final SearchService search;
    private final FicheService ficheService;
    private final HtmlAnswers answers;
    private final PublicationPages publications;
    private final ComparisonService comparisons;
    private static final int HOME_PUBLICATIONS = 3;
    /** Rendered fiche pages by path; the key holds the host too, as pages carry absolute URLs. */
    private final RenderedPages rendered;

    @Context
    private UriInfo uri;
    @Context
    private Request request;

    private final FicheModels fichePages;

    public SiteResource(SiteRenderer renderer, FicheReader fiches, SessionProvider sessions, SearchService search,
                        FicheService ficheService, PublicationPages publications, FicheModels fichePages, Clock clock) {
        this.rendered = new RenderedPages(2_000, Duration.ofSeconds(30), clock);
        this.publications = publications;
        this.fichePages = fichePages;
        this.comparisons = new ComparisonService(renderer.messages());
        this.renderer = renderer;
        this.fiches = fiches;
        this.sessions = sessions;
        this.search = search;
        this.ficheService = ficheService;
        this.answers = new HtmlAnswers(renderer.presentationChanged());
    }

    @GET
    public Response home() {
        return guard(() -> page("home", Map.of("publications",
                publications.newest(HOME_PUBLICATIONS, publications.labels())), null));
    }

    @GET
    @Path("recherche")
    public Response results(@QueryParam("q") String q, @QueryParam("page") String pageParam) {
        return guard(() -> {
            String text = q == null ? "" : q.strip();
            Map<String, Object> model = new HashMap<>();
            model.put("q", text);
            if (!text.isEmpty()) {
                int number = SearchPages.number(pageParam);
                SearchPage results = search.page(text, number, SEARCH_PAGE_SIZE);
                int last = Pagination.lastPage(results.total(), SEARCH_PAGE_SIZE);
                if (number > last) { // a page past the end shows the last one
                    number = last;
                    results = search.page(text, number, SEARCH_PAGE_SIZE);
                }
                model.put("results", results.hits());
                model.put("total", results.total());
                model.put("firstRank", (number - 1) * SEARCH_PAGE_SIZE + 1);
                Pagination.of(number, SEARCH_PAGE_SIZE, results.total(), n -> SearchPages.href(text, n)).putInto(model);
            }
            return page("recherche", model, null);
        });
    }

    @GET
    @Path("{section: communes|epci|departements|regions}/{segment}")
    public Response fiche(@PathParam("section") String section, @PathParam("segment") String segment) {
        return guard(() -> {
            String path = "/" + section + "/" + segment;
            Optional<RenderedPages.Page> cached = rendered.get(SitePages.baseUrl(uri) + path);
            if (cached.isPresent()) {
                return answers.ok(request, cached.get().html(), HtmlAnswers.HTML, cached.get().lastModified(),
                        renderer.page("fiche").cacheControl());
            }
            FicheType type = FicheType.bySection(section).orElseThrow();
            Optional<String> key = PagePaths.key(segment);
            if (key.isEmpty()) {
                return SitePages.notFound(renderer, uri);
            }
            Session session = sessions.open(null);
            try {
                FicheLookup lookup = ficheService.find(session, type, key.get());
                if (lookup instanceof FicheLookup.Moved moved) {
                    lookup = ficheService.find(session, moved.type(), moved.key());
                    return lookup instanceof FicheLookup.Found found ? moved(FicheModels.pagePath(found.fiche())) : SitePages.notFound(renderer, uri);
                }
                if (!(lookup instanceof FicheLookup.Found found)) {
                    return SitePages.notFound(renderer, uri);
                }
                Fiche fiche = found.fiche();
                String pagePath = FicheModels.pagePath(fiche);
                if (!("/" + section + "/" + segment).equals(pagePath)) {
                    return moved(pagePath);
                }
                Map<String, Object> model = fichePages.fichePage(session, fiche, SitePages.baseUrl(uri), null);
                Instant lastModified = fiches.lastModified(session, type, fiche.key());
                String html = render("fiche", model);
                rendered.put(SitePages.baseUrl(uri) + path, html, lastModified);
                return answers.ok(request, html, HtmlAnswers.HTML, lastModified, renderer.page("fiche").cacheControl());
            } catch (RepositoryException e) {
                throw new RepositoryFailure("Cannot read the fiche " + type + " " + key.get() + ": " + e.getMessage(), e);
            } finally {
                sessions.release(session);
            }
        });
    }

    private static Response moved(String path) {
        return Response.status(Response.Status.MOVED_PERMANENTLY).header("Location", path)
                .header("Cache-Control", "public, max-age=86400").build();
    }

    @GET
    @Path("comparer")
    public Response compare(@QueryParam("c") List<String> chosen) {
        return guard(() -> {
            Comparison comparison = compareOf(chosen);
            Map<String, Object> model = new HashMap<>();
            model.put("fiches", comparison.fiches());
            model.put("unknown", comparison.unknown());
            model.put("tokens", comparison.fiches().stream()
                    .map(f -> new PagePaths.Target(f.level(), f.key()).token()).toList());
            model.put("min", COMPARE_MIN);
            model.put("max", COMPARE_MAX);
            model.put("slots", Math.max(COMPARE_MIN, Math.min(COMPARE_MAX, comparison.fiches().size() + 1)));
            model.put("tooMany", comparison.tooMany());
            if (comparison.fiches().size() >= COMPARE_MIN) {
                List<Fiche> full = fullFiches(comparison.fiches());
                fr.anct.opencollectivites.fiches.Comparison compared = comparisons.compare(full);
                model.put("comparison", compared);
                model.put("compareCharts", CompareCharts.of(compared));
                model.put("sources", compared.indicateurs().stream().flatMap(row -> row.sources().stream())
                        .filter(java.util.Objects::nonNull).distinct().toList());
                String query = full.stream().map(f -> "c=" + f.type() + "%3A" + f.key())
                        .reduce((a, b) -> a + "&" + b).orElse("");
                model.put("apiQuery", query);
            }
            return page("comparer", model, comparison.lastModified());
        });
    }

    @GET
    @Path("comparer.csv")
    public Response compareCsv(@QueryParam("c") List<String> chosen) {
        return guard(() -> {
            Comparison comparison = compareOf(chosen);
            return attachment(answers.ok(request, FicheCsv.write(comparison.fiches(), SitePages.baseUrl(uri)), CSV,
                    comparison.lastModified(), renderer.page("comparer").cacheControl()), "comparaison.csv");
        });
    }

    @GET
    @Path("{page: plan-du-site|mentions-legales|accessibilite}")
    public Response editorial(@PathParam("page") String name) {
        return guard(() -> page(name, Map.of(), null));
    }

    /**
     * Any other path: the DSFR 404 page for a browser (it asks for {@code text/html} by name); the API's
     * JSON 404 for every other client and under {@code /.rest/}.
     */
    @GET
    @Path("{any: .*}")
    public Response unknown(@PathParam("any") String path, @Context HttpHeaders headers) {
        boolean browser = headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> "text".equals(type.getType()) && "html".equals(type.getSubtype()));
        if (!browser || path.startsWith(".rest/") || path.startsWith(".resources/")) {
            throw new NotFoundException();
        }
        return guard(() -> SitePages.notFound(renderer, uri));
    }

    // ---------------------------------------------------------------------------------------------

    private Response page(String name, Map<String, Object> model, Instant lastModified) {
        return answers.ok(request, render(name, model), HtmlAnswers.HTML, lastModified, renderer.page(name).cacheControl());
    }

    private String render(String name, Map<String, Object> model) {
        Map<String, Object> data = new HashMap<>(model);
        data.put("base", SitePages.baseUrl(uri));
        data.put("path", "/" + uri.getPath());
        return renderer.render(name, data);
    }

    private Optional<SiteFiche> read(FicheType level, String key) {
        Session session = sessions.open(null);
        try {
            return fiches.read(session, level, key);
        } catch (RepositoryException e) {
            throw new RepositoryFailure("Cannot read the fiche " + level + " " + key + ": " + e.getMessage(), e);
        } finally {
            sessions.release(session);
        }
    }

    record Comparison(List<SiteFiche> fiches, List<String> unknown, boolean tooMany, Instant lastModified) {
    }

    /** Each choice is a token ({@code communes/42218}, set by the enhanced form) or free text (first hit). */
    private Comparison compareOf(List<String> chosen) {
        Map<String, SiteFiche> found = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        boolean tooMany = false;
        Instant latest = Instant.EPOCH;
        for (String choice : chosen == null ? List.<String>of() : chosen) {
            if (choice == null || choice.isBlank()) {
                continue;
            }
            Optional<SiteFiche> fiche = PagePaths.target(choice).or(() -> firstHit(choice))
                    .flatMap(target -> read(target.level(), target.key()));
            if (fiche.isEmpty()) {
                unknown.add(choice.strip());
            } else if (found.size() >= COMPARE_MAX) {
                tooMany = true;
            } else {
                found.putIfAbsent(fiche.get().pagePath(), fiche.get());
                if (fiche.get().lastModified().isAfter(latest)) {
                    latest = fiche.get().lastModified();
                }
            }
        }
        return new Comparison(List.copyOf(found.values()), unknown, tooMany, latest);
    }

    private Optional<PagePaths.Target> firstHit(String text) {
        List<SearchHit> hits = search.search(text.strip(), SearchType.DEFAULT, 1).results();
        return hits.isEmpty() ? Optional.empty() : PagePaths.target(hits.get(0).pagePath());
    }

    /** The fiches as the fiche pages show them (every indicator, finances included). */
    private List<Fiche> fullFiches(List<SiteFiche> chosen) {
        List<Fiche> full = new ArrayList<>();
        Session session = sessions.open(null);
        try {
            for (SiteFiche fiche : chosen) {
                FicheType type = fiche.level();
                if (ficheService.find(session, type, fiche.key()) instanceof FicheLookup.Found found) {
                    full.add(found.fiche());
                }
            }
            return full;
        } catch (RepositoryException e) {
            throw new RepositoryFailure("Cannot read the compared fiches: " + e.getMessage(), e);
        } finally {
            sessions.release(session);
        }
    }

    private static Response attachment(Response response, String fileName) {
        return Response.fromResponse(response)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    /** A failure renders the DSFR 500 page (logged with its stack trace, never shown). */
    private Response guard(Supplier<Response> work) {
        return SitePages.guarded(renderer, uri, work);
    }
}
