package fr.anct.opencollectivites.publications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import fr.anct.opencollectivites.TestHttpServer;
import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.repository.PerThreadAnonymousSessions;
import fr.anct.opencollectivites.repository.SessionProvider;
import fr.anct.opencollectivites.publications.catalogue.CatalogueService;
import fr.anct.opencollectivites.publications.catalogue.PublicationIndex;
import fr.anct.opencollectivites.publications.catalogue.PublicationResource;
import fr.anct.opencollectivites.repository.OakRepository;

@Tag("repository")
@Tag("http")
class CatalogueResourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static OakRepository repository;
    private static PublicationIndex index;
    private static TestHttpServer server;
    private static PerThreadAnonymousSessions publicSessions;

    @BeforeAll
    static void start() {
        repository = PublicationsTestSupport.repository();
        CatalogueFixture fixture = new CatalogueFixture(repository);
        fixture.referentiel();
        fixture.publications();
        index = new PublicationIndex(repository, Duration.ofMillis(20)).start();
        publicSessions = SessionProvider.anonymousPerThread(repository);
        server = new TestHttpServer(new PublicationResource(
                new CatalogueService(index, publicSessions, TestLightModule.contentTypes()), TestLightModule.messages()));
    }

    @AfterAll
    static void stop() {
        server.close();
        publicSessions.close();
        index.close();
        repository.close();
    }

    private static JsonNode get(String query) throws Exception {
        HttpResponse<String> response = server.get("/.rest/open-collectivites/v1/publications" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> codes(JsonNode answer) {
        List<String> codes = new ArrayList<>();
        answer.get("results").forEach(result -> codes.add(result.get("code").asText()));
        return codes;
    }

    @Test
    void newestFirstWithoutFilterAndDraftsNeverListed() throws Exception {
        JsonNode answer = get("");
        assertThat(answer.get("total").asInt()).isEqualTo(6);
        assertThat(codes(answer)).containsExactly("p4", "p1", "p2", "p5", "p3", "p6");
        JsonNode p4 = answer.get("results").get(0);
        assertThat(p4.get("title").asText()).isEqualTo("Auvergne-Rhône-Alpes : la santé des habitants");
        assertThat(p4.get("date").asText()).isEqualTo("2024-05-10T00:00:00.000Z");
        assertThat(p4.get("years").get(0).isNumber()).isTrue();
        assertThat(p4.get("@path").asText()).isEqualTo("/items/p4/p4");
        assertThat(p4.has("contentHash")).isFalse();
    }

    @Test
    void eachFilterReturnsExactlyItsItems() throws Exception {
        assertThat(codes(get("?theme=finances-fiscalite"))).containsExactly("p1", "p5", "p6");
        assertThat(codes(get("?theme=sante-social,parite"))).containsExactly("p4");
        assertThat(codes(get("?type=jeu-de-donnees"))).containsExactly("p4");
        assertThat(codes(get("?publisher=dgcl"))).containsExactly("p2", "p6");
        assertThat(codes(get("?year=2023"))).containsExactly("p1", "p3");
        assertThat(codes(get("?year=2022&year=2024"))).containsExactly("p4", "p2", "p5", "p6");
        assertThat(codes(get("?from=2024-01-01&to=2024-03-01"))).containsExactly("p1", "p2", "p5");
        assertThat(codes(get("?from=2024-02-02"))).containsExactly("p4", "p1");
        assertThat(codes(get("?to=2023-12-31"))).containsExactly("p3", "p6");
        assertThat(codes(get("?theme=finances-fiscalite&publisher=dgcl"))).containsExactly("p6");
    }

    @Test
    void aCommuneGetsItsParentsPublicationsSayingWhichTerritoryMatched() throws Exception {
        JsonNode answer = get("?territory=commune:42218");
        assertThat(codes(answer)).containsExactly("p4", "p1", "p2", "p3");
        List<String> matched = new ArrayList<>();
        answer.get("results").forEach(result -> matched.add(result.get("matchedTerritory").asText()));
        assertThat(matched).containsExactly("region:84", "commune:42218", "epci:" + CatalogueFixture.SAINT_ETIENNE_METROPOLE,
                "departement:42");
        assertThat(codes(get("?territory=departement:42"))).containsExactly("p4", "p3");
        assertThat(codes(get("?territory=epci:" + CatalogueFixture.SAINT_ETIENNE_METROPOLE))).containsExactly("p4", "p2", "p3");
        assertThat(codes(get("?territory=region:53"))).isEmpty();
        assertThat(codes(get("?territory=commune:35238"))).containsExactly("p5", "p6");
        // a former région (the tagger's ancienne-region tag) is a filter of its own, with no parent
        assertThat(codes(get("?territory=ancienne-region:82"))).isEmpty();
        assertThat(server.get("/.rest/open-collectivites/v1/publications?territory=ancienne-region:8x").statusCode())
                .isEqualTo(400);
    }

    @Test
    void fullTextUsesFrenchAnalysisAndSortsByRelevance() throws Exception {
        assertThat(codes(get("?q=budget&sort=date"))).containsExactly("p6");
        assertThat(codes(get("?q=finance&sort=date"))).containsExactly("p1", "p5");
        assertThat(codes(get("?q=emplois"))).containsExactly("p3");
        assertThat(codes(get("?q=l%27intercommunalit%C3%A9"))).containsExactly("p2");
        // every word must match: only p1 names both
        assertThat(codes(get("?q=finances%20dette"))).containsExactly("p1");
        assertThat(codes(get("?q=finances"))).first().isIn("p1", "p5");
        assertThat(codes(get("?q=chat%20perch%C3%A9"))).isEmpty();
        assertThat(codes(get("?q=sante"))).containsExactly("p4");
        assertThat(codes(get("?q=m%C3%A9decin"))).containsExactly("p4");
    }

    @Test
    void pagingGivesTheTotalAndTheRequestedSlice() throws Exception {
        JsonNode page = get("?limit=2&offset=2");
        assertThat(page.get("total").asInt()).isEqualTo(6);
        assertThat(page.get("offset").asInt()).isEqualTo(2);
        assertThat(page.get("limit").asInt()).isEqualTo(2);
        assertThat(codes(page)).containsExactly("p2", "p5");
        assertThat(codes(get("?limit=2&offset=6"))).isEmpty();
    }

    @Test
    void invalidParametersAreJsonErrorsInFrench() throws Exception {
        HttpResponse<String> year = server.get("/.rest/open-collectivites/v1/publications?year=deux-mille");
        assertThat(year.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(year.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("invalidQuery");
        assertThat(error.get("message").asText()).isEqualTo("Paramètre « year » invalide : « deux-mille » (une année sur 4 chiffres).");
        HttpResponse<String> territory = server.get("/.rest/open-collectivites/v1/publications?territory=commune:99999");
        assertThat(territory.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(territory.body()).get("error").get("message").asText()).startsWith("Territoire inconnu : « commune:99999 »");
        assertThat(server.get("/.rest/open-collectivites/v1/publications?limit=500").statusCode()).isEqualTo(400);
        // pen-test finding: 520 words made Lucene fail (TooManyNestedClauses, a 500)
        String words = java.util.stream.IntStream.range(0, 520).mapToObj(i -> "mot" + i)
                .collect(java.util.stream.Collectors.joining("%20"));
        HttpResponse<String> tooLong = server.get("/.rest/open-collectivites/v1/publications?q=" + words);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooLong.body()).get("error").get("message").asText())
                .isEqualTo("Recherche trop longue : 10 mots et 200 caractères au plus.");
        assertThat(server.get("/.rest/open-collectivites/v1/publications?from=01/02/2024").statusCode()).isEqualTo(400);
    }

    @Test
    void outboundFeedsListTheNewestPublicationsOfATerritoryOrATheme() throws Exception {
        HttpResponse<String> rss = server.get("/.rest/open-collectivites/v1/publications/feed.rss?territory=commune:42218");
        assertThat(rss.statusCode()).isEqualTo(200);
        assertThat(rss.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/rss+xml");
        SyndFeed feed = new SyndFeedInput().build(new StringReader(rss.body()));
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getTitle()).isEqualTo("Open Collectivités — publications sur commune:42218");
        assertThat(feed.getEntries()).extracting(SyndEntry::getLink).containsExactly(
                "https://example.org/p4", "https://example.org/p1", "https://example.org/p2", "https://example.org/p3");

        HttpResponse<String> atom = server.get("/.rest/open-collectivites/v1/publications/feed.atom?theme=finances-fiscalite");
        assertThat(atom.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        SyndFeed atomFeed = new SyndFeedInput().build(new StringReader(atom.body()));
        assertThat(atomFeed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(atomFeed.getEntries()).extracting(SyndEntry::getTitle).containsExactly(
                "Les finances de Saint-Étienne en 2023", "Les finances des communes bretonnes", "Budgets des départements");
        assertThat(atomFeed.getEntries().get(0).getDescription().getValue()).contains("Épargne brute");
    }

    @Test
    void theIndexFollowsRepositoryChanges() throws Exception {
        new CatalogueFixture(repository).publication("p7", "Les écoles de Saint-Étienne", null, "commune:42218",
                "culture-education", "outil", "depp", "2020-09-01", 2020);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(codes(get("?publisher=depp"))).containsExactly("p7"));
        repository.withSystemSession(session -> {
            session.getNode(CatalogueFixture.path("p7")).remove();
            session.save();
            return null;
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(codes(get("?publisher=depp"))).isEmpty());
    }
}
