package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.imports.ImportOptions;
import fr.anct.opencollectivites.security.AuditLog;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.search.SearchIndex;
import picocli.CommandLine;

/**
 * The {@code import} command as a user runs it, in process on a data directory: its exit code, its
 * French output, the vintage refusal and {@code --force} (audited), {@code --history}, and the search
 * index it leaves current for the next {@code serve}.
 */
@Tag("repository")
class ImportCommandTest {
    private static final List<String> COG = List.of("v_region_demo.csv", "v_departement_demo.csv",
            "v_arrondissement_demo.csv", "v_commune_demo.csv", "v_mvt_commune_demo.csv");

    @TempDir
    Path dir;

    private PlatformConfig config() {
        return PlatformConfig.load(Optional.empty(), Map.of("OC_DATA_DIR", dir.resolve("data").toString()));
    }

    private Path demo(String name, Path target) throws IOException {
        try (InputStream in = ImportCommandTest.class.getResourceAsStream("/demo/" + name)) {
            Files.createDirectories(target.getParent());
            Files.copy(in, target);
        }
        return target;
    }

    private record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Result run(Path path, ImportOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ImportCommand.run(config(), path, options, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void exitCodesFrenchMessagesVintagesForceHistoryAndACurrentSearchIndex() throws Exception {
        Path cog = dir.resolve("cog");
        for (String name : COG) {
            demo(name, cog.resolve(name));
        }
        Result first = run(cog, ImportOptions.DEFAULT);
        assertThat(first.exit()).as(first.all()).isZero();
        assertThat(first.out()).contains("OK — v_commune_demo.csv (COG communes)",
                "Import terminé : 5 fichier(s) importé(s), 0 non reconnu(s)", "Index de recherche mis à jour : ");
        try (OakRepository repository = OakRepository.embedded(dir.resolve("data"));
             SearchIndex index = new SearchIndex(repository, contentTypes(), dir.resolve("data/search-index"),
                     SearchIndex.DEFAULT_DEBOUNCE)) {
            assertThat(index.isCurrent()).isTrue();
            assertThat(index.size()).isPositive();
        }

        Result empty = run(Files.createFile(dir.resolve("vide.csv")), ImportOptions.DEFAULT);
        assertThat(empty.exit()).isEqualTo(1);
        assertThat(empty.out()).contains("ÉCHEC — vide.csv (fichier non reconnu)", "vide.csv : le fichier est vide (0 octet)")
                .doesNotContain("Exception", "\tat ");
        Result missing = run(dir.resolve("absent.csv"), ImportOptions.DEFAULT);
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("n'existe pas");
        Result unknown = run(Files.writeString(dir.resolve("notes.csv"), "a,b\n1,2\n"), ImportOptions.DEFAULT);
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.out()).contains("notes.csv : en-tête inconnu : « a,b »");

        Path newer = demo("v_commune_demo.csv", dir.resolve("y2027/v_commune_2027.csv"));
        assertThat(run(newer, ImportOptions.DEFAULT).exit()).isZero();
        Path older = demo("v_commune_demo.csv", dir.resolve("y2025/v_commune_2025.csv"));
        Result refused = run(older, ImportOptions.DEFAULT);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).contains("v_commune_2025.csv : Millésime plus ancien refusé : ce fichier est COG communes "
                + "2025 (d'après son nom), le référentiel est déjà au millésime 2027.", "import --force");
        Result forced = run(older, new ImportOptions(true, false));
        assertThat(forced.exit()).as(forced.all()).isZero();
        assertThat(forced.out()).contains("Millésime 2025 importé avec --force sur un référentiel au millésime 2027");
        try (OakRepository repository = OakRepository.embedded(dir.resolve("data"))) {
            List<AuditLog.Entry> audit = repository.withSystemSession(
                    session -> new AuditLog(repository, java.time.Clock.systemUTC()).latest(session, 5));
            assertThat(audit).anySatisfy(entry -> {
                assertThat(entry.action()).isEqualTo("import.force");
                assertThat(entry.who()).startsWith("cli:");
                assertThat(entry.target()).endsWith("v_commune_2025.csv");
                assertThat(entry.detail()).isEqualTo("cog-communes 2025 sur 2027");
            });
        }

        // the command line itself: import --history through picocli
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new Main()).execute("import", "--history", "--limit", "3",
                    "--data-dir", dir.resolve("data").toString());
        } finally {
            System.setOut(previous);
        }
        String history = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(history).contains("Import du ", "(--force)", "OK — " + older.toAbsolutePath(),
                "ÉCHEC — " + older.toAbsolutePath() + " (COG communes 2025) : rien n'a été écrit",
                "Millésime plus ancien refusé");
        assertThat(history.split("\nImport du ")).hasSize(3);
    }

    private static ContentTypeRegistry contentTypes() {
        return ContentTypeRegistry.load(LightModuleLocator.locate(Optional.empty()));
    }
}
