package fr.anct.opencollectivites.publications.catalogue;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.publications.feeds.OutboundFeeds;

/**
 * The public catalogue of publications:
 * {@code GET /.rest/open-collectivites/v1/publications?theme=&territory=&type=&publisher=&year=&from=&to=&q=&sort=&offset=&limit=}
 * and the same newest publications as feeds, {@code …/publications/feed.rss} and {@code …/feed.atom}
 * ({@code territory}, {@code theme}). Errors as the delivery API's: {@code {"error":{"code","message"}}}.
 */
@Path("/.rest/open-collectivites/v1/publications")
public final class PublicationResource {
    static final String CACHE_CONTROL = "public, max-age=300";
    static final int FEED_SIZE = 50;
    private static final Logger LOG = LoggerFactory.getLogger(PublicationResource.class);
    private final CatalogueService catalogue;
    private final Messages messages;

    public PublicationResource(CatalogueService catalogue, Messages messages) {
        this.catalogue = catalogue;
        this.messages = messages;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("theme") List<String> theme, @QueryParam("territory") String territory,
                         @QueryParam("type") List<String> type, @QueryParam("publisher") List<String> publisher,
                         @QueryParam("year") List<String> year, @QueryParam("from") String from,
                         @QueryParam("to") String to, @QueryParam("q") String q, @QueryParam("sort") String sort,
                         @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        try {
            String text = q == null || q.isBlank() ? null : q.strip();
            CatalogueQuery.Sort order = parseSort(sort, text);
            CatalogueQuery query = new CatalogueQuery(split(theme), blankToNull(territory), split(type), split(publisher),
                    years(year), date("from", from), date("to", to), text, order,
                    integer("offset", offset, 0, Integer.MAX_VALUE, "publications.catalogue.expected.integer"),
                    integer("limit", limit, CatalogueQuery.DEFAULT_LIMIT, CatalogueQuery.MAX_LIMIT,
                            "publications.catalogue.expected.limit"));
            CataloguePage page = catalogue.search(query);
            return Response.ok(page, MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"))
                    .header("Cache-Control", CACHE_CONTROL).build();
        } catch (InvalidParameter e) {
            return error(400, "invalidQuery", e.getMessage());
        } catch (CatalogueQuery.TooLongTextException e) {
            return error(400, "invalidQuery", messages.get("publications.catalogue.error.tooLongText",
                    CatalogueQuery.MAX_TERMS, CatalogueQuery.MAX_TEXT_LENGTH));
        } catch (UnknownTerritoryException e) {
            return error(400, "invalidQuery", messages.get("publications.catalogue.error.unknownTerritory", e.territory()));
        } catch (RuntimeException e) {
            LOG.error("Catalogue request failed", e);
            return error(500, "unknown", messages.get("publications.catalogue.error.unknown"));
        }
    }

    @GET
    @Path("feed.rss")
    public Response rss(@QueryParam("territory") String territory, @QueryParam("theme") String theme,
                        @Context UriInfo uri) {
        return feed(OutboundFeeds.Format.RSS, territory, theme, uri);
    }

    @GET
    @Path("feed.atom")
    public Response atom(@QueryParam("territory") String territory, @QueryParam("theme") String theme,
                         @Context UriInfo uri) {
        return feed(OutboundFeeds.Format.ATOM, territory, theme, uri);
    }

    private Response feed(OutboundFeeds.Format format, String territory, String theme, UriInfo uri) {
        try {
            CataloguePage page = catalogue.search(CatalogueQuery.newest(blankToNull(territory), blankToNull(theme), FEED_SIZE));
            String title = territory != null && !territory.isBlank()
                    ? messages.get("publications.feed.title.territory", territory.strip())
                    : theme != null && !theme.isBlank() ? messages.get("publications.feed.title.theme", theme.strip())
                    : messages.get("publications.feed.title");
            String body = OutboundFeeds.write(format, title, messages.get("publications.feed.description"),
                    uri.getRequestUri().toString(), uri.getBaseUri().toString(), page.results());
            return Response.ok(body, format.mediaType()).header("Cache-Control", CACHE_CONTROL).build();
        } catch (UnknownTerritoryException e) {
            return error(400, "invalidQuery", messages.get("publications.catalogue.error.unknownTerritory", e.territory()));
        } catch (RuntimeException e) {
            LOG.error("Feed request failed", e);
            return error(500, "unknown", messages.get("publications.catalogue.error.unknown"));
        }
    }

    private static final class InvalidParameter extends RuntimeException {
        InvalidParameter(String message) {
            super(message);
        }
    }

    private InvalidParameter invalid(String name, String value, String expectedKey, Object... args) {
        return new InvalidParameter(messages.get("publications.catalogue.error.invalidParameter", name, value,
                messages.get(expectedKey, args)));
    }

    private CatalogueQuery.Sort parseSort(String sort, String text) {
        if (sort == null || sort.isBlank()) {
            return text == null ? CatalogueQuery.Sort.DATE : CatalogueQuery.Sort.RELEVANCE;
        }
        return switch (sort.strip()) {
            case "date" -> CatalogueQuery.Sort.DATE;
            case "relevance" -> CatalogueQuery.Sort.RELEVANCE;
            default -> throw invalid("sort", sort, "publications.catalogue.expected.sort");
        };
    }

    private List<Integer> years(List<String> values) {
        List<Integer> years = new ArrayList<>();
        for (String value : split(values)) {
            if (!value.matches("\\d{4}")) {
                throw invalid("year", value, "publications.catalogue.expected.year");
            }
            years.add(Integer.parseInt(value));
        }
        return years;
    }

    private LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(name, value, "publications.catalogue.expected.date");
        }
    }

    private int integer(String name, String value, int defaultValue, int max, String expectedKey) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < (name.equals("limit") ? 1 : 0) || parsed > max) {
                throw invalid(name, value, expectedKey, max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(name, value, expectedKey, max);
        }
    }

    private static List<String> split(List<String> values) {
        List<String> result = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(result::add);
            }
        }
        return result;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Response error(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"))
                .header("Cache-Control", "no-store")
                .entity(Map.of("error", Map.of("code", code, "message", message))).build();
    }
}
