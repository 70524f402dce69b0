package fr.anct.opencollectivites.publications.harvest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.anct.opencollectivites.web.Json;

/**
 * Reads the dataset catalogue of an OpenDataSoft portal (Explore API v2.1, or v2.0 when the source's
 * address names it), page by page ({@code limit}/{@code offset}), oldest change first, and only the
 * datasets modified after the previous run ({@code where=modified > date'…'}). Each dataset becomes
 * an item whose link is its page on the portal.
 */
public final class OpenDataSoftClient {
    static final int PAGE_SIZE = 100;
    /** The Explore API refuses offset + limit above 10,000. */
    private static final int MAX_OFFSET = 10_000 - PAGE_SIZE;
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final DateTimeFormatter ODSQL_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final HttpFetcher fetcher;

    public OpenDataSoftClient(HttpFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** The datasets changed since {@code modifiedSince} (null: all) and the newest {@code modified} seen. */
    public record Catalogue(List<HarvestedItem> items, OffsetDateTime newestModified) {
    }

    public Catalogue read(String portalUrl, OffsetDateTime modifiedSince) throws HarvestProblem {
        URI endpoint = endpoint(portalUrl);
        URI portal = endpoint.resolve("/");
        List<HarvestedItem> items = new ArrayList<>();
        OffsetDateTime newest = modifiedSince;
        for (int offset = 0; offset <= MAX_OFFSET; offset += PAGE_SIZE) {
            URI page = page(endpoint, modifiedSince, offset);
            FetchResult fetched = fetcher.get(page, "application/json", null, null);
            JsonNode root;
            try {
                root = JSON.readTree(fetched.body());
            } catch (JsonProcessingException e) {
                String where = e.getLocation() == null ? "?" : e.getLocation().getLineNr() + ", colonne " + e.getLocation().getColumnNr();
                throw new HarvestProblem(e, "publications.harvest.error.invalidJson", page, "JSON mal formé, ligne " + where);
            } catch (IOException e) {
                throw new HarvestProblem(e, "publications.harvest.error.invalidJson", page, String.valueOf(e.getMessage()));
            }
            JsonNode results = root.has("results") ? root.get("results") : root.path("datasets");
            if (!results.isArray()) {
                throw new HarvestProblem("publications.harvest.error.invalidJson", page,
                        "ni « results » ni « datasets »");
            }
            for (JsonNode result : results) {
                JsonNode dataset = result.has("dataset") ? result.get("dataset") : result;
                HarvestedItem item = toItem(dataset, portal, page);
                if (item != null) {
                    items.add(item);
                    if (item.date() != null && (newest == null || item.date().isAfter(newest))) {
                        newest = item.date();
                    }
                }
            }
            long total = root.path("total_count").asLong(-1);
            if (results.size() < PAGE_SIZE || (total >= 0 && offset + PAGE_SIZE >= total)) {
                break;
            }
        }
        return new Catalogue(items, newest);
    }

    private static HarvestedItem toItem(JsonNode dataset, URI portal, URI page) throws HarvestProblem {
        String id = dataset.path("dataset_id").asText(null);
        JsonNode metas = dataset.path("metas").path("default");
        String title = metas.path("title").asText(null);
        if (id == null || id.isBlank() || title == null || title.isBlank()) {
            return null;
        }
        OffsetDateTime modified = null;
        String modifiedText = metas.path("modified").asText(null);
        if (modifiedText != null) {
            try {
                modified = OffsetDateTime.parse(modifiedText);
            } catch (DateTimeParseException e) {
                throw new HarvestProblem(e, "publications.harvest.error.invalidDate", page, id, modifiedText);
            }
        }
        String link = portal.resolve("/explore/dataset/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/").toString();
        return new HarvestedItem(id, HtmlSummaries.plainText(title),
                HtmlSummaries.sanitise(metas.path("description").asText(null)), link, modified, null);
    }

    static URI endpoint(String portalUrl) {
        URI uri = URI.create(portalUrl.strip());
        if (uri.getPath() != null && uri.getPath().contains("/catalog/datasets")) {
            return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath());
        }
        return uri.resolve("/api/explore/v2.1/catalog/datasets");
    }

    private static URI page(URI endpoint, OffsetDateTime modifiedSince, int offset) {
        StringBuilder query = new StringBuilder("limit=").append(PAGE_SIZE).append("&offset=").append(offset)
                .append("&order_by=").append(encode("modified asc, dataset_id asc"));
        if (modifiedSince != null) {
            query.append("&where=").append(encode("modified > date'" + ODSQL_DATE.format(modifiedSince) + "'"));
        }
        return URI.create(endpoint + "?" + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
