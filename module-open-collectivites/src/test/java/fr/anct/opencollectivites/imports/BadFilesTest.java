package fr.anct.opencollectivites.imports;

import static fr.anct.opencollectivites.imports.ImportTestSupport.cells;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * Every bad file a user may hand to {@code import} gets one French message naming the file (and the
 * line or column), fails the run, and writes nothing: empty, 0-byte or random "XLSX", unreadable,
 * duplicated header column, cut last line (CSV, JSON, XLSX). A {@code .gz} file is read decompressed.
 */
@Tag("repository")
class BadFilesTest {
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

    /** The run failed with exactly one French message, which it returns; nothing was written. */
    private String oneMessage(Path file) {
        ImportRun run = imports.importPath(file, ProgressListener.NONE);
        assertThat(run.failed()).as(run.summary(TestLightModule.messages())).isTrue();
        assertThat(run.reports()).hasSize(1);
        ImportReport report = run.reports().get(0);
        assertThat(report.rejections()).as(report.rejections().toString()).hasSize(1);
        String message = report.rejections().get(0).toString();
        assertThat(message).startsWith(file.getFileName().toString()).doesNotContain("Exception", "java.", "\tat ");
        assertThat(run.summary(TestLightModule.messages())).contains("ÉCHEC — " + file.getFileName());
        assertThat(ImportTestSupport.dump(repository, "/collectivites")).isEqualTo(before);
        return message;
    }

