package fr.anct.opencollectivites.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.collectivites.CollectivitePaths;

/**
 * The results page over real HTTP, with more matches than one page: 45 communes "Villeneuve-Test-n" whose
 * population is 1000 + n, so that the rank (population first among equal matches) is known.
 */
@Tag("repository")
@Tag("http")
class SearchResultsPagingTest {
    private static final int COMMUNES = 45;
    private static final Pattern RESULT = Pattern.compile("<a class=\"fr-link fr-text--lg\" href=\"[^\"]+\">([^<]+)</a>");
    private static final Pattern NEXT = Pattern.compile(
            "<a class=\"fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label\" href=\"([^\"]+)\">");
    private static final Pattern COUNT = Pattern.compile("id=\"resultats-nombre\">(\\d+) collectivités trouvées");
    private static PublicationSite site;

    @BeforeAll
    static void start() throws Exception {
        site = PublicationSite.start(more -> {
            for (int n = 1; n <= COMMUNES; n++) {
                String code = String.valueOf(42500 + n);
                more.write(CollectivitePaths.commune(TestLightModule.contentTypes().require("commune"), "COM", code),
                        "commune", Map.of("code", code, "typecom", "COM", "nom", "Villeneuve-Test-" + n,
                                "departement", "42", "region", "84", "population", 1000L + n));
            }
        });
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void pageTwoShowsResults21To40() {
        HttpResponse<String> page = site.get("/recherche?q=villeneuve&page=2");

        assertThat(page.statusCode()).isEqualTo(200);
        List<String> expected = new ArrayList<>();
        for (int n = COMMUNES - 20; n > COMMUNES - 40; n--) { // ranks 21 to 40: populations 1025 down to 1006
            expected.add("Villeneuve-Test-" + n);
        }
        assertThat(names(page.body())).containsExactlyElementsOf(expected);
        assertThat(page.body()).contains("45 collectivités trouvées · résultats 21 à 40")
                .contains("<title>Résultats pour « villeneuve », page 2 sur 3")
                .contains("<nav role=\"navigation\" class=\"fr-pagination\" aria-label=\"Pagination\">")
                .contains("href=\"/recherche?q=villeneuve&amp;page=2\" title=\"Page 2\" aria-current=\"page\">2</a>")
                .contains("href=\"/recherche?q=villeneuve\">Page précédente</a>")
                .contains("href=\"/recherche?q=villeneuve&amp;page=3\">Page suivante</a>");
    }

    @Test
    void theTotalIsWhatFollowingTheNextLinksReaches() {
        String path = "/recherche?q=villeneuve";
        Set<String> reached = new LinkedHashSet<>();
        long total = -1;
        int pages = 0;
        while (path != null) {
            String body = site.get(path).body();
            Matcher count = COUNT.matcher(body);
            assertThat(count.find()).as(path).isTrue();
            total = Long.parseLong(count.group(1));
            List<String> names = names(body);
            assertThat(names).as(path).isNotEmpty().allSatisfy(name -> assertThat(reached).doesNotContain(name));
            reached.addAll(names);
            Matcher next = NEXT.matcher(body);
            path = next.find() ? next.group(1).replace("&amp;", "&") : null;
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(reached).hasSize(COMMUNES);
        assertThat(total).isEqualTo(reached.size());
    }

    @Test
    void aPageNumberOutOfRangeShowsTheFirstOrTheLastPage() {
        assertThat(names(site.get("/recherche?q=villeneuve&page=abc").body())).first().isEqualTo("Villeneuve-Test-45");
        String beyond = site.get("/recherche?q=villeneuve&page=9").body();
        assertThat(names(beyond)).containsExactly("Villeneuve-Test-5", "Villeneuve-Test-4", "Villeneuve-Test-3",
                "Villeneuve-Test-2", "Villeneuve-Test-1");
        assertThat(beyond).contains("aria-current=\"page\">3</a>").contains("résultats 41 à 45");
    }

    @Test
    void oneShortListHasNoPagination() {
        String body = site.get("/recherche?q=rennes").body();
        assertThat(names(body)).containsExactly("Rennes");
        assertThat(body).contains("1 collectivité trouvée").doesNotContain("fr-pagination");
    }

    private static List<String> names(String html) {
        List<String> names = new ArrayList<>();
        Matcher matcher = RESULT.matcher(html);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
