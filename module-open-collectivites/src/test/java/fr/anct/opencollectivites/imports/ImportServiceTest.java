package fr.anct.opencollectivites.imports;

import static fr.anct.opencollectivites.imports.ImportTestSupport.cells;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import javax.jcr.Node;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * Bad input never changes the repository: each case starts from an imported référentiel, imports a
 * broken file and compares every property under /collectivites before and after.
 */
@Tag("repository")
class ImportServiceTest {
    @TempDir
    Path dir;
    private OakRepository repository;
    private ImportService imports;
    private Map<String, String> before;

    @BeforeEach
    void importAValidReferentiel() {
        repository = ImportTestSupport.bootstrapped(OakRepository.inMemory());
        imports = ImportTestSupport.service(repository);
        assertThat(imports.importPath(ImportTestSupport.resource("cog"), ProgressListener.NONE).failed()).isFalse();
        before = ImportTestSupport.dump(repository, "/collectivites");
    }

    @AfterEach
    void close() {
        repository.close();
    }

    private List<String> communesLines() throws IOException {
        return new ArrayList<>(Files.readAllLines(ImportTestSupport.resource("cog/communes.csv")));
    }

    /** A variant of the communes fixture, CRLF like INSEE's files, with one line changed. */
    private Path communesWith(int lineNumber, String replacement) throws IOException {
        List<String> lines = communesLines();
        lines.set(lineNumber - 1, replacement);
        return write("communes.csv", lines);
    }

    private Path write(String name, List<String> lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        return file;
    }

    private ImportReport assertFailsUntouched(ImportReport report, long line, String reasonPart) {
        assertThat(report.failed()).isTrue();
        assertThat(report.saved()).isFalse();
        assertThat(report.created() + report.updated() + report.removed()).isZero();
        assertThat(report.rejections()).isNotEmpty();
        assertThat(report.rejections()).anySatisfy(r -> {
            assertThat(r.line()).isEqualTo(line);
            assertThat(r.reason()).contains(reasonPart);
            assertThat(r.toString()).startsWith(r.file() + ":" + line + ": ");
        });
        assertThat(ImportTestSupport.dump(repository, "/collectivites")).isEqualTo(before);
        return report;
    }

    @Test
    void aTruncatedRowFailsTheWholeFileWithItsLine() throws IOException {
        List<String> lines = communesLines();
        // a valid change earlier in the file must not be written either
        lines.set(1, lines.get(1).replace("L'Abergement-Clémenciat", "Nom modifié"));
        String last = lines.get(lines.size() - 1);
        lines.set(lines.size() - 1, last.substring(0, last.indexOf(",976R")));
        Path file = write("communes.csv", lines);
        ImportReport report = imports.importPath(file, ProgressListener.NONE).reports().get(0);
        assertFailsUntouched(report, 18, "4 colonne(s) au lieu de 12");
        assertThat(report.rejections().get(0).toString()).isEqualTo(
                "communes.csv:18: Ligne tronquée ou mal formée : 4 colonne(s) au lieu de 12.");
    }

    @Test
    void aWrongDelimiterIsRecognisedThenRefused() throws IOException {
        List<String> lines = communesLines().stream().map(l -> l.replace(',', ';')).toList();
        Path file = write("communes.csv", lines);
        ImportRun run = imports.importPath(file, ProgressListener.NONE);
        assertThat(run.unrecognised()).isEmpty();
        assertThat(run.failed()).isTrue();
        assertFailsUntouched(run.reports().get(0), 1, "Mauvais séparateur de colonnes : « ; » au lieu de « , »");
    }

