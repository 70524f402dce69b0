package fr.anct.opencollectivites.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The results page's {@code page} parameter and the links to its pages. */
final class SearchPages {
    /** Beyond this, a page number is taken as a mistake: the search cost grows with the page. */
    static final int MAX_PAGE = 2000;

    private SearchPages() {
    }

    /** The page asked for; anything but a number from 1 to {@link #MAX_PAGE} is the first page. */
    static int number(String value) {
        if (value == null || !value.strip().matches("\\d{1,4}")) {
            return 1;
        }
        int number = Integer.parseInt(value.strip());
        return number < 1 || number > MAX_PAGE ? 1 : number;
    }

    static String href(String query, int number) {
        String href = "/recherche?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        return number > 1 ? href + "&page=" + number : href;
    }
}
