package fr.anct.opencollectivites.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import fr.anct.opencollectivites.i18n.Messages;

/**
 * {@code GET /.rest/open-collectivites/v1/search?q=&type=&limit=}: autocomplete over the collectivités,
 * grouped by type ({@code type} may repeat or list types separated by commas). Public and cacheable.
 */
@Path("/.rest/open-collectivites/v1/search")
@Produces(MediaType.APPLICATION_JSON)
public final class SearchResource {
    static final String CACHE_CONTROL = "public, max-age=60";
    private final SearchService search;
    private final Messages messages;

    public SearchResource(SearchService search, Messages messages) {
        this.search = search;
        this.messages = messages;
    }

    @GET
    public Response search(@QueryParam("q") String q, @QueryParam("type") List<String> type,
                           @QueryParam("limit") String limit) {
        if (q == null || q.isBlank()) {
            return invalid(messages.get("search.error.missingQuery"));
        }
        Set<SearchType> types = new LinkedHashSet<>();
        for (String name : splitTypes(type)) {
            Optional<SearchType> known = SearchType.byContentType(name);
            if (known.isEmpty()) {
                String accepted = Arrays.stream(SearchType.values()).map(SearchType::contentType)
                        .collect(Collectors.joining(", "));
                return invalid(messages.get("search.error.unknownType", name, accepted));
            }
            types.add(known.get());
        }
        int size;
        try {
            size = limit == null || limit.isBlank() ? SearchService.DEFAULT_LIMIT : Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            size = 0;
        }
        if (size < 1 || size > SearchService.MAX_LIMIT) {
            // never a silent cut: a limit beyond the maximum is refused, as documented
            return invalid(messages.get("search.error.invalidLimit", SearchService.MAX_LIMIT));
        }
        SearchResults results = search.search(q.strip(), types, size);
        return Response.ok(results).header("Cache-Control", CACHE_CONTROL).build();
    }

    private static List<String> splitTypes(List<String> values) {
        List<String> names = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(names::add);
            }
        }
        return names;
    }

    private static Response invalid(String message) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", Map.of("code", "invalidParameter", "message", message)))
                .build();
    }
}
