package fr.anct.opencollectivites.collectivites;

import static fr.anct.opencollectivites.TestLightModule.fixture;
import static fr.anct.opencollectivites.TestLightModule.fixturesDir;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.imports.ImportReport;
import fr.anct.opencollectivites.imports.ImportRun;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.repository.OakRepository;

/** The real national files (run with -Dfixtures.dir=…): official totals, then an idempotent re-import. */
@Tag("repository")
@Tag("national")
class NationalReferentielImportTest {

    @Test
    void importsTheNationalReferentielWithItsOfficialTotalsAndReimportsNothing(@TempDir Path dataDir) {
        Assumptions.assumeTrue(fixturesDir().isPresent(), "national fixtures not given (-Dfixtures.dir)");
        List<Path> files = TestLightModule.NATIONAL_FILES.stream().map(TestLightModule::fixture).toList();
        try (OakRepository repository = ImportTestSupport.bootstrapped(OakRepository.embedded(dataDir))) {
            ImportService imports = ImportTestSupport.service(repository);
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            long start = System.nanoTime();
            HeapWatch heap = HeapWatch.start();
            for (Path file : files) {
                ImportRun run = imports.importPath(file, ProgressListener.NONE);
                assertThat(run.failed()).as(run.summary(TestLightModule.messages())).isFalse();
                assertThat(run.reports()).hasSize(1);
                ImportReport report = run.reports().get(0);
                if (report.importer().equals("banatic-siren")) {
                    // BANATIC 2024 names communes merged since in COG 2026: resolved through the mouvements
                    assertThat(report.rejected()).as(report.rejections().toString()).isZero();
                    assertThat(report.notes()).anySatisfy(note -> assertThat(note).matches("\\d+ ligne\\(s\\) nommant l'ancien code.*"));
                }
                System.out.printf("[benchmark] %s (%s): %d ms, %d read, %d created, %d rejected%n",
                        file.getFileName(), report.importer(), report.duration().toMillis(), report.read(),
                        report.created(), report.rejected());
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("[benchmark] national import: %d ms, peak heap used %d MB (max heap %d MB)%n",
                    millis, heap.stop() / (1024 * 1024), runtime.maxMemory() / (1024 * 1024));

            repository.withSystemSession(session -> {
                assertThat(countCommunes(session)).containsEntry("COM", 34_875).containsEntry("ARM", 45)
                        .containsEntry("COMD", 2_105).containsEntry("COMA", 471);
                assertThat(session.getNode("/collectivites/departements").getNodes().getSize()).isEqualTo(101);
                assertThat(session.getNode("/collectivites/regions").getNodes().getSize()).isEqualTo(18);
                Map<String, Integer> natures = new HashMap<>();
                for (NodeIterator it = session.getNode("/collectivites/epci").getNodes(); it.hasNext(); ) {
                    natures.merge(it.nextNode().getProperty("natureJuridique").getString(), 1, Integer::sum);
                }
                assertThat(natures).isEqualTo(Map.of("CC", 989, "CA", 230, "CU", 14, "METRO", 21, "MET69", 1));
                for (String alone : List.of("22016", "29083", "29155", "85113")) {
                    assertThat(commune(session, alone).hasProperty("epci")).as(alone).isFalse();
                }
                Node paris = commune(session, "75056");
                assertThat(paris.getProperty("population").getLong()).isEqualTo(2_103_778);
                long armSum = 0;
                int arms = 0;
                for (NodeIterator it = session.getNode("/collectivites/communes/75").getNodes(); it.hasNext(); ) {
                    Node node = it.nextNode();
                    if (node.getProperty("typecom").getString().equals("ARM")
                            && node.getProperty("communeParente").getString().equals("75056")) {
                        arms++;
                        armSum += node.getProperty("population").getLong();
                    }
                }
                assertThat(arms).isEqualTo(20);
                assertThat(armSum).isEqualTo(2_103_778);
                assertThat(commune(session, "75056").hasProperty("epci")).isTrue();
                assertThat(commune(session, "01001").getProperty("siren").getString()).isEqualTo("210100012");
                assertThat(commune(session, "28274").getProperty("anciensNoms").getValues()[0].getString())
                        .isEqualTo("Moutiers");
                return null;
            });
            CommuneResolver resolver = new CommuneResolver(repository, TestLightModule.contentTypes());
            assertThat(resolver.resolve("17352")).hasValueSatisfying(c -> assertThat(c.code()).isEqualTo("17457"));

            Map<String, String> before = ImportTestSupport.dump(repository, "/collectivites");
            long again = System.nanoTime();
            for (Path file : files) {
                ImportReport report = imports.importPath(file, ProgressListener.NONE).reports().get(0);
                assertThat(report.created() + report.updated() + report.removed()).as(report.importer()).isZero();
                assertThat(report.saved()).as(report.importer()).isFalse();
            }
            System.out.printf("[benchmark] national re-import (unchanged): %d ms%n", (System.nanoTime() - again) / 1_000_000);
            assertThat(ImportTestSupport.dump(repository, "/collectivites")).isEqualTo(before);
        }
    }

    @Test
    void importingTheWholePublicDataFolderDoesNotFail(@TempDir Path dataDir) {
        Assumptions.assumeTrue(fixturesDir().isPresent(), "national fixtures not given (-Dfixtures.dir)");
        Path folder = fixture("public-data");
        try (OakRepository repository = ImportTestSupport.bootstrapped(OakRepository.embedded(dataDir))) {
            long start = System.nanoTime();
            ImportRun run = ImportTestSupport.service(repository).importPath(folder, ProgressListener.NONE);
            System.out.printf("[benchmark] whole public-data folder: %d ms%n", (System.nanoTime() - start) / 1_000_000);
            System.out.print(run.summary(TestLightModule.messages()));
            assertThat(run.failed()).isFalse();
            assertThat(run.unrecognised()).extracting(p -> p.getFileName().toString()).contains(
                    "insee_intercommunalite_metropole_2023_SLICE.xlsx",
                    "insee_table_appartenance_geo_communes_2021_SLICE.xlsx", "SOURCES.md");
            assertThat(run.reports()).extracting(r -> r.file().getFileName().toString()).contains(
                    "v_commune_2026.csv", "dgcl_epcicom2025.xlsx", "banatic_table_siren_insee_2024.xlsx",
                    "ofgl-base-communes-consolidee.test.csv", "ofgl-base-departement.test.csv",
                    "ofgl-base-epci.test.csv", "api-lannuaire_records_mairies.json");
            repository.withSystemSession(session -> {
                assertThat(countCommunes(session)).containsEntry("COM", 34_875);
                return null;
            });
        }
    }

    private static Node commune(Session session, String code) throws RepositoryException {
        return session.getNode("/collectivites/communes/" + Codes.bucket(code) + "/" + code);
    }

    private static Map<String, Integer> countCommunes(Session session) throws RepositoryException {
        Map<String, Integer> counts = new HashMap<>();
        for (NodeIterator buckets = session.getNode("/collectivites/communes").getNodes(); buckets.hasNext(); ) {
            for (NodeIterator it = buckets.nextNode().getNodes(); it.hasNext(); ) {
                counts.merge(it.nextNode().getProperty("typecom").getString(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Samples the used heap in the background: the peak is what an import needs. */
    private static final class HeapWatch {
        private volatile boolean running = true;
        private volatile long peak;
        private final Thread thread;

        private HeapWatch() {
            thread = new Thread(() -> {
                Runtime runtime = Runtime.getRuntime();
                while (running) {
                    peak = Math.max(peak, runtime.totalMemory() - runtime.freeMemory());
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            thread.setDaemon(true);
        }

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            watch.thread.start();
            return watch;
        }

        long stop() {
            running = false;
            return peak;
        }
    }
}