    private Path lines(String name, String resource, java.util.function.UnaryOperator<List<String>> change) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(ImportTestSupport.resource(resource), StandardCharsets.UTF_8));
        return Files.writeString(dir.resolve(name), String.join("\r\n", change.apply(lines)) + "\r\n", StandardCharsets.UTF_8);
    }

    @Test
    void anEmptyFile() throws IOException {
        assertThat(oneMessage(Files.createFile(dir.resolve("v_commune_2026.csv"))))
                .isEqualTo("v_commune_2026.csv : le fichier est vide (0 octet)");
    }

    @Test
    void aZeroByteWorkbook() throws IOException {
        assertThat(oneMessage(Files.createFile(dir.resolve("epcicom.xlsx"))))
                .isEqualTo("epcicom.xlsx : le fichier est vide (0 octet)");
    }

    @Test
    void randomBytesNamedXlsx() throws IOException {
        byte[] bytes = new byte[20_000];
        new Random(7).nextBytes(bytes);
        assertThat(oneMessage(Files.write(dir.resolve("epcicom.xlsx"), bytes)))
                .isEqualTo("epcicom.xlsx : format non pris en charge : contenu binaire (ni CSV, ni XLSX, ni JSON ; "
                        + "une archive autre que .gz ?)");
    }

    @Test
    void aCorruptWorkbook() throws IOException {
        byte[] workbook = Files.readAllBytes(ImportTestSupport.xlsx(dir.resolve("ok.xlsx"), "Epcicom2025",
                List.of(ImportTestSupport.epcicomHeader(2025))));
        Path cut = Files.write(dir.resolve("epcicom.xlsx"), Arrays.copyOf(workbook, workbook.length / 2));
        assertThat(oneMessage(cut)).isEqualTo("epcicom.xlsx : classeur XLSX illisible ou corrompu (archive ZIP invalide)");
    }

    @Test
    void anUnreadableFile() throws IOException {
        Path file = lines("v_commune_2026.csv", "cog/communes.csv", l -> l);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(file), "run as root: every file is readable");
        assertThat(oneMessage(file))
                .isEqualTo("v_commune_2026.csv : lecture refusée : vérifier les droits du fichier (permission refusée)");
    }

    @Test
    void aDuplicatedHeaderColumnIsNamed() throws IOException {
        Path file = lines("v_commune_2026.csv", "cog/communes.csv", l -> {
            l.replaceAll(line -> line + ",X");
            l.set(0, l.get(0).replace(",X", ",LIBELLE"));
            return l;
        });
        assertThat(oneMessage(file)).isEqualTo(
                "v_commune_2026.csv:1: Colonne en double dans l'en-tête : « LIBELLE » (colonnes 10 et 13).");
    }

    @Test
    void aDuplicatedColumnInAWorkbookIsNamed() throws IOException {
        List<Object> header = new ArrayList<>(ImportTestSupport.epcicomHeader(2025));
        header.add("siren");
        Path file = ImportTestSupport.xlsx(dir.resolve("epcicom.xlsx"), "Epcicom2025", List.of(header,
                cells("01", 200040350, "CC Bugey Sud", "CC", "FPU", 1, 10, 10, "01", "01015", 210100152, "A", 1, 1, 1)));
        assertThat(oneMessage(file)).isEqualTo(
                "epcicom.xlsx [Epcicom2025]:1: Colonne en double dans l'en-tête : « siren » (colonnes 2 et 15).");
    }

    @Test
    void aCutLastLineOfACsvFile() throws IOException {
        Path file = lines("v_commune_2026.csv", "cog/communes.csv", l -> {
            String last = l.remove(l.size() - 1);
            l.add(last.substring(0, last.length() / 2));
            return l;
        });
        Files.writeString(file, Files.readString(file).stripTrailing());
        assertThat(oneMessage(file)).isEqualTo(
                "v_commune_2026.csv:18: Ligne tronquée ou mal formée : 8 colonne(s) au lieu de 12.");
    }

    @Test
    void aCutLastLineInsideAQuotedField() throws IOException {
        Path file = lines("v_commune_2026.csv", "cog/communes.csv", l -> {
            l.set(l.size() - 1, "COM,97611,06,976,976R,,0,MAMOUDZOU,\"Mamoud");
            return l;
        });
        Files.writeString(file, Files.readString(file).stripTrailing());
        assertThat(oneMessage(file)).isEqualTo("v_commune_2026.csv:18: Champ entre guillemets jamais refermé : "
                + "le fichier est coupé ou un guillemet manque.");
    }

    @Test
    void aCutJsonFile() throws IOException {
        String json = Files.readString(ImportTestSupport.resource("annuaire/mairies-records.json"));
        Path file = Files.writeString(dir.resolve("mairies.json"), json.substring(0, json.length() - 40));
        assertThat(oneMessage(file)).startsWith("mairies.json:");
    }

    @Test
    void aGzipFileIsReadDecompressedAndACorruptOneRefused() throws IOException {
        Path gz = dir.resolve("regions.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(ImportTestSupport.resource("cog/regions.csv")));
        }
        ImportRun run = imports.importPath(gz, ProgressListener.NONE);
        assertThat(run.failed()).isFalse();
        assertThat(run.reports()).singleElement().satisfies(r -> {
            assertThat(r.importer()).isEqualTo("cog-regions");
            assertThat(r.file()).isEqualTo(gz);
            assertThat(r.unchanged()).isEqualTo(9);
        });
        byte[] bytes = Files.readAllBytes(gz);
        Path cut = Files.write(dir.resolve("v_commune_2026.csv.gz"), Arrays.copyOf(bytes, bytes.length - 20));
        assertThat(oneMessage(cut)).isEqualTo("v_commune_2026.csv.gz : archive .gz corrompue ou tronquée");
    }

    @Test
    void aFolderFailsWhenOneRecognisedFileFailsAndListsTheOthersWithWhy() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("lot"));
        lines("lot/regions.csv", "cog/regions.csv", l -> l);
        lines("lot/v_commune_2026.csv", "cog/communes.csv", l -> {
            l.set(3, "COM,1015,84,01,01D,011,1,ARBOYS EN BUGEY,Arboys en Bugey,Arboys en Bugey,0104,");
            return l;
        });
        Files.writeString(folder.resolve("notes.txt"), "à lire\n");
        Files.createFile(folder.resolve("vide.xlsx"));
        ImportRun run = imports.importPath(folder, ProgressListener.NONE);
        assertThat(run.failed()).isTrue();
        assertThat(run.reports()).extracting(ImportReport::importer).containsExactly("cog-regions", "cog-communes");
        String summary = run.summary(TestLightModule.messages());
        assertThat(summary).contains("Fichier non reconnu, ignoré : " + folder.resolve("notes.txt") + " (en-tête inconnu : « à lire »)",
                "Fichier non reconnu, ignoré : " + folder.resolve("vide.xlsx") + " (le fichier est vide (0 octet))",
                "Import terminé avec des erreurs : 1 fichier(s) importé(s), 1 en échec, 2 non reconnu(s)");
    }
}
