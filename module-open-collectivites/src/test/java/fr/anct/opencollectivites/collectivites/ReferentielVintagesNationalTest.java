package fr.anct.opencollectivites.collectivites;

import static fr.anct.opencollectivites.TestLightModule.fixture;
import static fr.anct.opencollectivites.TestLightModule.fixturesDir;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.anct.opencollectivites.TestHttpServer;
import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.delivery.DeliveryEndpoints;
import fr.anct.opencollectivites.delivery.DeliveryResource;
import fr.anct.opencollectivites.delivery.DeliveryService;
import fr.anct.opencollectivites.repository.PerThreadAnonymousSessions;
import fr.anct.opencollectivites.repository.SessionProvider;
import fr.anct.opencollectivites.fiches.FicheResource;
import fr.anct.opencollectivites.fiches.FicheService;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.imports.ImportOptions;
import fr.anct.opencollectivites.imports.ImportReport;
import fr.anct.opencollectivites.imports.ImportRun;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.search.SearchHit;
import fr.anct.opencollectivites.search.SearchIndex;
import fr.anct.opencollectivites.search.SearchService;
import fr.anct.opencollectivites.search.SearchType;
import fr.anct.opencollectivites.site.FicheModels;
import fr.anct.opencollectivites.site.FicheReader;
import fr.anct.opencollectivites.site.SiteRenderer;
import fr.anct.opencollectivites.site.SiteResource;
import fr.anct.opencollectivites.site.WebResources;

/**
 * The référentiel through the years, on the national files (-Dfixtures.dir=…): the COG of 1 January
 * 2024, derived from COG 2026 by undoing the mouvements since, then COG 2026 and its mouvements, as a
 * user imports every January; and the reverse, refused unless forced.
 */
@Tag("repository")
@Tag("national")
class ReferentielVintagesNationalTest {
    private static final ContentTypeRegistry TYPES = TestLightModule.contentTypes();
    private static final Messages MESSAGES = TestLightModule.messages();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LEVELS = List.of("public-data/insee-cog/v_region_2024.csv",
            "public-data/insee-cog/v_departement_2024.csv", "public-data/insee-cog/v_arrondissement_2024.csv");
    private static final String COG_2026 = "public-data/insee-cog/v_commune_2026.csv";
    private static final String MVT_2026 = "public-data/insee-cog/v_mvt_commune_2026.csv";

    @TempDir
    Path dir;

    private Path cog2024(String name) throws IOException {
        return OlderCog.derive(fixture(COG_2026), fixture(MVT_2026), LocalDate.of(2024, 1, 1), dir.resolve(name));
    }

    private static ImportReport imported(ImportService imports, Path file, ImportOptions options) {
        ImportRun run = imports.importPath(file, ProgressListener.NONE, options);
        assertThat(run.failed()).as(run.summary(MESSAGES)).isFalse();
        assertThat(run.reports()).hasSize(1);
        return run.reports().get(0);
    }

