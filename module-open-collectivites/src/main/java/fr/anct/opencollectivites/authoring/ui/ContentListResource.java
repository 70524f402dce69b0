package fr.anct.opencollectivites.authoring.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.PropertyDefinition;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.publishing.ItemTypes;
import fr.anct.opencollectivites.security.UserSessions;

/**
 * {@code GET /auteur/contenus/{type}?q=&statut=&p.<property>=&page=}: the list of a content type the author
 * may write ({@link ContentList#writable}; 404 otherwise), drafts and live-only items alike, newest change
 * first, 20 a page. Search on title, code and name (accents and case folded); filters on the list state and,
 * for each property with few distinct values among the items, a select of them. Each item opens in the
 * content form (a live-only one on its live copy). Read in the author's session; a plain GET form.
 */
@AuthorPage
@Path("auteur/contenus/{type}")
public final class ContentListResource {
    static final int PAGE_SIZE = 20;
    /** A property gets a select when its items share at most this many values. */
    private static final int MAX_CHOICES = 10;
    private static final String PROPERTY_PARAM = "p.";

    private final UiPages pages;
    private final UserSessions userSessions;
    private final ItemTypes itemTypes;
    private final Messages messages;
    private final ContentForm form;
    @Context
    private UriInfo uri;
    @Context
    private SecurityContext security;

    ContentListResource(UiPages pages, UserSessions userSessions, ItemTypes itemTypes, ContentForm form) {
        this.form = form;
        this.pages = pages;
        this.userSessions = userSessions;
        this.itemTypes = itemTypes;
        this.messages = pages.renderer().messages();
    }

    /** A select of a property's values. */
    public record Filter(String param, String id, String label, String selected, List<String> values) {
    }

    /** A line of the page. */
    public record Line(String title, String code, String path, String state, String stateLabel, String modified,
                       String modifiedIso, String editUrl) {
    }

    @GET
    public Response list(@PathParam("type") String typeName) {
        Author author = Author.of(security);
        Optional<ContentTypeDefinition> type = itemTypes.byName(typeName);
        if (type.isEmpty()) {
            return notFound();
        }
        boolean[] canCreate = {false};
        Optional<List<ContentList.Row>> all = userSessions.as(author.userId(), s -> {
            canCreate[0] = s.hasPermission(ContentList.draftRoot(type.get()) + "/nouveau", javax.jcr.Session.ACTION_ADD_NODE);
            return ContentList.writable(s, type.get()) ? Optional.of(ContentList.rows(s, type.get())) : Optional.empty();
        });
        if (all.isEmpty()) {
            return notFound();
        }
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        String q = Optional.ofNullable(params.getFirst("q")).orElse("").strip();
        ContentList.State state = ContentList.State.parse(params.getFirst("statut"));
        List<Filter> filters = filters(type.get(), all.get(), params);
        String folded = ContentList.fold(q);
        List<ContentList.Row> found = new ArrayList<>();
        for (ContentList.Row row : all.get()) {
            if (ContentList.matches(row, folded) && (state == null || row.state() == state) && selected(row, filters)) {
                found.add(row);
            }
        }
        found.sort(Comparator.comparing(ContentList.Row::lastModified).reversed()
                .thenComparing(ContentList.Row::relativePath));
        int last = Math.max(1, (found.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(last, Math.max(1, parsePage(params.getFirst("page"))));
        List<Line> lines = new ArrayList<>();
        for (ContentList.Row row : found.subList((page - 1) * PAGE_SIZE, Math.min(found.size(), page * PAGE_SIZE))) {
            lines.add(new Line(row.title(), row.code(), row.relativePath(), row.state().param,
                    messages.get("authoring.ui.list.state." + row.state().param), UiDates.format(row.lastModified()),
                    UiDates.iso(row.lastModified()), "/auteur/contenus/" + typeName + row.relativePath()));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("user", author.userId());
        model.put("csrf", author.csrfToken());
        String typeLabel = pages.typeLabel(typeName);
        model.put("typeLabel", typeLabel);
        model.put("title", messages.get("authoring.ui.list.title", typeLabel));
        model.put("action", "/auteur/contenus/" + typeName);
        model.put("newUrl", canCreate[0] ? "/auteur/contenus/" + typeName + "/nouveau" : "");
        model.put("q", q);
        model.put("statut", state == null ? "" : state.param);
        Map<String, String> states = new LinkedHashMap<>();
        for (ContentList.State each : ContentList.State.values()) {
            states.put(each.param, messages.get("authoring.ui.list.state." + each.param));
        }
        model.put("states", states);
        model.put("filters", filters);
        model.put("lines", lines);
        model.put("total", found.size());
        model.put("currentPage", page);
        model.put("lastPage", last);
        model.put("pages", pageLinks("/auteur/contenus/" + typeName, params, page, last));
        model.put("previous", page > 1 ? href("/auteur/contenus/" + typeName, params, page - 1) : "");
        model.put("next", page < last ? href("/auteur/contenus/" + typeName, params, page + 1) : "");
        return pages.render(200, "authoring-content-list", uri, model);
    }

    /** A select per filterable property whose items share a few values (at least one value held twice). */
    private List<Filter> filters(ContentTypeDefinition type, List<ContentList.Row> rows, MultivaluedMap<String, String> params) {
        List<Filter> filters = new ArrayList<>();
        for (PropertyDefinition property : ContentList.filterable(type)) {
            TreeSet<String> values = new TreeSet<>();
            int held = 0;
            for (ContentList.Row row : rows) {
                String value = row.values().get(property.name());
                if (value != null && !value.isBlank()) {
                    values.add(value);
                    held++;
                }
            }
            if (values.size() < 2 || values.size() > MAX_CHOICES || values.size() == held) {
                continue;
            }
            String param = PROPERTY_PARAM + property.name();
            String selected = Optional.ofNullable(params.getFirst(param)).orElse("");
            filters.add(new Filter(param, "filtre-" + property.name(), form.label(type, property),
                    values.contains(selected) ? selected : "", List.copyOf(values)));
        }
        return filters;
    }

    private static boolean selected(ContentList.Row row, List<Filter> filters) {
        for (Filter filter : filters) {
            if (!filter.selected().isEmpty()
                    && !filter.selected().equals(row.values().get(filter.param().substring(PROPERTY_PARAM.length())))) {
                return false;
            }
        }
        return true;
    }

    /** Links to at most five pages around the current one. */
    private static List<Map<String, Object>> pageLinks(String base, MultivaluedMap<String, String> params, int page,
                                                       int last) {
        int start = Math.max(1, Math.min(page - 2, last - 4));
        List<Map<String, Object>> links = new ArrayList<>();
        for (int number = start; number <= Math.min(last, start + 4); number++) {
            links.add(Map.of("number", number, "href", href(base, params, number), "current", number == page));
        }
        return links;
    }

    /** This list's address with the same search and filters, on page {@code number}. */
    private static String href(String base, MultivaluedMap<String, String> params, int number) {
        StringBuilder query = new StringBuilder();
        params.forEach((name, values) -> {
            if (!name.equals("page")) {
                for (String value : values) {
                    if (!value.isEmpty()) {
                        query.append(query.isEmpty() ? "?" : "&").append(encode(name)).append('=').append(encode(value));
                    }
                }
            }
        });
        if (number > 1) {
            query.append(query.isEmpty() ? "?" : "&").append("page=").append(number);
        }
        return base + query;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static int parsePage(String value) {
        try {
            return value == null ? 1 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private Response notFound() {
        return pages.render(404, "404", uri, Map.of());
    }
}
