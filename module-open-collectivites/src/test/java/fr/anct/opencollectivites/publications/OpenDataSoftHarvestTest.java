package fr.anct.opencollectivites.publications;

import static fr.anct.opencollectivites.publications.PublicationsTestSupport.property;
import static fr.anct.opencollectivites.publications.PublicationsTestSupport.source;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.publications.harvest.HarvestedItem;
import fr.anct.opencollectivites.publications.harvest.FetchLimits;
import fr.anct.opencollectivites.publications.harvest.Harvester;
import fr.anct.opencollectivites.publications.harvest.HttpFetcher;
import fr.anct.opencollectivites.publications.harvest.OutboundPolicy;
import fr.anct.opencollectivites.publications.harvest.PublicationWriter;
import fr.anct.opencollectivites.publications.harvest.SourceRun;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * An OpenDataSoft portal served locally: the Explore API v2.1 {@code catalog/datasets} answer shape
 * ({@code total_count}, {@code results[].dataset_id}, {@code results[].metas.default}), honouring
 * {@code limit}, {@code offset}, {@code order_by=modified asc} and {@code where=modified > date'…'}.
 */
@Tag("repository")
@Tag("http")
class OpenDataSoftHarvestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WHERE = Pattern.compile("modified > date'([^']+)'");
    private final Map<String, OffsetDateTime> datasets = new ConcurrentHashMap<>();
    private OakRepository repository;
    private StubWebServer portal;
    private Harvester harvester;

    @BeforeEach
    void setUp() {
        repository = PublicationsTestSupport.repository();
        portal = new StubWebServer();
        portal.handle("/api/explore/v2.1/catalog/datasets", exchange -> {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            OffsetDateTime since = null;
            if (query.containsKey("where")) {
                Matcher matcher = WHERE.matcher(query.get("where"));
                assertThat(matcher.matches()).as(query.get("where")).isTrue();
                since = OffsetDateTime.parse(matcher.group(1));
            }
            OffsetDateTime after = since;
            List<Map.Entry<String, OffsetDateTime>> selected = datasets.entrySet().stream()
                    .filter(d -> after == null || d.getValue().isAfter(after))
                    .sorted(Map.Entry.<String, OffsetDateTime>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .toList();
            int offset = Integer.parseInt(query.get("offset"));
            int limit = Integer.parseInt(query.get("limit"));
            ObjectNode answer = JSON.createObjectNode().put("total_count", selected.size());
            ArrayNode results = answer.putArray("results");
            for (Map.Entry<String, OffsetDateTime> dataset : selected.subList(Math.min(offset, selected.size()),
                    Math.min(offset + limit, selected.size()))) {
                ObjectNode result = results.addObject().put("dataset_id", dataset.getKey()).put("dataset_uid", "da_" + dataset.getKey());
                ObjectNode metas = result.putObject("metas").putObject("default");
                metas.put("title", "Comptes des communes " + dataset.getKey());
                metas.put("description", "<p>Agrégats <b>comptables</b><script>x()</script></p>");
                metas.put("modified", dataset.getValue().toString());
                metas.put("publisher", "OFGL");
                metas.putArray("keyword").add("finances");
                result.putArray("fields");
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            StubWebServer.send(exchange, 200, JSON.writeValueAsBytes(answer));
        });
        for (int i = 0; i < 150; i++) {
            datasets.put(String.format("ofgl-base-%03d", i), OffsetDateTime.parse("2024-01-01T00:00:00Z").plusHours(i));
        }
        harvester = new Harvester(repository, TestLightModule.contentTypes(), PublicationsTestSupport.TAGGER,
                new HttpFetcher(FetchLimits.DEFAULT, OutboundPolicy.trusting("127.0.0.1")), TestLightModule.messages(),
                Clock.systemUTC());
        source(repository, "ofgl", "opendatasoft", portal.uri("/").toString(), true,
                Map.of("publisher", "ofgl", "documentType", "jeu-de-donnees", "defaultThemes", List.of("finances-fiscalite")));
    }

    @AfterEach
    void tearDown() {
        portal.close();
        repository.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new java.util.HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String path(String datasetId) {
        return "/publications" + PublicationWriter.relativePath(PublicationWriter.code("ofgl",
                new HarvestedItem(datasetId, "t", null, "https://x", null, null)));
    }

    @Test
    void everyDatasetBecomesAPublicationOfTypeJeuDeDonnees() {
        SourceRun run = harvester.harvest("ofgl");

        assertThat(run.status()).isEqualTo(SourceRun.Status.OK);
        assertThat(run.created()).isEqualTo(150);
        assertThat(portal.requests()).hasSize(2);
        assertThat(portal.requests().get(1)).contains("offset=100");
        String path = path("ofgl-base-007");
        assertThat(property(repository, path, "title")).isEqualTo("Comptes des communes ofgl-base-007");
        assertThat(property(repository, path, "link")).isEqualTo(portal.uri("/explore/dataset/ofgl-base-007/").toString());
        assertThat(property(repository, path, "summary")).isEqualTo("<p>Agrégats <b>comptables</b></p>");
        assertThat(property(repository, path, "documentType")).isEqualTo("jeu-de-donnees");
        assertThat(property(repository, path, "publisher")).isEqualTo("ofgl");
        assertThat(property(repository, path, "themes")).isEqualTo("finances-fiscalite");
        assertThat(property(repository, path, "date")).startsWith("2024-01-01T07:00:00");
        assertThat(property(repository, "/publications/sources/ofgl", "modifiedSince")).startsWith("2024-01-07T05:00:00");
    }

    @Test
    void laterRunsAskOnlyForDatasetsModifiedSince() {
        harvester.harvest("ofgl");
        datasets.put("ofgl-base-003", OffsetDateTime.parse("2024-03-01T00:00:00Z"));
        datasets.put("ofgl-nouveau", OffsetDateTime.parse("2024-03-02T00:00:00Z"));
        portal.requests().clear();

        SourceRun run = harvester.harvest("ofgl");

        assertThat(portal.requests()).singleElement().asString()
                .contains("where=" + java.net.URLEncoder.encode("modified > date'2024-01-07T05:00:00Z'", StandardCharsets.UTF_8)
                        .replace("+", "%20"));
        assertThat(run.created()).isEqualTo(1);
        assertThat(run.updated()).isEqualTo(1);
        assertThat(property(repository, path("ofgl-base-003"), "date")).startsWith("2024-03-01T00:00:00");
        assertThat(property(repository, "/publications/sources/ofgl", "modifiedSince")).startsWith("2024-03-02T00:00:00");
    }

    @Test
    void anInvalidAnswerIsReportedAndNothingIsLost() {
        harvester.harvest("ofgl");
        source(repository, "ofgl", "opendatasoft", portal.uri("/broken").toString() + "/api/v2/catalog/datasets", true, Map.of());
        portal.handle("/broken", exchange -> StubWebServer.send(exchange, 200, "{\"results\": [".getBytes()));

        SourceRun run = harvester.harvest("ofgl");

        assertThat(run.status()).isEqualTo(SourceRun.Status.ERROR);
        assertThat(run.error()).startsWith("Catalogue illisible : " + portal.uri("/broken/api/v2/catalog/datasets"))
                .endsWith("n'est pas une réponse JSON OpenDataSoft valide (JSON mal formé, ligne 1, colonne 14).");
        assertThat(property(repository, path("ofgl-base-007"), "title")).isEqualTo("Comptes des communes ofgl-base-007");
    }
}
