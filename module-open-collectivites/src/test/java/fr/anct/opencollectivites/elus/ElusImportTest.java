package fr.anct.opencollectivites.elus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.imports.ImportReport;
import fr.anct.opencollectivites.imports.ImportRun;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.imports.Rejection;
import fr.anct.opencollectivites.repository.OakRepository;

/** Maires and présidents d'EPCI from hand-written RNE extracts (invented names) with the real columns. */
@Tag("repository")
class ElusImportTest {
    private static final String ROOT = "/collectivites/elus";
    private static final String MAIRES = "rne/elus-maires-2026-09-16.csv";
    private static final String MAIRES_HEADER = "Code du département;Libellé du département;"
            + "Code de la collectivité à statut particulier;Libellé de la collectivité à statut particulier;"
            + "Code de la commune;Libellé de la commune;Nom de l'élu;Prénom de l'élu;Code sexe;Date de naissance;"
            + "Code de la catégorie socio-professionnelle;Libellé de la catégorie socio-professionnelle;"
            + "Date de début du mandat;Date de début de la fonction";

    @TempDir
    Path dir;
    private OakRepository repository;
    private ImportService imports;
    private final ElusReader reader = new ElusReader(TestLightModule.contentTypes());

    @BeforeEach
    void setUp() {
        repository = ImportTestSupport.bootstrapped(OakRepository.inMemory());
        imports = new ImportService(repository, TestLightModule.contentTypes(), TestLightModule.messages(),
                RneImporter.all());
    }

    @AfterEach
    void tearDown() {
        repository.close();
    }

    private ImportReport importOk(Path file) {
        ImportRun run = imports.importPath(file, ProgressListener.NONE);
        assertThat(run.unrecognised()).as("recognised by content").isEmpty();
        assertThat(run.failed()).as(run.summary(TestLightModule.messages())).isFalse();
        return run.reports().get(0);
    }

    private Optional<Elu> maire(String code) {
        return repository.withSystemSession(session -> reader.maire(session, code));
    }

    private Optional<Elu> president(String siren) {
        return repository.withSystemSession(session -> reader.president(session, siren));
    }

    @Test
    void importsTheMaireOfEachCommune() {
        ImportReport report = importOk(ImportTestSupport.resource(MAIRES));
        assertThat(report.importer()).isEqualTo("rne-maires");
        assertThat(report.read()).isEqualTo(6);
        assertThat(report.created()).isEqualTo(5);
        // two maires for Saint-Étienne: the latest fonction wins, the other row is listed
        assertThat(report.rejections()).extracting(Rejection::toString).containsExactly(
                "elus-maires-2026-09-16.csv:7: Deux lignes « Maire » pour 42218 : la fonction la plus récente"
                        + " (ligne 2) est gardée, cette ligne est ignorée.");

        assertThat(maire("42218")).contains(new Elu("NOMDEXEMPLE", "Camille", "F", "Maire", LocalDate.of(2020, 7, 3),
                "Répertoire national des élus (ministère de l'Intérieur)", "2026-09-16"));
        assertThat(maire("75056")).hasValueSatisfying(e -> assertThat(e.nom()).isEqualTo("EXEMPLAIRE"));
        // ISO dates and the former short commune codes ("1" in the Ain, "101" in Guadeloupe)
        assertThat(maire("01001")).hasValueSatisfying(e -> {
            assertThat(e.prenom()).isEqualTo("Alix");
            assertThat(e.debutFonction()).isEqualTo(LocalDate.of(2020, 5, 25));
        });
        assertThat(maire("97101")).hasValueSatisfying(e -> assertThat(e.prenom()).isEqualTo("Maëlle"));
        assertThat(maire("2a004")).hasValueSatisfying(e -> assertThat(e.nom()).isEqualTo("INVENTE"));
        assertThat(maire("42207")).isEmpty();
        assertThat(maire("../../x")).isEmpty();

        Map<String, String> stored = ImportTestSupport.dump(repository, ROOT);
        assertThat(stored).containsKey(ROOT + "/maires/42/42218/nom").containsKey(ROOT + "/maires/971/97101/nom");
        assertThat(stored.values()).as("no birth date, no profession")
                .noneMatch(v -> v.contains("1971") || v.contains("Cadre"));
    }

