package fr.anct.opencollectivites.finances;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.imports.ImportReport;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * A broken OFGL file fails with its file and line and changes nothing: each case starts from the
 * imported fixtures, imports a broken variant of the communes base and compares every property under
 * /collectivites/finances before and after.
 */
@Tag("repository")
@Tag("http")
class OfglBadInputTest {
    @TempDir
    Path dir;
    private OakRepository repository;
    private ImportService imports;
    private Map<String, String> before;

    @BeforeEach
    void importTheFixtures() {
        repository = ImportTestSupport.bootstrapped(OakRepository.inMemory());
        imports = ImportTestSupport.service(repository);
        assertThat(imports.importPath(ImportTestSupport.resource("ofgl"), ProgressListener.NONE).failed()).isFalse();
        before = ImportTestSupport.dump(repository, "/collectivites/finances");
        assertThat(before).isNotEmpty();
    }

    @AfterEach
    void close() {
        repository.close();
    }

    private static List<String> communes() throws IOException {
        return new ArrayList<>(Files.readAllLines(ImportTestSupport.resource("ofgl/communes.csv"), StandardCharsets.UTF_8));
    }

    /** Line numbers are 1-based, the header being line 1. */
    private static String cell(String line, String column, String header, String value) {
        List<String> names = List.of(header.replace("\uFEFF", "").split(";", -1));
        String[] cells = line.split(";", -1);
        cells[names.indexOf(column)] = value;
        return String.join(";", cells);
    }

    private ImportReport importBroken(String name, List<String> lines) throws IOException {
        Path file = Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
        return imports.importFile(file, "ofgl-communes", ProgressListener.NONE);
    }

    private void assertFailedWithNothingChanged(ImportReport report, String... expectedMessages) {
        assertThat(report.failed()).isTrue();
        assertThat(OfglImportTest.sortDirectories()).as("temporary sort files left").isEmpty();
        if (expectedMessages.length > 0) {
            assertThat(report.rejections()).extracting(Object::toString).contains(expectedMessages);
        }
        assertThat(ImportTestSupport.dump(repository, "/collectivites/finances")).isEqualTo(before);
    }

    @Test
    void aNonNumericMontantNamesItsLine() throws IOException {
        List<String> lines = communes();
        lines.set(6, cell(lines.get(6), "Montant", lines.get(0), "12 345,6"));
        lines.set(9, cell(lines.get(9), "Montant", lines.get(0), "1000"));   // changed but valid: must not be written

        assertFailedWithNothingChanged(importBroken("montant.csv", lines),
                "montant.csv:7: Valeur invalide pour Montant : « 12 345,6 ».");
    }

    @Test
    void aMissingColumnFailsTheFileAtItsHeader() throws IOException {
        List<String> lines = communes();
        List<String> header = List.of(lines.get(0).split(";", -1));
        int montant = header.indexOf("Montant");
        List<String> without = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>(List.of(line.split(";", -1)));
            cells.remove(montant);
            without.add(String.join(";", cells));
        }

        ImportReport report = importBroken("sans-montant.csv", without);

        assertFailedWithNothingChanged(report);
        assertThat(report.rejections()).singleElement().asString()
                .startsWith("sans-montant.csv:1: Colonne(s) manquante(s) : Montant (");
    }

    /** Without its key column, a communes base looks like an EPCI base: it must not be summed into the EPCI. */
    @Test
    void aCommunesBaseWithoutItsCodeColumnIsNotImportedAsAnEpciBase() throws IOException {
        List<String> lines = communes();
        int code = List.of(lines.get(0).split(";", -1)).indexOf("Code Insee 2024 Commune");
        List<String> without = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>(List.of(line.split(";", -1)));
            cells.remove(code);
            without.add(String.join(";", cells));
        }
        Path file = Files.write(dir.resolve("sans-code.csv"), without, StandardCharsets.UTF_8);

        ImportReport report = imports.importPath(file, ProgressListener.NONE).reports().get(0);

        assertThat(report.importer()).isEqualTo("ofgl-epci");
        assertFailedWithNothingChanged(report, "sans-code.csv:2: Catégorie « Commune » : cette ligne n'est pas de la base"
                + " OFGL reconnue (epci) ; la colonne de code de son niveau manque-t-elle ?");
    }

    @Test
    void aLineInAnotherEncodingNamesItsLine() throws IOException {
        List<String> lines = communes();
        int latin1 = 5;
        while (!lines.get(latin1).contains("é")) {
            latin1++;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            bytes.writeBytes((lines.get(i) + "\n").getBytes(i == latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
        }
        Path file = Files.write(dir.resolve("latin1.csv"), bytes.toByteArray());

        ImportReport report = imports.importPath(file, ProgressListener.NONE).reports().get(0);

        assertThat(report.importer()).isEqualTo("ofgl-communes");
        assertFailedWithNothingChanged(report,
                "latin1.csv:" + (latin1 + 1) + ": Le texte n'est pas encodé en UTF-8 (fichier Latin-1 / Windows-1252 ?).");
    }

    @Test
    void aWholeLatin1FileIsStillRecognisedThenRefused() throws IOException {
        String text = String.join("\n", communes()) + "\n";
        Path file = Files.write(dir.resolve("latin1.csv"), text.replace("\uFEFF", "").getBytes(StandardCharsets.ISO_8859_1));

        ImportReport report = imports.importPath(file, ProgressListener.NONE).reports().get(0);

        assertThat(report.importer()).isEqualTo("ofgl-communes");
        assertFailedWithNothingChanged(report,
                "latin1.csv:1: Le texte n'est pas encodé en UTF-8 (fichier Latin-1 / Windows-1252 ?).");
    }

    @Test
    void theSameBudgetTwiceIsADuplicate() throws IOException {
        List<String> lines = communes();
        lines.add(cell(lines.get(3), "Montant", lines.get(0), "1.5"));

        assertFailedWithNothingChanged(importBroken("doublon.csv", lines), "doublon.csv:" + lines.size()
                + ": Doublon : 2A004, exercice 2022, agrégat « Dépenses totales », même budget que ligne 4.");
    }

    @Test
    void aTruncatedRowAndABadCodeAreBothReported() throws IOException {
        List<String> lines = communes();
        lines.set(4, lines.get(4).substring(0, 40));
        lines.set(8, cell(lines.get(8), "Code Insee 2024 Commune", lines.get(0), "1234"));

        ImportReport report = importBroken("tronque.csv", lines);

        assertFailedWithNothingChanged(report, "tronque.csv:9: Code Code Insee 2024 Commune invalide : « 1234 ».");
        assertThat(report.rejections()).extracting(Object::toString)
                .anyMatch(r -> r.startsWith("tronque.csv:5: Ligne tronquée ou mal formée"));
    }
}