    @Test
    void anOlderCogThenCog2026AndItsMouvementsLeaveExactlyTodaysCommunesThenTheOlderOneIsRefused() throws Exception {
        Assumptions.assumeTrue(fixturesDir().isPresent(), "national fixtures not given (-Dfixtures.dir)");
        Path older = cog2024("v_commune_2024.csv");
        try (OakRepository repository = ImportTestSupport.bootstrapped(OakRepository.inMemory())) {
            ImportService imports = ImportTestSupport.service(repository);
            LEVELS.forEach(file -> imported(imports, fixture(file), ImportOptions.DEFAULT));
            ImportReport first = imported(imports, older, ImportOptions.DEFAULT);
            assertThat(first.vintage()).isEqualTo(2024);
            Map<String, Integer> before = repository.withSystemSession(ReferentielVintagesNationalTest::liveCounts);
            assertThat(before.get("COM")).isGreaterThan(34_875);
            Set<String> olderCom = repository.withSystemSession(s -> liveCodes(s, "COM"));

            ImportReport cog = imported(imports, fixture(COG_2026), ImportOptions.DEFAULT);
            ImportReport mouvements = imported(imports, fixture(MVT_2026), ImportOptions.DEFAULT);
            System.out.print(cog.summary(MESSAGES, 5) + mouvements.summary(MESSAGES, 5));
            assertThat(cog.vintage()).isEqualTo(2026);
            assertThat(cog.retired()).isPositive();
            assertThat(cog.notes()).anySatisfy(note -> assertThat(note).startsWith("Fichier complet : "));
            assertThat(mouvements.vintage()).isEqualTo(2026);

            repository.withSystemSession(session -> {
                assertThat(liveCounts(session)).isEqualTo(Map.of("COM", 34_875, "ARM", 45, "COMD", 2_105, "COMA", 471));
                return null;
            });
            Set<String> retired = new TreeSet<>(olderCom);
            retired.removeAll(repository.withSystemSession(s -> liveCodes(s, "COM")));
            assertThat(retired).contains("01330", "12076").hasSizeGreaterThan(60);

            CommuneResolver resolver = new CommuneResolver(repository, TYPES);
            Map<String, String> successors = new TreeMap<>();
            for (String code : retired) {
                CommuneResolver.ResolvedCommune resolved = resolver.resolve(code).orElseThrow(
                        () -> new AssertionError(code + " does not lead to today's commune"));
                assertThat(resolved.former()).as(code).isTrue();
                successors.put(code, resolved.code());
            }
            assertThat(successors).containsEntry("01330", "01187").containsEntry("12076", "12218");
            repository.withSystemSession(session -> {
                Node record = session.getNode("/collectivites/anciennes-communes/01/01330");
                assertThat(record.getProperty("nom").getString()).isEqualTo("Ruffieu");
                assertThat(record.getProperty("successeur").getString()).isEqualTo("01187");
                assertThat(record.getProperty("dateFin").getDate().get(java.util.Calendar.YEAR)).isEqualTo(2025);
                assertThat(record.getProperty("millesimeCog").getLong()).isEqualTo(2024);
                // the mouvements give anciensCodes to today's commune, never to a stale node
                assertThat(session.getNode("/collectivites/communes/01/01187").getProperty("anciensCodes").getValues())
                        .extracting(javax.jcr.Value::getString).contains("01330");
                return null;
            });

            try (SearchIndex index = new SearchIndex(repository, TYPES).start();
                 PerThreadAnonymousSessions sessions = SessionProvider.anonymousPerThread(repository);
                 TestHttpServer server = server(repository, index, sessions)) {
                SearchService search = new SearchService(index);
                List<SearchHit> conques = search.search("Conques-en-Rouergue", List.of(SearchType.COMMUNE), 10).results();
                assertThat(conques).extracting(SearchHit::code).containsExactly("12218");
                // 01330 is still a commune déléguée of Haut Valromey; the retired commune (COM) is never found
                assertThat(search.search("01330", List.of(SearchType.COMMUNE), 10).results())
                        .extracting(hit -> hit.typecom() + " " + hit.code()).contains("COMD 01330", "COM 01187");
                for (String query : List.of("01330", "12076", "Ruffieu", "Conques", "Haut Valromey")) {
                    assertThat(search.search(query, SearchType.DEFAULT, 50).results())
                            .filteredOn(hit -> "COM".equals(hit.typecom())).extracting(SearchHit::code)
                            .as(query).doesNotContainAnyElementsOf(retired);
                }

                for (Map.Entry<String, String> entry : successors.entrySet()) {
                    HttpResponse<String> v1 = server.get("/.rest/open-collectivites/v1/communes/" + entry.getKey());
                    assertThat(v1.statusCode()).as(entry.getKey()).isEqualTo(301);
                    assertThat(v1.headers().firstValue("Location").orElseThrow())
                            .endsWith("/.rest/open-collectivites/v1/communes/" + entry.getValue());
                }
                HttpResponse<String> fiche = server.get("/.rest/open-collectivites/v1/fiches/commune/01330");
                assertThat(fiche.statusCode()).isEqualTo(301);
                assertThat(fiche.headers().firstValue("Location").orElseThrow())
                        .endsWith("/.rest/open-collectivites/v1/fiches/commune/01187");
                HttpResponse<String> page = server.get("/communes/12076-conques-en-rouergue", "Accept", "text/html");
                assertThat(page.statusCode()).isEqualTo(301);
                assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/communes/12218-conques-en-rouergue");

                assertThat(server.get("/.rest/delivery/communes/01/01330").statusCode()).isEqualTo(404);
                JsonNode ain = JSON.readTree(server.get("/.rest/delivery/communes?departement=01&typecom=COM&limit=1").body());
                JsonNode count = JSON.readTree(server.get("/.rest/open-collectivites/v1/fiches/departement/01").body());
                assertThat(ain.get("total").asInt()).isEqualTo(repository.withSystemSession(s -> liveInDepartement(s, "01")));
                assertThat(count.toString()).doesNotContain("Ruffieu");
                JsonNode former = JSON.readTree(server.get("/.rest/delivery/anciennes-communes/01/01330").body());
                assertThat(former.at("/successeur/code").asText()).isEqualTo("01187");
            }

            // the reverse, on the same référentiel: the older file again, now refused
            refusedThenForced(repository, imports, Files.copy(older, dir.resolve("communes.csv")));
        }
    }

