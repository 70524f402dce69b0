package fr.anct.opencollectivites.exports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import fr.anct.opencollectivites.web.ApiErrors;
import fr.anct.opencollectivites.content.ReferentielProperties;
import fr.anct.opencollectivites.fiches.CommuneRow;
import fr.anct.opencollectivites.fiches.FicheService;
import fr.anct.opencollectivites.fiches.FicheType;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.search.SearchHit;
import fr.anct.opencollectivites.search.SearchResults;
import fr.anct.opencollectivites.search.SearchService;
import fr.anct.opencollectivites.search.SearchType;
import fr.anct.opencollectivites.web.Download;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * Lists as files: an EPCI's member communes, a département's or région's communes, any search result,
 * as CSV (spreadsheet-ready) or JSON ({@code .csv} / {@code .json} at the end of the path).
 */
@Path("/.rest/open-collectivites/v1/exports")
public final class ExportResource {
    private static final List<String> COMMUNE_COLUMNS = List.of("code", "nom", "typecom", "departement", "region",
            "epci", "siren", "population", "populationTotale");
    private static final List<String> SEARCH_COLUMNS = List.of("type", "code", "nom", "typecom", "departement",
            "population", "page");

    private final FicheService fiches;
    private final SearchService search;
    private final Messages messages;

    public ExportResource(FicheService fiches, SearchService search, Messages messages) {
        this.fiches = fiches;
        this.search = search;
        this.messages = messages;
    }

    @GET
    @Path("epci/{siren}/{file}")
    public Response membres(@PathParam("siren") String siren, @PathParam("file") String file, @QueryParam("sep") String sep) {
        return communes(FicheType.EPCI, siren, ReferentielProperties.MEMBRES, file, sep);
    }

    @GET
    @Path("departements/{code}/{file}")
    public Response communesOfDepartement(@PathParam("code") String code, @PathParam("file") String file,
                                          @QueryParam("sep") String sep) {
        return communes(FicheType.DEPARTEMENT, code, "communes", file, sep);
    }

    @GET
    @Path("regions/{code}/{file}")
    public Response communesOfRegion(@PathParam("code") String code, @PathParam("file") String file,
                                     @QueryParam("sep") String sep) {
        return communes(FicheType.REGION, code, "communes", file, sep);
    }

    @GET
    @Path("{file: search\\.[a-z]+}")
    public Response search(@PathParam("file") String file, @QueryParam("q") String q,
                           @QueryParam("type") List<String> type, @QueryParam("sep") String sep) {
        String format = file.substring("search.".length());
        if (!isFormat(format)) {
            return ApiErrors.invalid(messages.get("fiches.error.unknownFormat", format));
        }
        if (q == null || q.isBlank()) {
            return ApiErrors.invalid(messages.get("fiches.error.searchQuery"));
        }
        Set<SearchType> types = new LinkedHashSet<>();
        for (String name : type == null ? List.<String>of() : type) {
            for (String part : name.split(",")) {
                Optional<SearchType> known = SearchType.byContentType(part.strip());
                if (known.isEmpty()) {
                    return ApiErrors.invalid(messages.get("search.error.unknownType", part.strip(),
                            String.join(", ", Arrays.stream(SearchType.values()).map(SearchType::contentType).toList())));
                }
                types.add(known.get());
            }
        }
        SearchResults results = search.search(q.strip(), types, SearchService.MAX_LIMIT);
        String fileName = "recherche-" + q.strip();
        if (format.equals("json")) {
            return Download.json(fileName, results.results());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (SearchHit hit : results.results()) {
            rows.add(Arrays.asList(hit.type(), hit.code(), hit.nom(), hit.typecom(), hit.departement(), hit.population(),
                    hit.pagePath()));
        }
        return Download.csv(fileName, Download.separator(sep), SEARCH_COLUMNS, rows);
    }

    private Response communes(FicheType type, String key, String expectedName, String file, String sep) {
        int dot = file.lastIndexOf('.');
        String format = dot < 0 ? "" : file.substring(dot + 1);
        if (dot < 0 || !file.substring(0, dot).equals(expectedName) || !isFormat(format)) {
            return ApiErrors.notFound(messages.get("fiches.error.unknownFormat", file));
        }
        Optional<List<CommuneRow>> communes = fiches.communes(type, key);
        if (communes.isEmpty()) {
            return ApiErrors.notFound(messages.get("fiches.error.notFound", type.id(), key));
        }
        String fileName = type.id() + "-" + key + "-" + expectedName;
        if (format.equals("json")) {
            return Download.json(fileName, communes.get());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (CommuneRow c : communes.get()) {
            rows.add(Arrays.asList(c.code(), c.nom(), c.typecom(), c.departement(), c.region(), c.epci(), c.siren(),
                    c.population(), c.populationTotale()));
        }
        return Download.csv(fileName, Download.separator(sep), COMMUNE_COLUMNS, rows);
    }

    private static boolean isFormat(String format) {
        return format.equals("csv") || format.equals("json");
    }
}
