package fr.anct.opencollectivites.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.imports.ImportHistory;
import fr.anct.opencollectivites.imports.ImportHistoryText;
import fr.anct.opencollectivites.imports.ImportRun;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.security.Role;

/**
 * The import history, read as its three readers do, over real HTTP on a real repository: the command
 * line's text, the administration page {@code /auteur/admin/imports} and the authoring API
 * {@code /.rest/authoring/v1/imports}; every run with its counts, notes and rejected rows, for
 * administrators only.
 */
@Tag("http")
class ImportHistoryReadingTest {
    private static final String POPULATIONS_HEADER = "REG;Région;DEP;CODARR;CODCAN;CODCOM;COM;Commune;PMUN;PCAP;PTOT";
    private static final String REJECTED = "Commune 42999 inconnue du référentiel";

    @RegisterExtension
    final AuthoringUiPlatform platform = new AuthoringUiPlatform().user("marie", Role.ADMINISTRATOR)
            .user("claire", Role.EDITOR);
    private final AuthoringFixture fixture = platform.fixture;
    private final UiClient ui = platform.ui;
    @TempDir
    Path dir;

    /** A folder with a populations file (one row for a commune the référentiel lacks) and a stray file. */
    private ImportRun importWithARejectedRowAndAStrayFile() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("livraison"));
        Files.writeString(folder.resolve("donnees_communes.csv"), String.join("\n", POPULATIONS_HEADER,
                "84;Auvergne-Rhône-Alpes;42;1;99;218;42218;Saint-Étienne;172000;2000;174000",
                "84;Auvergne-Rhône-Alpes;42;1;99;999;42999;Inconnue;10;0;10") + "\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("lisez-moi.txt"), "livraison de janvier\n", StandardCharsets.UTF_8);
        ImportRun run = ImportTestSupport.service(fixture.repository).importPath(folder, ProgressListener.NONE);
        assertThat(run.failed()).isFalse();
        return run;
    }

    /** A file with a duplicated header column: it fails, nothing written. */
    private ImportRun importAFailingFile() throws IOException {
        Path file = Files.writeString(dir.resolve("donnees_communes_2.csv"), POPULATIONS_HEADER + ";PTOT\n"
                + "84;Auvergne-Rhône-Alpes;42;1;99;218;42218;Saint-Étienne;172000;2000;174000;174000\n");
        ImportRun run = ImportTestSupport.service(fixture.repository).importPath(file, ProgressListener.NONE);
        assertThat(run.failed()).isTrue();
        return run;
    }

    private String lastRunId() {
        return fixture.repository.withSystemSession(s -> new ImportHistory().latest(s, 1)).get(0).id();
    }

    @Test
    void everyRunWithItsRejectedRowsOnTheCommandLineThePageAndTheApi() throws IOException {
        importWithARejectedRowAndAStrayFile();
        String firstRun = lastRunId();
        importAFailingFile();

        List<ImportHistory.RunEntry> runs = fixture.repository.withSystemSession(s -> new ImportHistory().latest(s, 10));
        assertThat(runs).hasSize(2);
        String text = ImportHistoryText.format(runs.get(1), fixture.messages, 20);
        assertThat(text).contains("donnees_communes.csv", "lignes du fichier : 2 lues, 1 rejetée(s)", REJECTED, "lisez-moi.txt");
        assertThat(ImportHistoryText.format(runs.get(0), fixture.messages, 20))
                .contains("ÉCHEC", "donnees_communes_2.csv", "Colonne en double dans l'en-tête : « PTOT »");

        String marie = ui.signIn("marie", AuthoringFixture.PASSWORD);
        HttpResponse<String> page = ui.send("GET", "/auteur/admin/imports", null, marie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Historique des imports", "Avec des échecs", "Réussi",
                "donnees_communes.csv", "2 lue(s), 1 rejetée(s) ou en erreur", REJECTED,
                "lisez-moi.txt", "Échec : rien n&#39;a été écrit", "« PTOT »",
                "href=\"/auteur/admin/imports/" + firstRun + "\"");
        assertThat(page.body().indexOf("donnees_communes_2.csv")).as("newest first")
                .isLessThan(page.body().indexOf("donnees_communes.csv<"));
        HttpResponse<String> detail = ui.send("GET", "/auteur/admin/imports/" + firstRun, null, marie);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("Tous les imports", REJECTED).doesNotContain("donnees_communes_2.csv");
        assertThat(ui.send("GET", "/auteur/admin/imports/2026-01/inconnu", null, marie).statusCode()).isEqualTo(404);

        String token = fixture.token("marie");
        HttpResponse<String> api = fixture.as(token, "GET", "/.rest/authoring/v1/imports?limit=5", null);
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        JsonNode list = AuthoringFixture.json(api).get("runs");
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("failed").asBoolean()).isTrue();
        assertThat(list.get(1).get("id").asText()).isEqualTo(firstRun);
        JsonNode populations = list.get(1).get("files").get(0);
        assertThat(populations.get("file").asText()).endsWith("donnees_communes.csv");
        assertThat(populations.get("read").asLong()).isEqualTo(2);
        assertThat(populations.get("rejected").asLong()).isEqualTo(1);
        assertThat(populations.get("rejections").get(0).asText()).contains(REJECTED);
        assertThat(list.get(1).get("unrecognised").get(0).asText()).contains("lisez-moi.txt");
        HttpResponse<String> one = fixture.as(token, "GET", "/.rest/authoring/v1/imports/" + firstRun, null);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(AuthoringFixture.json(one).get("files").get(0).get("rejections").get(0).asText()).contains(REJECTED);
        assertThat(fixture.as(token, "GET", "/.rest/authoring/v1/imports/2026-01/inconnu", null).statusCode()).isEqualTo(404);
    }

    @Test
    void onlyAdministratorsReadTheHistory() throws IOException {
        importWithARejectedRowAndAStrayFile();
        String run = lastRunId();
        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        for (String page : List.of("/auteur/admin/imports", "/auteur/admin/imports/" + run)) {
            HttpResponse<String> refused = ui.send("GET", page, null, claire);
            assertThat(refused.statusCode()).as(page).isEqualTo(403);
            assertThat(refused.body()).doesNotContain(REJECTED);
            assertThat(ui.send("GET", page, null, null).statusCode()).as("anonymous " + page).isEqualTo(303);
        }
        String token = fixture.token("claire");
        for (String path : List.of("/.rest/authoring/v1/imports", "/.rest/authoring/v1/imports/" + run)) {
            HttpResponse<String> refused = fixture.as(token, "GET", path, null);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.body()).doesNotContain(REJECTED);
            assertThat(fixture.send("GET", path, null).statusCode()).as("anonymous " + path).isEqualTo(401);
        }
    }
}