    /**
     * An older COG over COG 2026 is refused and changes nothing, even named without a year (the content,
     * dated by the mouvements, says it is older); {@code --force} applies it; the newer files repair it.
     */
    private static void refusedThenForced(OakRepository repository, ImportService imports, Path older) {
        Map<String, String> dump = ImportTestSupport.dump(repository, "/collectivites");

        ImportRun refused = imports.importPath(older, ProgressListener.NONE);
        assertThat(refused.failed()).isTrue();
        ImportReport report = refused.reports().get(0);
        assertThat(report.rejections()).hasSize(1);
        assertThat(report.rejections().get(0).toString()).isEqualTo("communes.csv : Millésime plus ancien refusé : "
                + "ce fichier est COG communes 2024 (d'après son contenu), le référentiel est déjà au millésime 2026. "
                + "Importer un millésime plus ancien annulerait les changements plus récents ; pour le faire quand même : "
                + "import --force.");
        assertThat(ImportTestSupport.dump(repository, "/collectivites")).isEqualTo(dump);
        assertThat(imports.vintages()).containsEntry("cog-communes", 2026L);

        ImportReport forced = imported(imports, older, new ImportOptions(true, false));
        assertThat(forced.forcedOver()).isEqualTo(2026);
        assertThat(forced.notes()).contains("Millésime 2024 importé avec --force sur un référentiel au millésime 2026 "
                + "(entrée au journal d'audit).");
        assertThat(imports.vintages()).containsEntry("cog-communes", 2024L);
        repository.withSystemSession(session -> {
            assertThat(session.nodeExists("/collectivites/communes/01/01330")).isTrue();
            assertThat(session.nodeExists("/collectivites/anciennes-communes/01/01330")).isFalse();
            assertThat(session.nodeExists("/collectivites/communes/12/12218")).isFalse();
            return null;
        });

        // and the newer files, imported again, repair it
        imported(imports, fixture(COG_2026), ImportOptions.DEFAULT);
        imported(imports, fixture(MVT_2026), ImportOptions.DEFAULT);
        repository.withSystemSession(session -> {
            assertThat(liveCounts(session)).isEqualTo(Map.of("COM", 34_875, "ARM", 45, "COMD", 2_105, "COMA", 471));
            return null;
        });
        assertThat(new CommuneResolver(repository, TYPES).resolve("01330"))
                .hasValueSatisfying(c -> assertThat(c.code()).isEqualTo("01187"));
    }

    private static TestHttpServer server(OakRepository repository, SearchIndex index, PerThreadAnonymousSessions sessions) {
        FicheService fiches = new FicheService(repository, TYPES, MESSAGES);
        SearchService search = new SearchService(index);
        SiteRenderer renderer = new SiteRenderer(TestLightModule.dir(), MESSAGES, new WebResources(TestLightModule.dir()));
        FicheModels models = FicheModels.withoutCatalogue(fiches, TYPES);
        DeliveryService delivery = new DeliveryService(DeliveryEndpoints.load(TestLightModule.dir(), TYPES), TYPES);
        return new TestHttpServer(new CommuneResource(new CommuneResolver(repository, TYPES), MESSAGES),
                new FicheResource(fiches, MESSAGES),
                new SiteResource(renderer, new FicheReader(TYPES), sessions, search, fiches, null, models,
                        java.time.Clock.systemUTC()),
                new DeliveryResource(delivery, SessionProvider.anonymous(repository), MESSAGES));
    }

    static Map<String, Integer> liveCounts(Session session) throws RepositoryException {
        Map<String, Integer> counts = new HashMap<>();
        for (NodeIterator buckets = session.getNode("/collectivites/communes").getNodes(); buckets.hasNext(); ) {
            for (NodeIterator it = buckets.nextNode().getNodes(); it.hasNext(); ) {
                counts.merge(it.nextNode().getProperty("typecom").getString(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static Set<String> liveCodes(Session session, String typecom) throws RepositoryException {
        Set<String> codes = new TreeSet<>();
        for (NodeIterator buckets = session.getNode("/collectivites/communes").getNodes(); buckets.hasNext(); ) {
            for (NodeIterator it = buckets.nextNode().getNodes(); it.hasNext(); ) {
                Node node = it.nextNode();
                if (node.getProperty("typecom").getString().equals(typecom)) {
                    codes.add(node.getProperty("code").getString());
                }
            }
        }
        return codes;
    }

    private static int liveInDepartement(Session session, String departement) throws RepositoryException {
        int count = 0;
        for (NodeIterator it = session.getNode("/collectivites/communes/" + departement).getNodes(); it.hasNext(); ) {
            Node node = it.nextNode();
            count += node.getProperty("typecom").getString().equals("COM") ? 1 : 0;
        }
        return count;
    }
}