    @Test
    void importsThePresidentOfEachEpciFromTheConseillersCommunautaires() {
        ImportReport report = importOk(ImportTestSupport.resource("rne/elus-epci-2026-09-16.csv"));
        assertThat(report.importer()).isEqualTo("rne-presidents-epci");
        assertThat(report.created()).isEqualTo(2);
        assertThat(president("244200770")).contains(new Elu("PRESIDENTEXEMPLE", "Sacha", "M",
                "Président du conseil communautaire", LocalDate.of(2020, 7, 15),
                "Répertoire national des élus (ministère de l'Intérieur)", "2026-09-16"));
        assertThat(president("200054781")).hasValueSatisfying(e ->
                assertThat(e.fonction()).isEqualTo("Présidente du conseil communautaire"));
        assertThat(president("123456789")).isEmpty();
        assertThat(maire("42218")).isEmpty();
        repository.withSystemSession(session -> {
            assertThat(session.getNode(ROOT + "/presidents/244200770").getProperty("collectivite").getString())
                    .isEqualTo("Saint-Étienne Métropole");
            return null;
        });
    }

    @Test
    void theConseillersMunicipauxFileGivesItsMairesOnly() {
        ImportReport report = importOk(ImportTestSupport.resource("rne/elus-conseillers-municipaux-2026-09-16.csv"));
        assertThat(report.importer()).isEqualTo("rne-conseillers-municipaux");
        assertThat(report.created()).isEqualTo(1);
        assertThat(maire("42218")).hasValueSatisfying(e -> assertThat(e.nom()).isEqualTo("NOMDEXEMPLE"));
        // a maire délégué is not the maire
        assertThat(maire("42207")).isEmpty();
    }

    @Test
    void aFolderOfRneFilesIsRecognisedFileByFile() {
        ImportRun run = imports.importPath(ImportTestSupport.resource("rne"), ProgressListener.NONE);
        assertThat(run.failed()).as(run.summary(TestLightModule.messages())).isFalse();
        assertThat(run.unrecognised()).isEmpty();
        assertThat(run.reports()).extracting(ImportReport::importer)
                .containsExactly("rne-presidents-epci", "rne-conseillers-municipaux", "rne-maires");
    }

    @Test
    void reimportingTheSameFileWritesNothing() {
        Path file = ImportTestSupport.resource(MAIRES);
        importOk(file);
        Map<String, String> before = ImportTestSupport.dump(repository, ROOT);
        ImportReport again = importOk(file);
        assertThat(again.saved()).isFalse();
        assertThat(again.unchanged()).isEqualTo(5);
        assertThat(ImportTestSupport.dump(repository, ROOT)).isEqualTo(before);
    }

    @Test
    void aNewerFileReplacesTheMaireAndAPartialOneRemovesNoOne() throws IOException {
        importOk(ImportTestSupport.resource(MAIRES));
        ImportReport newer = importOk(write("elus-maires-2026-12-01.csv", MAIRES_HEADER,
                "42;Loire;;;42218;Saint-Étienne;NOUVELEXEMPLE;Yael;F;01/01/1980;33;Cadre;15/03/2020;20/11/2026"));
        assertThat(newer.updated()).isEqualTo(1);
        assertThat(newer.removed()).isZero();
        assertThat(maire("42218")).hasValueSatisfying(e -> {
            assertThat(e.nom()).isEqualTo("NOUVELEXEMPLE");
            assertThat(e.debutFonction()).isEqualTo(LocalDate.of(2026, 11, 20));
            assertThat(e.vintage()).isEqualTo("2026-12-01");
        });
        assertThat(maire("75056")).as("absent from a partial file: kept").isPresent();
    }

