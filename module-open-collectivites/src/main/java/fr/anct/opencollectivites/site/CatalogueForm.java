package fr.anct.opencollectivites.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import fr.anct.opencollectivites.publications.catalogue.CatalogueQuery;

/**
 * The catalogue page's GET form as a catalogue query, and back as links: each active filter is a
 * removable tag whose link is the same search without that value. A value the catalogue cannot take
 * (a year that is not one, a malformed date) is dropped and named in {@link #ignored()}.
 */
public final class CatalogueForm {
    static final int PAGE_SIZE = 10;
    static final String PATH = "/publications";

    /** A removable filter tag: what it shows and where removing it leads. */
    public record Tag(String label, String removeHref) {
    }

    private final Map<String, List<String>> params = new LinkedHashMap<>();
    private final List<String> ignored = new ArrayList<>();
    private final List<Integer> years = new ArrayList<>();
    private LocalDate from;
    private LocalDate to;
    private int page = 1;
    private boolean tooLongText;

    CatalogueForm(List<String> themes, String territory, List<String> types, List<String> publishers,
                  List<String> yearValues, String fromValue, String toValue, String q, String sort, String pageValue) {
        if (CatalogueQuery.tooLong(q)) {
            tooLongText = true; // ignored, and the page answers 400
            ignored.add(q.strip().length() > 60 ? q.strip().substring(0, 60) + "…" : q.strip());
        } else if (q != null && !q.isBlank()) {
            params.put("q", List.of(q.strip()));
        }
        put("theme", themes);
        put("territory", territory == null ? List.of() : List.of(territory));
        put("type", types);
        put("publisher", publishers);
        List<String> validYears = new ArrayList<>();
        for (String year : clean(yearValues)) {
            if (year.matches("\\d{4}")) {
                years.add(Integer.parseInt(year));
                validYears.add(year);
            } else {
                ignored.add(year);
            }
        }
        put("year", validYears);
        from = date(fromValue);
        to = date(toValue);
        put("from", from == null ? List.of() : List.of(from.toString()));
        put("to", to == null ? List.of() : List.of(to.toString()));
        if ("date".equals(sort) || "relevance".equals(sort)) {
            put("sort", List.of(sort));
        }
        if (pageValue != null && pageValue.strip().matches("\\d{1,5}") && Integer.parseInt(pageValue.strip()) >= 1) {
            page = Integer.parseInt(pageValue.strip());
        }
    }

    /** The words searched were more than the catalogue takes ({@link CatalogueQuery#MAX_TERMS}). */
    boolean tooLongText() {
        return tooLongText;
    }

    CatalogueQuery query() {
        String text = first("q");
        CatalogueQuery.Sort sort = "date".equals(first("sort")) || text == null ? CatalogueQuery.Sort.DATE
                : CatalogueQuery.Sort.RELEVANCE;
        return new CatalogueQuery(values("theme"), first("territory"), values("type"), values("publisher"), years,
                from, to, text, sort, (page - 1) * PAGE_SIZE, PAGE_SIZE);
    }

    String first(String name) {
        List<String> values = values(name);
        return values.isEmpty() ? null : values.get(0);
    }

    List<String> values(String name) {
        return params.getOrDefault(name, List.of());
    }

    int page() {
        return page;
    }

    List<String> ignored() {
        return ignored;
    }

    boolean hasFilters() {
        return params.keySet().stream().anyMatch(name -> !name.equals("sort"));
    }

    /** The tags of the active filters, in the form's order; {@code label} names a value (code → name). */
    List<Tag> tags(Function<String, String> label) {
        List<Tag> tags = new ArrayList<>();
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            if (param.getKey().equals("sort")) {
                continue;
            }
            for (String value : param.getValue()) {
                tags.add(new Tag(label.apply(param.getKey() + "=" + value), hrefWithout(param.getKey(), value)));
            }
        }
        return tags;
    }

    Pagination pagination(long total) {
        return Pagination.of(page, PAGE_SIZE, total, this::hrefOfPage);
    }

    String hrefOfPage(int number) {
        Map<String, List<String>> copy = new LinkedHashMap<>(params);
        if (number > 1) {
            copy.put("page", List.of(String.valueOf(number)));
        }
        return href(copy);
    }

    private String hrefWithout(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(params);
        List<String> values = new ArrayList<>(copy.get(name));
        values.remove(value);
        if (values.isEmpty()) {
            copy.remove(name);
        } else {
            copy.put(name, values);
        }
        return href(copy);
    }

    static String href(Map<String, List<String>> params) {
        StringBuilder href = new StringBuilder(PATH);
        char separator = '?';
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            for (String value : param.getValue()) {
                href.append(separator).append(param.getKey()).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return href.toString();
    }

    private void put(String name, List<String> values) {
        List<String> cleaned = clean(values);
        if (!cleaned.isEmpty()) {
            params.put(name, cleaned);
        }
    }

    private static List<String> clean(List<String> values) {
        List<String> cleaned = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value != null) {
                    for (String part : value.split(",")) {
                        String stripped = part.strip();
                        if (!stripped.isEmpty() && !cleaned.contains(stripped)) {
                            cleaned.add(stripped);
                        }
                    }
                }
            }
        }
        return cleaned;
    }

    private LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            ignored.add(value.strip());
            return null;
        }
    }
}
