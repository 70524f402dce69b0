package fr.anct.opencollectivites.fiches;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.imports.ImportReport;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.search.SearchHit;
import fr.anct.opencollectivites.search.SearchIndex;
import fr.anct.opencollectivites.search.SearchService;

/**
 * La Poste's base officielle des codes postaux (a small file in its documented format) on the test
 * référentiel: recognised by its header, postal codes on the communes' fiches, found by the search.
 */
@Tag("repository")
class CodesPostauxTest {
    private static final String HEADER = "#Code_commune_INSEE;Nom_de_la_commune;Code_postal;Libellé_d_acheminement;Ligne_5\n";

    @TempDir
    static Path tempDir;
    private static OakRepository repository;
    private static ImportService imports;
    private static ImportReport report;

    @BeforeAll
    static void importThePostalCodes() throws IOException {
        repository = FicheTestData.referentiel(tempDir);
        imports = ImportTestSupport.service(repository);
        report = importFile("base-codes-postaux.csv", HEADER
                + "01001;L ABERGEMENT CLEMENCIAT;01400;L ABERGEMENT CLEMENCIAT;\n"
                + "2A004;AJACCIO;20090;AJACCIO;\n"
                + "2A004;AJACCIO;20000;AJACCIO;\n"
                + "2A004;AJACCIO;20167;AJACCIO;MEZZAVIA\n"
                + "75101;PARIS 01;75001;PARIS;\n"
                + "75120;PARIS 20;75020;PARIS;\n"
                + "17457;LA DEVISE;17700;LA DEVISE;\n"
                + "17352;ST LAURENT DE LA BARRIERE;17380;ST LAURENT DE LA BARRIERE;\n"
                + "99138;MONACO;98000;MONACO;\n");
    }

    @AfterAll
    static void close() {
        if (repository != null) {
            repository.close();
        }
    }

    private static ImportReport importFile(String name, String content) throws IOException {
        Path file = Files.createDirectories(tempDir.resolve("laposte-" + System.nanoTime())).resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return imports.importPath(file, ProgressListener.NONE).reports().get(0);
    }

    private static List<String> codesPostaux(String commune) {
        FicheLookup lookup = new FicheService(repository, TestLightModule.contentTypes(), TestLightModule.messages())
                .find(FicheType.COMMUNE, commune);
        assertThat(lookup).as(commune).isInstanceOf(FicheLookup.Found.class);
        return ((FicheLookup.Found) lookup).fiche().identite().codesPostaux();
    }

    @Test
    void theFileIsRecognisedByItsHeaderAndEachCommuneGetsItsSortedCodes() {
        assertThat(report.importer()).isEqualTo("laposte-codes-postaux");
        assertThat(TestLightModule.messages().get("imports.importer.laposte-codes-postaux")).isEqualTo("codes postaux (La Poste)");
        assertThat(report.failed()).as(report.rejections().toString()).isFalse();
        assertThat(codesPostaux("2A004")).containsExactly("20000", "20090", "20167");
        assertThat(codesPostaux("75101")).containsExactly("75001");
        // the row of Saint-Laurent-de-la-Barrière, merged into La Devise, gives its code to today's commune
        assertThat(codesPostaux("17457")).containsExactly("17380", "17700");
        assertThat(report.notes()).anySatisfy(note -> assertThat(note).startsWith("1 ligne(s) nommant l'ancien code"))
                .anySatisfy(note -> assertThat(note).startsWith("1 code(s) de commune inconnu(s) du référentiel")
                        .contains("99138"));
    }

    @Test
    void aPostalCodeFindsItsCommuneFirst() {
        SearchIndex index = new SearchIndex(repository, TestLightModule.contentTypes()).start();
        try {
            SearchService search = new SearchService(index);
            List<SearchHit> paris1 = search.search("75001", Set.of(), 10).results();
            assertThat(paris1).isNotEmpty();
            assertThat(paris1.get(0).code()).isEqualTo("75101");
            assertThat(search.search("20090", Set.of(), 10).results()).extracting(SearchHit::code).first().isEqualTo("2A004");
            assertThat(search.page("17380", 1, 20).hits()).extracting(SearchHit::code).containsExactly("17457");
        } finally {
            index.close();
        }
    }

    @Test
    void aWrongPostalCodeIsRefusedWithItsLineAndNothingChanges() throws IOException {
        ImportReport bad = importFile("codes-postaux-errone.csv", HEADER
                + "2A004;AJACCIO;20000;AJACCIO;\n"
                + "2A004;AJACCIO;2009;AJACCIO;\n");
        assertThat(bad.failed()).isTrue();
        assertThat(bad.rejections().toString()).contains("codes-postaux-errone.csv:3")
                .contains("Valeur invalide pour Code_postal : « 2009 »");
        assertThat(codesPostaux("2A004")).containsExactly("20000", "20090", "20167");
    }

    @Test
    void anOlderEditionInLatin1IsReadToo() throws IOException {
        Path file = Files.createDirectories(tempDir.resolve("latin1")).resolve("laposte_hexasmal.csv");
        Files.writeString(file, HEADER + "28274;MOUTIERS;28150;MOUTIERS;\n"
                + "59545;ST SOUPLET;59360;ST SOUPLET;\n", StandardCharsets.ISO_8859_1); // the header's é is not UTF-8
        ImportReport latin1 = imports.importPath(file, ProgressListener.NONE).reports().get(0);
        assertThat(latin1.importer()).isEqualTo("laposte-codes-postaux");
        assertThat(latin1.failed()).as(latin1.rejections().toString()).isFalse();
        assertThat(codesPostaux("28274")).containsExactly("28150");
        assertThat(codesPostaux("59545")).containsExactly("59360");
    }

    @Test
    void theBaseAdresseNationaleCompilationIsRecognisedToo() throws IOException {
        ImportReport ban = importFile("codes-postaux.json", "[{\"codePostal\":\"75020\",\"codeCommune\":\"75120\","
                + "\"nomCommune\":\"Paris 20e Arrondissement\",\"libelleAcheminement\":\"PARIS\"}]");
        assertThat(ban.importer()).isEqualTo("ban-codes-postaux");
        assertThat(TestLightModule.messages().get("imports.importer.ban-codes-postaux")).startsWith("codes postaux (La Poste, ");
        assertThat(ban.failed()).as(ban.rejections().toString()).isFalse();
        assertThat(codesPostaux("75120")).containsExactly("75020");
    }
}