    @Test
    void aCompleteFileRemovesTheMairesOfCommunesItNoLongerLists() throws IOException {
        importOk(ImportTestSupport.resource(MAIRES));
        StringBuilder rows = new StringBuilder();
        for (int dep = 1; dep <= RneImporter.COMPLETE_MIN_DEPARTEMENTS; dep++) {
            String code = dep == 20 ? "2A" : String.format("%02d", dep);
            rows.append(code).append(";Dép;;;").append(code).append("001;Commune;NOM").append(dep)
                    .append(";Prénom;M;;;;01/01/2026;01/02/2026\n");
        }
        ImportReport complete = importOk(write("elus-maires-2027-01-01.csv", MAIRES_HEADER, rows.toString().strip()));
        // 42218, 75056, 97101 and 2A004 are no longer listed; 01001 gets its new maire
        assertThat(complete.removed()).isEqualTo(4);
        assertThat(maire("42218")).isEmpty();
        assertThat(maire("97101")).isEmpty();
        assertThat(maire("01001")).hasValueSatisfying(e -> assertThat(e.nom()).isEqualTo("NOM1"));
        assertThat(maire("2A004")).isEmpty();
        assertThat(maire("2A001")).isPresent();
    }

    @Test
    void badFilesFailWithTheirLineAndLoseNothing() throws IOException {
        importOk(ImportTestSupport.resource(MAIRES));
        Map<String, String> before = ImportTestSupport.dump(repository, ROOT);
        String good = "42;Loire;;;42218;Saint-Étienne;AUTRE;Jo;M;;;;15/03/2020;03/07/2020";

        assertFails(write("date.csv", MAIRES_HEADER, good, good.replace("03/07/2020", "31/02/2020")),
                "date.csv:3: Date invalide « 31/02/2020 » dans la colonne « Date de début de la fonction »");
        assertFails(write("code.csv", MAIRES_HEADER, good.replace("42218", "4221X")),
                "code.csv:2: Code Code de la commune invalide : « 4221X ».");
        assertFails(write("sexe.csv", MAIRES_HEADER, good.replace(";M;", ";X;")),
                "sexe.csv:2: Code sexe invalide « X »");
        assertFails(write("nom.csv", MAIRES_HEADER, good.replace("AUTRE", "")),
                "nom.csv:2: Valeur obligatoire absente : Nom de l'élu.");
        assertFails(write("columns.csv", MAIRES_HEADER.replace(";Date de début de la fonction", ""),
                        good.replace(";03/07/2020", "")),
                "columns.csv:1: Colonne(s) manquante(s) : Date de début de la fonction");
        assertFails(write("tabs.csv", MAIRES_HEADER.replace(';', '\t'), good.replace(';', '\t')),
                "tabs.csv:1: Mauvais séparateur de colonnes");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, (MAIRES_HEADER + "\n" + good + "\n").getBytes(StandardCharsets.ISO_8859_1));
        assertFails(latin1, "latin1.csv:1: Le texte n'est pas encodé en UTF-8");

        assertThat(ImportTestSupport.dump(repository, ROOT)).as("nothing lost").isEqualTo(before);
    }

    private void assertFails(Path file, String expected) {
        ImportReport report = imports.importFile(file, "rne-maires", ProgressListener.NONE);
        assertThat(report.failed()).as(file.toString()).isTrue();
        assertThat(report.saved()).isFalse();
        assertThat(report.rejections()).extracting(Rejection::toString)
                .anySatisfy(r -> assertThat(r).startsWith(expected));
    }

    private Path write(String name, String header, String... rows) throws IOException {
        return Files.writeString(dir.resolve(name), header + "\n" + String.join("\n", List.of(rows)) + "\n");
    }
}