    @Test
    void latin1InsteadOfUtf8FailsAtTheFirstAccentedLine() throws IOException {
        List<String> lines = communesLines();
        lines.set(1, lines.get(1).replace("Clémenciat", "Clemenciat"));
        Path file = dir.resolve("communes.csv");
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.ISO_8859_1);
        ImportReport report = imports.importPath(file, ProgressListener.NONE).reports().get(0);
        // line 5 is the first with a non-ASCII character: Béon
        assertFailsUntouched(report, 5, "UTF-8");
    }

    @Test
    void aMissingColumnIsNamed() throws IOException {
        List<String> lines = communesLines().stream()
                .map(l -> l.substring(0, l.lastIndexOf(',', l.lastIndexOf(',') - 1)) + l.substring(l.lastIndexOf(',')))
                .toList();
        Path file = write("communes.csv", lines);
        ImportReport report = imports.importFile(file, "cog-communes", ProgressListener.NONE);
        assertFailsUntouched(report, 1, "Colonne(s) manquante(s) : CAN");
    }

    @Test
    void anInvalidCodeFailsTheFile() throws IOException {
        Path file = communesWith(3, "COM,1015,84,01,01D,011,1,ARBOYS EN BUGEY,Arboys en Bugey,Arboys en Bugey,0104,");
        assertFailsUntouched(imports.importPath(file, ProgressListener.NONE).reports().get(0), 3,
                "Code COM invalide : « 1015 »");
    }

    @Test
    void anXlsxWithoutTheExpectedSheetNamesTheSheetsItHas() throws IOException {
        Path file = ImportTestSupport.xlsx(dir.resolve("epcicom.xlsx"), "Notes",
                List.of(cells("commentaire"), cells("rien ici")));
        ImportReport report = imports.importFile(file, "dgcl-epcicom", ProgressListener.NONE);
        assertFailsUntouched(report, 1, "feuilles présentes : Notes");
    }

    @Test
    void anXlsxRowWithAnInvalidSirenNamesTheSheetAndRow() throws IOException {
        Path file = ImportTestSupport.xlsx(dir.resolve("epcicom.xlsx"), "Epcicom2025", List.of(
                ImportTestSupport.epcicomHeader(2025),
                cells("01", 200040350, "CC Bugey Sud", "CC", "FPU", 1, 10, 10, "01", "01015", 210100152, "A", 1, 1),
                cells("01", 12345, "CC Bugey Sud", "CC", "FPU", 1, 10, 10, "01", "01015", 210100152, "A", 1, 1)));
        ImportReport report = imports.importPath(file, ProgressListener.NONE).reports().get(0);
        assertFailsUntouched(report, 3, "Code siren invalide : « 12345 »");
        assertThat(report.rejections().get(0).file()).isEqualTo("epcicom.xlsx [Epcicom2025]");
    }

    @Test
    void anEmptyFileIsUnrecognisedInAFolderAndFailsWhenImportedExplicitly() throws IOException {
        Path file = Files.createFile(dir.resolve("vide.csv"));
        ImportRun run = imports.importPath(dir, ProgressListener.NONE);
        assertThat(run.unrecognised()).containsExactly(file);
        assertThat(run.failed()).isFalse();
        assertFailsUntouched(imports.importFile(file, "cog-communes", ProgressListener.NONE), 1, "vide");
    }

    @Test
    void largeGarbageFailsWithinItsFirstKilobytes() throws IOException {
        Path file = dir.resolve("garbage.csv");
        byte[] block = new byte[1 << 20];
        Random random = new Random(42);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < 50; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        AtomicLong bytesRead = new AtomicLong();
        ProgressListener counting = new ProgressListener() {
            @Override
            public void start(Path f, long totalUnits) {
            }

            @Override
            public void advance(long units) {
                bytesRead.addAndGet(units);
            }

            @Override
            public void finish() {
            }
        };
        ImportRun run = imports.importPath(file, counting);
        // named alone and not recognised: the run fails, saying why
        assertThat(run.failed()).isTrue();
        assertThat(run.reports().get(0).importer()).isNull();
        assertThat(run.reports().get(0).rejections().get(0).reason()).contains("contenu binaire");

        long start = System.nanoTime();
        ImportReport report = imports.importFile(file, "cog-communes", counting);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertFailsUntouched(report, 1, "binaire");
        assertThat(bytesRead.get()).isLessThan(64 * 1024);
    }

    @Test
    void textGarbageStopsAfterAHundredErrors() throws IOException {
        List<String> lines = new ArrayList<>(List.of(communesLines().get(0)));
        for (int i = 0; i < 10_000; i++) {
            lines.add("n'importe quoi " + i);
        }
        ImportReport report = imports.importFile(write("communes.csv", lines), "cog-communes", ProgressListener.NONE);
        assertFailsUntouched(report, 2, "1 colonne(s) au lieu de 12");
        assertThat(report.rejections()).hasSize(FileProblems.MAX_ERRORS);
    }

    @Test
    void aBomIsTolerated() throws IOException {
        Path file = dir.resolve("regions.csv");
        byte[] body = Files.readAllBytes(ImportTestSupport.resource("cog/regions.csv"));
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            out.write(body);
        }
        ImportRun run = imports.importPath(file, ProgressListener.NONE);
        assertThat(run.reports()).singleElement().satisfies(r -> {
            assertThat(r.importer()).isEqualTo("cog-regions");
            assertThat(r.failed()).isFalse();
            assertThat(r.unchanged()).isEqualTo(9);
        });
    }

    @Test
    void everyRunIsRecordedInTheHistoryAndSummarisedInFrench() throws IOException {
        Path file = communesWith(3, "COM,1015,84,01,01D,011,1,ARBOYS EN BUGEY,Arboys en Bugey,Arboys en Bugey,0104,");
        ImportRun run = imports.importPath(file, ProgressListener.NONE);
        String summary = run.summary(TestLightModule.messages());
        assertThat(summary).contains("ÉCHEC — communes.csv (COG communes)", "communes.csv:3: Code COM invalide",
                "Import terminé avec des erreurs");
        repository.withSystemSession(session -> {
            ImportHistory history = new ImportHistory();
            List<String> runs = history.runs(session);
            assertThat(runs).hasSizeGreaterThanOrEqualTo(2);
            Node latest = session.getNode(runs.get(0) + "/file0");
            assertThat(latest.getProperty("status").getString()).isEqualTo("FAILED");
            assertThat(latest.getProperty("importer").getString()).isEqualTo("cog-communes");
            assertThat(latest.getProperty("rejections").getValues()[0].getString())
                    .startsWith("communes.csv:3: ");
            return null;
        });
        repository.withAnonymousSession(session -> {
            assertThat(session.nodeExists(ImportHistory.ROOT)).isFalse();
            return null;
        });
    }
}
