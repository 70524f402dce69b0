package fr.anct.opencollectivites.publications;

import static fr.anct.opencollectivites.publications.PublicationsTestSupport.TAGGER;
import static fr.anct.opencollectivites.publications.PublicationsTestSupport.property;
import static fr.anct.opencollectivites.publications.PublicationsTestSupport.source;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.publications.harvest.FetchLimits;
import fr.anct.opencollectivites.publications.harvest.Harvester;
import fr.anct.opencollectivites.publications.harvest.HttpFetcher;
import fr.anct.opencollectivites.publications.harvest.OutboundPolicy;
import fr.anct.opencollectivites.publications.harvest.PublicationWriter;
import fr.anct.opencollectivites.publications.harvest.SourceRun;
import fr.anct.opencollectivites.repository.OakRepository;

@Tag("repository")
@Tag("http")
class FeedHarvestTest {
    private static final String RSS = "application/rss+xml";
    private OakRepository repository;
    private StubWebServer web;
    private Harvester harvester;

    @BeforeEach
    void setUp() {
        repository = PublicationsTestSupport.repository();
        web = new StubWebServer();
        harvester = harvester(FetchLimits.DEFAULT);
    }

    private Harvester harvester(FetchLimits limits) {
        return new Harvester(repository, TestLightModule.contentTypes(), TAGGER, new HttpFetcher(limits, OutboundPolicy.trusting("127.0.0.1")),
                TestLightModule.messages(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        web.close();
        repository.close();
    }

    private String feedSource(String code, String path, boolean autoPublish) {
        source(repository, code, "feed", web.uri(path).toString(), autoPublish, Map.of());
        return code;
    }

    private static String livePath(String source, String key) {
        return "/publications" + PublicationWriter.relativePath(code(source, key));
    }

    private static String code(String source, String key) {
        return PublicationWriter.code(source, new fr.anct.opencollectivites.publications.harvest.HarvestedItem(
                key, "t", null, "https://x", null, null));
    }

    private Map<String, String> items() {
        return ImportTestSupport.dump(repository, "/publications/items");
    }

    private long publicationCount() {
        return items().keySet().stream().filter(k -> k.endsWith("/code")).count();
    }

    @Test
    void rss2WithCdataHtmlIsHarvestedSanitisedAndTagged() {
        web.resource("/drees.xml", "rss2-cdata.xml", RSS, null);
        SourceRun run = harvester.harvest(feedSource("drees", "/drees.xml", true));

        assertThat(run.status()).isEqualTo(SourceRun.Status.OK);
        assertThat(run.created()).isEqualTo(2);
        String first = livePath("drees", "drees-2024-001");
        assertThat(property(repository, first, "title")).isEqualTo("Les dépenses d'aide sociale des départements en 2023");
        String summary = property(repository, first, "summary");
        assertThat(summary).contains("<strong>départements</strong>", "<a href=\"https://drees.example/x\"")
                .doesNotContain("script", "alert", "onclick", "onmouseover", "style", "iframe", "evil");
        assertThat(property(repository, first, "link")).isEqualTo("https://drees.example/publications/aide-sociale-2023");
        assertThat(property(repository, first, "date")).startsWith("2024-03-12T09:00:00");
        assertThat(property(repository, first, "image")).isEqualTo("https://drees.example/img/aide.png");
        assertThat(property(repository, first, "publisher")).isEqualTo("drees");
        assertThat(property(repository, first, "documentType")).isEqualTo("publication-statistique");
        assertThat(property(repository, first, "source")).isEqualTo("drees");
        assertThat(property(repository, first, "years")).isEqualTo("2023");

        String second = livePath("drees", "drees-2024-002");
        assertThat(property(repository, second, "themes")).isEqualTo("sante-social");
        assertThat(property(repository, second, "territories")).isEqualTo("commune:42218|departement:42");
        assertThat(property(repository, "/publications/sources/drees", "lastStatus")).isEqualTo("ok");
        assertThat(property(repository, "/publications/sources/drees", "lastItemCount")).isEqualTo("2");
    }

    @Test
    void atomAndRss10AreHarvested() {
        web.resource("/insee.xml", "atom.xml", "application/atom+xml", null);
        web.resource("/sdes.rdf", "rss1.xml", "application/rdf+xml", null);
        assertThat(harvester.harvest(feedSource("insee", "/insee.xml", true)).created()).isEqualTo(2);
        assertThat(harvester.harvest(feedSource("sdes", "/sdes.rdf", true)).created()).isEqualTo(1);

        String populations = livePath("insee", "urn:insee:focus:populations-2021");
        assertThat(property(repository, populations, "title")).isEqualTo("Population légale 2021 des communes");
        assertThat(property(repository, populations, "summary")).isEqualTo("<p>Les populations <b>légales</b></p>");
        assertThat(property(repository, populations, "date")).startsWith("2024-01-05T11:00:00");
        String revenus = livePath("insee", "urn:insee:focus:revenus");
        assertThat(property(repository, revenus, "summary")).isEqualTo("<p>Revenu médian</p>");
        assertThat(property(repository, revenus, "date")).startsWith("2024-05-02T09:00:00");

        String artificialisation = livePath("sdes", "https://sdes.example/artificialisation");
        assertThat(property(repository, artificialisation, "title")).isEqualTo("L'artificialisation des sols en 2022");
        assertThat(property(repository, artificialisation, "date")).startsWith("2024-02-20T00:00:00");
    }

    @Test
    void declaredIso88591EncodingIsHonoured() {
        web.resource("/dgcl.xml", "latin1.xml", "application/xml", null);
        assertThat(harvester.harvest(feedSource("dgcl", "/dgcl.xml", true)).status()).isEqualTo(SourceRun.Status.OK);
        String path = livePath("dgcl", "dgcl-bis-1");
        assertThat(property(repository, path, "title")).isEqualTo("Bulletin d'information statistique : les élus municipaux");
        assertThat(property(repository, path, "summary")).isEqualTo("Répartition des élus par âge et catégorie socioprofessionnelle.");
    }

    @Test
    void relativeLinksAreResolvedAgainstTheFeedAddress() {
        web.resource("/feeds/ofgl.xml", "relative-links.xml", RSS, null);
        harvester.harvest(feedSource("ofgl", "/feeds/ofgl.xml", true));
        assertThat(property(repository, livePath("ofgl", "ofgl-cap"), "link")).isEqualTo(web.uri("/etudes/cap-communes").toString());
        assertThat(property(repository, livePath("ofgl", "ofgl-dette"), "link"))
                .isEqualTo(web.uri("/feeds/dette-regions.html").toString());
    }

    @Test
    void redirectsAreFollowedAndLinksResolvedAgainstTheFinalAddressButLoopsAreRefused() {
        web.resource("/feeds/ofgl.xml", "relative-links.xml", RSS, null);
        web.handle("/moved.xml", exchange -> {
            exchange.getResponseHeaders().add("Location", "/feeds/ofgl.xml");
            exchange.sendResponseHeaders(301, -1);
        });
        web.handle("/loop.xml", exchange -> {
            exchange.getResponseHeaders().add("Location", "/loop.xml");
            exchange.sendResponseHeaders(302, -1);
        });
        assertThat(harvester.harvest(feedSource("ofgl", "/moved.xml", true)).created()).isEqualTo(2);
        assertThat(property(repository, livePath("ofgl", "ofgl-dette"), "link"))
                .isEqualTo(web.uri("/feeds/dette-regions.html").toString());

        SourceRun loop = harvester.harvest(feedSource("boucle", "/loop.xml", true));
        assertThat(loop.error()).isEqualTo("Source refusée : " + web.uri("/loop.xml") + " redirige en boucle ou plus de 5 fois.");
        assertThat(web.hits("/loop.xml")).isLessThan(10);
    }

    @Test
    void duplicateGuidsAndLinksAreStoredOnce() {
        web.resource("/dares.xml", "duplicates.xml", RSS, null);
        SourceRun run = harvester.harvest(feedSource("dares", "/dares.xml", true));
        assertThat(run.created()).isEqualTo(2);
        assertThat(publicationCount()).isEqualTo(2);
        assertThat(property(repository, livePath("dares", "dares-t4"), "title")).isEqualTo("Emploi salarié au 4e trimestre");
        assertThat(property(repository, livePath("dares", "https://dares.example/sans-guid"), "title")).isEqualTo("Sans guid");
    }

    @Test
    void secondHarvestAnswered304WritesNoPublication() {
        web.resource("/drees.xml", "rss2-cdata.xml", RSS, "\"v1\"");
        feedSource("drees", "/drees.xml", true);
        assertThat(harvester.harvest("drees").created()).isEqualTo(2);
        Map<String, String> before = items();

        SourceRun second = harvester.harvest("drees");

        assertThat(second.status()).isEqualTo(SourceRun.Status.NOT_MODIFIED);
        assertThat(web.hits("/drees.xml")).isEqualTo(2);
        assertThat(items()).isEqualTo(before);
        assertThat(property(repository, "/publications/sources/drees", "lastStatus")).isEqualTo("notModified");
        assertThat(property(repository, "/publications/sources/drees", "etag")).isEqualTo("\"v1\"");
    }

    @Test
    void changedItemsAreUpdatedAndUnchangedOnesNotRewritten() throws Exception {
        String original = new String(StubWebServer.read("rss2-cdata.xml"), StandardCharsets.UTF_8);
        AtomicReference<String> feed = new AtomicReference<>(original);
        web.handle("/drees.xml", exchange -> StubWebServer.send(exchange, 200, feed.get().getBytes(StandardCharsets.UTF_8)));
        feedSource("drees", "/drees.xml", true);
        harvester.harvest("drees");
        String changed = livePath("drees", "drees-2024-002");
        String same = livePath("drees", "drees-2024-001");
        String sameModified = property(repository, same, "mgnl:lastModified");
        Thread.sleep(5);

        feed.set(original.replace("Les médecins généralistes en Loire", "Les médecins généralistes dans la Loire"));
        SourceRun run = harvester.harvest("drees");

        assertThat(run.updated()).isEqualTo(1);
        assertThat(run.unchanged()).isEqualTo(1);
        assertThat(property(repository, changed, "title")).isEqualTo("Les médecins généralistes dans la Loire");
        assertThat(property(repository, same, "mgnl:lastModified")).isEqualTo(sameModified);
    }

    @Test
    void editorsTagCorrectionsSurviveTheNextHarvest() {
        String original = new String(StubWebServer.read("rss2-cdata.xml"), StandardCharsets.UTF_8);
        AtomicReference<String> feed = new AtomicReference<>(original);
        web.handle("/drees.xml", exchange -> StubWebServer.send(exchange, 200, feed.get().getBytes(StandardCharsets.UTF_8)));
        feedSource("drees", "/drees.xml", true);
        harvester.harvest("drees");
        String path = livePath("drees", "drees-2024-002");
        repository.withSystemSession(session -> {
            session.getNode(path).setProperty("excludedThemes", new String[] {"sante-social"});
            session.getNode(path).setProperty("manualThemes", new String[] {"aides-dotations"});
            session.save();
            return null;
        });
        feed.set(original.replace("Densité des", "La densité des"));
        harvester.harvest("drees");
        assertThat(property(repository, path, "themes")).isEqualTo("aides-dotations");
        assertThat(property(repository, path, "autoThemes")).isEqualTo("sante-social");
    }

    @Test
    void sourcesUnderReviewAreWrittenAsDraftsOnly() {
        web.resource("/drees.xml", "rss2-cdata.xml", RSS, null);
        harvester.harvest(feedSource("drees", "/drees.xml", false));
        assertThat(publicationCount()).isZero();
        String draft = "/oc:authoring/publications" + PublicationWriter.relativePath(code("drees", "drees-2024-001"));
        assertThat(property(repository, draft, "title")).isEqualTo("Les dépenses d'aide sociale des départements en 2023");
        boolean visible = repository.withAnonymousSession(session -> session.nodeExists(draft));
        assertThat(visible).isFalse();
    }

    @Test
    void xxePayloadIsRefusedAndKeepsWhatWasStored() {
        assertRefusedKeepingItems("/xxe.xml", "xxe.xml", "DOCTYPE");
    }

    @Test
    void billionLaughsPayloadIsRefusedAndKeepsWhatWasStored() {
        assertRefusedKeepingItems("/lol.xml", "billion-laughs.xml", "DOCTYPE");
    }

    private void assertRefusedKeepingItems(String path, String resource, String expectedInError) {
        web.resource("/drees.xml", "rss2-cdata.xml", RSS, null);
        web.resource(path, resource, RSS, null);
        harvester.harvest(feedSource("drees", "/drees.xml", true));
        Map<String, String> before = items();
        String successAt = property(repository, "/publications/sources/drees", "lastSuccessAt");
        feedSource("drees", path, true);

        SourceRun run = harvester.harvest("drees");

        assertThat(run.status()).isEqualTo(SourceRun.Status.ERROR);
        assertThat(run.error()).startsWith("Flux refusé").contains(expectedInError, web.uri(path).toString());
        assertThat(items()).isEqualTo(before);
        assertThat(property(repository, "/publications/sources/drees", "lastStatus")).isEqualTo("error");
        assertThat(property(repository, "/publications/sources/drees", "lastError")).isEqualTo(run.error());
        assertThat(property(repository, "/publications/sources/drees", "lastSuccessAt")).isEqualTo(successAt);
    }

    @Test
    void a50MegabyteFeedIsRefusedWithoutLosingStoredItems(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.xml");
        try (Writer out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Gros</title>"
                    + "<link>https://big.example/</link><description>x</description>\n");
            String padding = "x".repeat(900);
            for (long written = 0; written <= 50L * 1024 * 1024; ) {
                String item = "<item><title>t</title><link>https://big.example/" + written + "</link><description>"
                        + padding + "</description></item>\n";
                out.write(item);
                written += item.length();
            }
            out.write("</channel></rss>");
        }
        assertThat(Files.size(big)).isGreaterThan(50L * 1024 * 1024);
        web.resource("/drees.xml", "rss2-cdata.xml", RSS, null);
        web.file("/big.xml", big, RSS);
        harvester.harvest(feedSource("drees", "/drees.xml", true));
        Map<String, String> before = items();
        feedSource("drees", "/big.xml", true);

        SourceRun run = harvester.harvest("drees");

        assertThat(run.status()).isEqualTo(SourceRun.Status.ERROR);
        assertThat(run.error()).isEqualTo("Source refusée : " + web.uri("/big.xml") + " dépasse la taille maximale de 10 Mo.");
        assertThat(items()).isEqualTo(before);
    }

    @Test
    void aTimeoutIsReportedInFrench() {
        web.slow("/slow.xml", 3_000);
        Harvester impatient = harvester(new FetchLimits(Duration.ofSeconds(1), Duration.ofSeconds(1), 1024 * 1024));
        SourceRun run = impatient.harvest(feedSource("lent", "/slow.xml", true));
        assertThat(run.status()).isEqualTo(SourceRun.Status.ERROR);
        assertThat(run.error()).isEqualTo("Délai dépassé : " + web.uri("/slow.xml") + " n'a pas répondu dans le délai de 1 s.");
        assertThat(property(repository, "/publications/sources/lent", "lastError")).isEqualTo(run.error());
    }

    @Test
    void aBodyThatStallsAfterTheHeadersIsCutAtTheDeadline() {
        web.trickle("/trickle.xml", 5_000);
        Harvester impatient = harvester(new FetchLimits(Duration.ofSeconds(1), Duration.ofSeconds(1), 1024 * 1024));
        long start = System.nanoTime();
        SourceRun run = impatient.harvest(feedSource("goutte", "/trickle.xml", true));
        assertThat(run.error()).isEqualTo("Délai dépassé : " + web.uri("/trickle.xml") + " n'a pas répondu dans le délai de 1 s.");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void oneFailingSourceDoesNotStopTheOthers() {
        web.status("/gone.xml", 404);
        web.resource("/drees.xml", "rss2-cdata.xml", RSS, null);
        feedSource("a-gone", "/gone.xml", true);
        feedSource("b-drees", "/drees.xml", true);

        List<SourceRun> runs = harvester.harvestAll();

        assertThat(runs).extracting(SourceRun::source, SourceRun::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a-gone", SourceRun.Status.ERROR),
                org.assertj.core.groups.Tuple.tuple("b-drees", SourceRun.Status.OK));
        assertThat(runs.get(0).error()).isEqualTo("La source " + web.uri("/gone.xml") + " a répondu avec le statut HTTP 404.");
        assertThat(publicationCount()).isEqualTo(2);
    }
}
