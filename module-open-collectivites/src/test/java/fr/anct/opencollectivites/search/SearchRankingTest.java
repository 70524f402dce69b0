package fr.anct.opencollectivites.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import fr.anct.opencollectivites.repository.OakRepository;

@Tag("repository")
class SearchRankingTest {
    private static OakRepository repository;
    private static SearchIndex index;
    private static SearchService search;

    @BeforeAll
    static void indexTheReferentiel() {
        repository = SearchTestData.repositoryWithReferentiel();
        index = new SearchIndex(repository, SearchTestData.TYPES);
        assertThat(index.rebuild()).isEqualTo(4 + 10 + 34 + 3);
        search = new SearchService(index);
    }

    @AfterAll
    static void close() {
        index.close();
        repository.close();
    }

    private static List<String> codes(String query) {
        return search(query).results().stream().map(SearchHit::code).toList();
    }

    private static SearchResults search(String query) {
        return search.search(query, Set.of(), SearchService.DEFAULT_LIMIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"st etienne", "saint-etienne", "Saint Étienne", "ST-ÉTIENNE", "St Etienne", "saint étienne"})
    void nameIsFoldedForAccentsCaseHyphensAndSaintAbbreviations(String query) {
        List<SearchHit> results = search(query).results();
        assertThat(results.get(0).code()).isEqualTo("42218");
        assertThat(results.get(0).typecom()).isEqualTo("COM");
        assertThat(codes(query)).contains("244200770", "76575", "42220");
    }

    @ParameterizedTest
    @ValueSource(strings = {"l'abergement", "L’Abergement", "l abergement clemenciat", "labergement", "L'ABERGEMENT-CLÉMENCIAT"})
    void apostrophesAndElisionsFoldAway(String query) {
        assertThat(codes(query).get(0)).isEqualTo("01001");
    }

