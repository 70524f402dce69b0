package fr.anct.opencollectivites.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The DSFR pagination of a list of results ({@code site/pagination.ftl}): previous, a window of numbered
 * pages around the current one, next; previous and next empty on the first and last page.
 */
public record Pagination(int page, int lastPage, String previous, String next, List<PageLink> pages) {
    static final int WINDOW = 5;

    public record PageLink(int number, String href, boolean current) {
    }

    static int lastPage(long total, int pageSize) {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    static Pagination of(int page, int pageSize, long total, IntFunction<String> href) {
        int last = lastPage(total, pageSize);
        int start = Math.max(1, Math.min(page - WINDOW / 2, last - WINDOW + 1));
        int end = Math.min(last, start + WINDOW - 1);
        List<PageLink> links = new ArrayList<>();
        for (int number = start; number <= end; number++) {
            links.add(new PageLink(number, href.apply(number), number == page));
        }
        return new Pagination(page, last, page > 1 ? href.apply(page - 1) : "", page < last ? href.apply(page + 1) : "",
                links);
    }

    /** The names the pagination macro and the pages read. */
    void putInto(Map<String, Object> model) {
        model.put("currentPage", page); // "page" is the page definition
        model.put("lastPage", lastPage);
        model.put("previous", previous);
        model.put("next", next);
        model.put("pages", pages);
    }
}
