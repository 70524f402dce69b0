package fr.anct.opencollectivites.site;

import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;


import fr.anct.opencollectivites.publications.catalogue.CatalogueQuery;
import fr.anct.opencollectivites.publications.catalogue.UnknownTerritoryException;
import fr.anct.opencollectivites.search.SearchHit;
import fr.anct.opencollectivites.search.SearchService;
import fr.anct.opencollectivites.search.SearchType;

/**
 * The catalogue of publications, {@code /publications?theme=&territory=&type=&publisher=&year=&from=&to=&q=&sort=&page=}
 * (a plain GET form, complete without JavaScript), and one publication, {@code /publications/{code}}.
 */
@Path("/publications")
public final class PublicationPagesResource {
    private static final int FIRST_YEAR = 2010;

    private final SiteRenderer renderer;
    private final PublicationPages publications;
    private final SearchService search;
    private final HtmlAnswers answers;

    @Context
    private UriInfo uri;
    @Context
    private Request request;

    PublicationPagesResource(SiteRenderer renderer, PublicationPages publications, SearchService search) {
        this.renderer = renderer;
        this.answers = new HtmlAnswers(renderer.presentationChanged());
        this.publications = publications;
        this.search = search;
    }

    @GET
    public Response catalogue(@QueryParam("theme") List<String> theme, @QueryParam("territory") String territory,
                              @QueryParam("type") List<String> type, @QueryParam("publisher") List<String> publisher,
                              @QueryParam("year") List<String> year, @QueryParam("from") String from,
                              @QueryParam("to") String to, @QueryParam("q") String q, @QueryParam("sort") String sort,
                              @QueryParam("page") String page) {
        return guard(() -> {
            List<String> ignored = new ArrayList<>();
            Optional<PublicationPages.Territory> place = Optional.empty();
            String territoryKey = null;
            if (territory != null && !territory.isBlank()) {
                place = territoryOf(territory.strip());
                if (place.isEmpty()) {
                    ignored.add(territory.strip());
                } else {
                    territoryKey = place.get().key();
                }
            }
            CatalogueForm form = new CatalogueForm(theme, territoryKey, type, publisher, year, from, to, q, sort, page);
            ignored.addAll(form.ignored());
            PublicationLabels labels = publications.labels();
            PublicationPages.Results results;
            try {
                results = publications.search(form.query(), labels);
            } catch (UnknownTerritoryException e) {
                ignored.add(e.territory());
                results = new PublicationPages.Results(0, List.of());
            }
            Optional<PublicationPages.Territory> shownPlace = place;
            Map<String, Object> model = new HashMap<>();
            model.put("form", Map.of("q", nullToEmpty(form.first("q")), "themes", form.values("theme"),
                    "types", form.values("type"), "publishers", form.values("publisher"), "years", form.values("year"),
                    "from", nullToEmpty(form.first("from")), "to", nullToEmpty(form.first("to")),
                    "territory", shownPlace.map(PublicationPages.Territory::nom).orElse(""),
                    "sort", form.first("sort") == null ? (form.first("q") == null ? "date" : "relevance") : form.first("sort")));
            model.put("themes", PublicationLabels.options(labels.themes()));
            model.put("types", PublicationLabels.options(labels.documentTypes()));
            model.put("publishers", PublicationLabels.options(labels.publishers()));
            List<Integer> years = new ArrayList<>();
            for (int y = Year.now(PublicationView.PARIS).getValue(); y >= FIRST_YEAR; y--) {
                years.add(y);
            }
            model.put("years", years);
            model.put("tags", form.tags(pair -> label(pair, labels, shownPlace)));
            model.put("filtered", form.hasFilters());
            model.put("ignored", ignored);
            model.put("total", results.total());
            model.put("publications", results.publications());
            form.pagination(results.total()).putInto(model);
            Response answer = page("publications", model);
            return form.tooLongText() ? Response.fromResponse(answer).status(400).build() : answer;
        });
    }

    @GET
    @Path("{code}")
    public Response publication(@PathParam("code") String code) {
        return guard(() -> {
            PublicationLabels labels = publications.labels();
            Optional<PublicationView> found = publications.one(code, labels);
            if (found.isEmpty()) {
                return SitePages.notFound(renderer, uri);
            }
            return page("publication", publications.publicationPage(found.get()));
        });
    }

    private String label(String pair, PublicationLabels labels, Optional<PublicationPages.Territory> place) {
        int equals = pair.indexOf('=');
        String name = pair.substring(0, equals);
        String value = pair.substring(equals + 1);
        String shown = switch (name) {
            case "theme" -> labels.theme(value);
            case "type" -> labels.documentType(value);
            case "publisher" -> labels.publisher(value);
            case "territory" -> place.map(PublicationPages.Territory::nom).orElse(value);
            default -> value;
        };
        return renderer.messages().get("site.publications.tag." + name, shown);
    }

    /** A territory key ({@code commune:42218}), a fiche token or path, or a name (its first search hit). */
    private Optional<PublicationPages.Territory> territoryOf(String text) {
        if (text.matches("(commune|epci|departement|region):[0-9A-Za-z]{1,9}")) {
            return publications.territory(text);
        }
        Optional<PagePaths.Target> target = PagePaths.target(text);
        if (target.isEmpty()) {
            List<SearchHit> hits = search.search(text, SearchType.DEFAULT, 1).results();
            target = hits.isEmpty() ? Optional.empty() : PagePaths.target(hits.get(0).pagePath());
        }
        return target.flatMap(t -> publications.territory(t.level().id() + ":" + t.key()));
    }

    private Response page(String name, Map<String, Object> model) {
        Map<String, Object> data = new HashMap<>(model);
        data.put("base", SitePages.baseUrl(uri));
        data.put("path", "/" + uri.getPath());
        return answers.ok(request, renderer.render(name, data), HtmlAnswers.HTML, null, renderer.page(name).cacheControl());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private Response guard(Supplier<Response> work) {
        return SitePages.guarded(renderer, uri, work);
    }
}