    @Test
    void inseeCodeIsExactAndCaseInsensitive() {
        assertThat(codes("2A004").get(0)).isEqualTo("2A004");
        assertThat(codes("2a004").get(0)).isEqualTo("2A004");
        assertThat(codes("75056").get(0)).isEqualTo("75056");
        SearchResults marseille = search("13055");
        assertThat(marseille.groups().get("commune")).extracting(SearchHit::code, SearchHit::typecom)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("13055", "COM"));
    }

    @Test
    void sirenFindsEpciAndCommunesThatHaveOne() {
        assertThat(search("244200770").results().get(0).nom()).isEqualTo("Saint-Étienne Métropole");
        assertThat(search("212000046").results().get(0).nom()).isEqualTo("Ajaccio");
    }

    @Test
    void formerCodesAndNamesFindTheCommuneNouvelle() {
        assertThat(codes("17352").get(0)).isEqualTo("17457");
        assertThat(codes("saint-laurent-de-la-barriere").get(0)).isEqualTo("17457");
        assertThat(codes("Saint-Laurent-de-la-Barrière").get(0)).isEqualTo("17457");
        assertThat(codes("vandre").get(0)).isEqualTo("17457");
    }

    @Test
    void formerExactNameRanksAboveCurrentPrefixes() {
        // Seven larger "Moutiers-…" communes are prefix matches: without its former name, Moutiers-en-Beauce
        // would fall out of the first ten.
        assertThat(codes("moutiers")).startsWith("73181", "54391", "35199", "28274").hasSize(10);
    }

    @Test
    void exactNameThenPrefixThenWordPrefixThenPopulation() {
        // Marseille (exact), its arrondissements (prefix, larger first), then the métropole (word prefix)
        // although the métropole is the most populated.
        assertThat(codes("marseille")).containsExactly("13055", "13208", "13201", "200054807");
    }

    @Test
    void oneLetterFindsTheCommuneNamedWithIt() {
        List<String> codes = codes("y");
        assertThat(codes.get(0)).isEqualTo("80829");
        assertThat(codes).contains("78", "91691", "03321", "76758");
    }

    @Test
    void parisTheCommuneComesFirst() {
        List<String> codes = codes("paris");
        assertThat(codes.get(0)).isEqualTo("75056");
        assertThat(codes.indexOf("75056")).isLessThan(codes.indexOf("75115")).isLessThan(codes.indexOf("75101"));
        assertThat(codes.indexOf("75115")).isLessThan(codes.indexOf("95176"));
        assertThat(search("paris").groups().get("departement")).extracting(SearchHit::code).containsExactly("75");
        assertThat(search("paris").groups().get("commune").get(0).code()).isEqualTo("75056");
    }

    @Test
    void communesDelegueesAndAssocieesComeAfterCommunesOnEqualText() {
        assertThat(search("annecy").results()).extracting(SearchHit::code, SearchHit::typecom).startsWith(
                org.assertj.core.groups.Tuple.tuple("74010", "COM"), org.assertj.core.groups.Tuple.tuple("74010", "COMD"));
        assertThat(search("74010").results()).extracting(SearchHit::typecom).containsExactly("COM", "COMD");
        assertThat(search("saint etienne").results()).extracting(SearchHit::code).containsSubsequence("42218", "42999");
    }

    @Test
    void abbreviationTypedInFullStillFindsNamesStartingWithIt() {
        assertThat(codes("st")).contains("93072", "42218");
        assertThat(codes("sta")).containsExactly("93072");
    }

    @Test
    void queriesLongerThanTheIndexedPrefixesStillMatch() {
        assertThat(codes("metropole d aix marseille pro")).containsExactly("200054807");
        assertThat(codes("aix-marseille-provence")).containsExactly("200054807");
        assertThat(codes("metropole d aix marseille provencal")).isEmpty();
    }

    @Test
    void typeFilterAndLimitPerType() {
        SearchResults epciOnly = search.search("saint", List.of(SearchType.EPCI), 10);
        assertThat(epciOnly.groups().get("epci")).extracting(SearchHit::code).containsExactly("244200770");
        assertThat(epciOnly.groups().get("commune")).isEmpty();
        assertThat(epciOnly.total()).isEqualTo(1);

        SearchResults two = search.search("saint", List.of(), 2);
        assertThat(two.groups().get("commune")).hasSize(2);
        assertThat(two.results()).hasSize(2);
        assertThat(two.total()).isGreaterThan(4);
        assertThat(two.groups()).containsOnlyKeys("commune", "epci", "departement", "region");
    }

    @Test
    void hitsCarryTheirDeliveryAndPagePaths() {
        SearchHit commune = search("01001").results().get(0);
        assertThat(commune).isEqualTo(new SearchHit("01001", "L'Abergement-Clémenciat", "commune", "COM", "01", "Ain",
                859L, "/.rest/delivery/communes/01/01001", "/communes/01001-l-abergement-clemenciat"));
        SearchHit epci = search("244200770").results().get(0);
        assertThat(epci.apiPath()).isEqualTo("/.rest/delivery/epci/244200770");
        assertThat(epci.pagePath()).isEqualTo("/epci/244200770-saint-etienne-metropole");
        assertThat(epci.departementNom()).isEqualTo("Loire");
        SearchHit departement = search.search("loire", List.of(SearchType.DEPARTEMENT), 1).results().get(0);
        assertThat(departement.apiPath()).isEqualTo("/.rest/delivery/departements/42");
        assertThat(departement.pagePath()).isEqualTo("/departements/42-loire");
        SearchHit region = search.search("auvergne", List.of(SearchType.REGION), 1).results().get(0);
        assertThat(region.pagePath()).isEqualTo("/regions/84-auvergne-rhone-alpes");
        SearchHit deleguee = search("cran gevrier").results().get(0);
        assertThat(deleguee.apiPath()).isEqualTo("/.rest/delivery/communes/74/74093-comd");
        assertThat(deleguee.pagePath()).isEqualTo("/communes/74093-comd-cran-gevrier");
    }

    @ParameterizedTest
    @ValueSource(strings = {"'", "-", " ' - "})
    void textWithNothingSearchableFindsNothing(String query) {
        SearchResults results = search(query);
        assertThat(results.total()).isZero();
        assertThat(results.results()).isEmpty();
    }
}
