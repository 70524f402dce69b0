package fr.anct.opencollectivites.mairies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.jcr.Session;
import javax.jcr.query.Query;
import javax.jcr.query.RowIterator;

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

/** The annuaire's mairies imported from small hand-written files holding every quirk of the real ones. */
@Tag("repository")
class MairiesImportTest {
    private static final String SAINT_ETIENNE = "a1111111-0000-4000-8000-000000000001";
    private static final String VALLON = "a1111111-0000-4000-8000-000000000002";
    private static final String PARIS = "a1111111-0000-4000-8000-000000000003";
    private static final String ROOT = "/collectivites/mairies";
    // Monday
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @TempDir
    Path dir;
    private OakRepository repository;
    private ImportService imports;
    private final MairiesReader reader = new MairiesReader(TestLightModule.contentTypes());

    @BeforeEach
    void setUp() {
        repository = ImportTestSupport.bootstrapped(OakRepository.inMemory());
        imports = new ImportService(repository, TestLightModule.contentTypes(), TestLightModule.messages(),
                MairiesImporter.all());
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

    private List<Mairie> forCommune(String code) {
        return repository.withSystemSession(session -> reader.forCommune(session, code));
    }

    @Test
    void readsTheRecordsApiAnswerWithItsJsonInStrings() {
        ImportReport report = importOk(ImportTestSupport.resource("annuaire/mairies-records.json"));
        assertThat(report.importer()).isEqualTo("annuaire-mairies");
        assertThat(report.read()).isEqualTo(7);
        // a CCAS and an unpublished mairie are not mairies to show
        assertThat(report.created()).isEqualTo(5);
        assertThat(report.rejected()).isZero();

        List<Mairie> saintEtienne = forCommune("42218");
        assertThat(saintEtienne).extracting(Mairie::id).as("principal first, then déléguée").containsExactly(SAINT_ETIENNE, VALLON);
        Mairie principal = saintEtienne.get(0);
        assertThat(principal.nom()).isEqualTo("Mairie - Saint-Étienne");
        assertThat(principal.deleguee()).isFalse();
        // the physical address, not the postal one listed first
        assertThat(principal.adresse()).isEqualTo("Hôtel de ville, 1 place de l'Hôtel-de-Ville");
        assertThat(principal.codePostal()).isEqualTo("42000");
        assertThat(principal.commune()).isEqualTo("Saint-Étienne");
        assertThat(principal.telephone()).isEqualTo("04 00 00 00 01");
        assertThat(principal.email()).isEqualTo("accueil@mairie-exemple.fr");
        assertThat(principal.siteInternet()).isEqualTo("https://www.saint-etienne.fr");
        assertThat(principal.miseAJour()).isEqualTo(LocalDate.of(2026, 6, 2));
        assertThat(principal.source()).contains("service-public.fr");
        assertThat(principal.horaires()).hasSize(3);
        OpeningHours week = principal.horaires().get(0);
        assertThat(week.fromDay()).isEqualTo("lundi");
        assertThat(week.toDay()).isEqualTo("vendredi");
        assertThat(week.ranges()).containsExactly(new TimeRange(LocalTime.of(8, 30), LocalTime.NOON),
                new TimeRange(LocalTime.of(13, 30), LocalTime.of(17, 0)));
        assertThat(principal.horaires().get(1).comment()).isEqualTo("Accueil ouvert uniquement le 1er samedi du mois.");
        assertThat(principal.horaires().get(2).ranges()).isEmpty();
        assertThat(principal.horaires().get(2).comment()).isEqualTo("Fermé");
        assertThat(principal.isOpenAt(MONDAY.atTime(8, 30))).isTrue();
        assertThat(principal.isOpenAt(MONDAY.atTime(12, 0))).isFalse();
        assertThat(principal.isOpenAt(MONDAY.plusDays(5).atTime(11, 0))).as("samedi").isTrue();
        assertThat(principal.isOpenAt(MONDAY.plusDays(6).atTime(11, 0))).as("dimanche").isFalse();

        // the mairie déléguée serves the commune déléguée and the commune nouvelle
        Mairie vallon = saintEtienne.get(1);
        assertThat(vallon.deleguee()).isTrue();
        assertThat(vallon.codesInsee()).containsExactly("42999", "42218");
        assertThat(forCommune("42999")).extracting(Mairie::id).containsExactly(VALLON);
        assertThat(vallon.siteInternet()).as("no scheme: https added").isEqualTo("https://www.vallon-exemple.fr");
        assertThat(vallon.telephone()).isNull();
        assertThat(vallon.email()).isNull();
        assertThat(vallon.miseAJour()).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(vallon.isOpenAt(MONDAY.plusDays(3).atTime(17, 59))).isTrue();
        assertThat(vallon.isOpenAt(MONDAY.plusDays(4).atTime(15, 0))).isFalse();

        // code_insee_commune disagrees with the pivot: the pivot wins, the declared code is kept aside
        List<Mairie> paris = forCommune("75056");
        assertThat(paris).extracting(Mairie::id).containsExactly(PARIS, "a1111111-0000-4000-8000-000000000007");
        assertThat(forCommune("75101")).isEmpty();
        assertThat(paris.get(0).siteInternet()).as("an e-mail in the website field is skipped").isEqualTo("http://www.paris.fr");
        assertThat(paris.get(0).email()).isEqualTo("premier@paris-exemple.fr");
        assertThat(paris.get(0).isOpenAt(MONDAY.plusDays(6).atTime(23, 59))).isTrue();
        assertThat(paris.get(1).deleguee()).as("an annexe").isTrue();
        assertThat(paris.get(1).codesInsee()).as("no pivot code: code_insee_commune").containsExactly("75056");

        // several pivots, nothing but the pivot: every missing field is absent, not invented
        Mairie territorial = forCommune("97701").get(0);
        assertThat(territorial.nom()).isEqualTo("Conseil territorial - Exemple");
        assertThat(territorial.adresse()).isNull();
        assertThat(territorial.horaires()).isEmpty();
        assertThat(territorial.miseAJour()).isNull();

        repository.withSystemSession(session -> {
            assertThat(session.nodeExists(ROOT + "/42/" + SAINT_ETIENNE)).isTrue();
            assertThat(session.nodeExists(ROOT + "/977/a1111111-0000-4000-8000-000000000005")).isTrue();
            assertThat(session.getNode(ROOT + "/75/" + PARIS).getProperty("codeInseeDeclare").getString()).isEqualTo("75101");
            assertThat(session.getNode(ROOT + "/42/" + SAINT_ETIENNE).getProperty("commentaireHoraires").getString())
                    .isEqualTo("Horaires réduits en août.");
            assertThat(session.getNode(ROOT + "/42/" + SAINT_ETIENNE).getProperty("latitude").getDouble()).isEqualTo(45.4397);
            return null;
        });
    }

    @Test
    void theCsvExportAndTheDumpGiveTheSameMairiesAsTheApi() {
        importOk(ImportTestSupport.resource("annuaire/mairies-records.json"));
        Map<String, List<Mairie>> fromApi = Map.of("42218", forCommune("42218"), "75056", forCommune("75056"),
                "97701", forCommune("97701"));
        repository.close();

        setUp();
        ImportReport csv = importOk(ImportTestSupport.resource("annuaire/mairies-export.csv"));
        assertThat(csv.importer()).isEqualTo("annuaire-mairies-csv");
        assertThat(csv.created()).isEqualTo(5);
        fromApi.forEach((code, mairies) -> assertThat(forCommune(code)).as(code).isEqualTo(mairies));
        repository.close();

        setUp();
        ImportReport dump = importOk(ImportTestSupport.resource("annuaire/mairies-export.json"));
        assertThat(dump.importer()).isEqualTo("annuaire-mairies");
        assertThat(dump.created()).isEqualTo(3);
        assertThat(forCommune("42218")).isEqualTo(fromApi.get("42218"));
        assertThat(forCommune("75056")).containsExactly(fromApi.get("75056").get(0));
    }

    @Test
    void reimportingTheSameFileWritesNothing() {
        Path file = ImportTestSupport.resource("annuaire/mairies-records.json");
        importOk(file);
        Map<String, String> before = ImportTestSupport.dump(repository, ROOT);
        ImportReport again = importOk(file);
        assertThat(again.saved()).isFalse();
        assertThat(again.unchanged()).isEqualTo(5);
        assertThat(again.created() + again.updated() + again.removed()).isZero();
        assertThat(ImportTestSupport.dump(repository, ROOT)).isEqualTo(before);
    }

    @Test
    void aNewerRecordUpdatesTheMairieAndAMairieWhoseCodesChangeMoves() throws IOException {
        importOk(ImportTestSupport.resource("annuaire/mairies-records.json"));
        String text = Files.readString(ImportTestSupport.resource("annuaire/mairies-records.json"))
                .replace("04 00 00 00 01", "04 00 00 00 99")
                .replace("[\\\"42999\\\", \\\"42218\\\"]", "[\\\"43999\\\"]");
        ImportReport report = importOk(write("mairies-newer.json", text));
        assertThat(report.updated()).as("the new phone").isEqualTo(1);
        // the moved mairie is written in its new bucket and its old node removed; a partial file removes nothing else
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.removed()).isEqualTo(1);
        assertThat(forCommune("42218")).extracting(Mairie::telephone).containsExactly("04 00 00 00 99");
        assertThat(forCommune("43999")).extracting(Mairie::id).containsExactly(VALLON);
        assertThat(forCommune("42999")).isEmpty();
        repository.withSystemSession(session -> {
            assertThat(session.nodeExists(ROOT + "/42/" + VALLON)).isFalse();
            assertThat(session.nodeExists(ROOT + "/43/" + VALLON)).isTrue();
            return null;
        });
    }

    @Test
    void aNationalFileRemovesTheMairiesItNoLongerListsAndAPartialOneDoesNot() throws IOException {
        importOk(ImportTestSupport.resource("annuaire/mairies-records.json"));
        ImportReport partial = importOk(write("partial.json", records(List.of("01001", "02001"))));
        assertThat(partial.removed()).isZero();
        assertThat(forCommune("42218")).hasSize(2);

        List<String> codes = new ArrayList<>();
        for (int dep = 1; dep <= MairiesImporter.COMPLETE_MIN_DEPARTEMENTS; dep++) {
            codes.add(String.format("%02d001", dep == 20 ? 96 : dep));
        }
        ImportReport national = importOk(write("national.json", records(codes)));
        assertThat(national.removed()).as("the five mairies of the first file").isEqualTo(5);
        assertThat(forCommune("42218")).isEmpty();
        assertThat(forCommune("01001")).hasSize(1);
    }

    @Test
    void badFilesFailWithTheirRecordAndFieldAndLoseNothing() throws IOException {
        importOk(ImportTestSupport.resource("annuaire/mairies-records.json"));
        Map<String, String> before = ImportTestSupport.dump(repository, ROOT);
        String good = Files.readString(ImportTestSupport.resource("annuaire/mairies-records.json"));

        // truncated JSON
        assertFails(write("truncated.json", good.substring(0, good.length() / 2)),
                "truncated.json:", "JSON invalide (ligne ");
        // JSON inside a string that does not parse: record 2's plage_ouverture
        assertFails(write("nested.json", good.replace("[{\\\"nom_jour_debut\\\": \\\"Mardi\\\"", "[{nom_jour_debut: Mardi")),
                "nested.json:2: ", "« plage_ouverture » ne contient pas un JSON lisible");
        // a time that is not one, and a day that is not one
        assertFails(write("time.json", good.replace("\\\"14:00\\\"", "\\\"14h\\\"")),
                "time.json:2: ", "Heure invalide « 14h » dans le champ « plage_ouverture[1].valeur_heure_debut_1 »");
        assertFails(write("day.json", good.replace("\\\"Mardi\\\"", "\\\"Mardy\\\"")),
                "day.json:2: ", "Jour inconnu « Mardy »");
        // an invalid INSEE code in the pivot
        assertFails(write("code.json", good.replace("[\\\"42999\\\", \\\"42218\\\"]", "[\\\"4299\\\"]")),
                "code.json:2: ", "Code INSEE invalide « 4299 » dans le champ « pivot »");
        // the same id twice
        assertFails(write("duplicate.json", good.replace("a1111111-0000-4000-8000-000000000003", SAINT_ETIENNE)),
                "duplicate.json:3: ", "figure déjà ligne 1");
        // Latin-1 instead of UTF-8
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, good.getBytes(StandardCharsets.ISO_8859_1));
        assertFails(latin1, "latin1.json:", "n'est pas encodé en UTF-8");
        // a CSV export without some columns
        String csv = Files.readString(ImportTestSupport.resource("annuaire/mairies-export.csv"))
                .replaceFirst(";adresse\n", "\n");
        assertFails(write("columns.csv", csv), "columns.csv:1: ", "Colonne(s) manquante(s) : adresse");

        assertThat(ImportTestSupport.dump(repository, ROOT)).as("nothing lost").isEqualTo(before);
    }

    @Test
    void anInvertedTimeRangeSkipsOnlyThatMairie() throws IOException {
        String good = Files.readString(ImportTestSupport.resource("annuaire/mairies-records.json"));
        ImportReport report = importOk(write("inverted.json",
                good.replace("\\\"14:00\\\", \\\"valeur_heure_fin_1\\\": \\\"18:00\\\"",
                        "\\\"18:00\\\", \\\"valeur_heure_fin_1\\\": \\\"14:00\\\"")));
        assertThat(report.created()).isEqualTo(4);
        assertThat(report.rejections()).extracting(Rejection::toString)
                .containsExactly("inverted.json:2: Mairie " + VALLON
                        + " : la plage horaire 18:00–14:00 (plage_ouverture[1]) finit avant de commencer : mairie ignorée.");
        assertThat(forCommune("42999")).isEmpty();
    }

    @Test
    void theRecordsArrayIsFoundAfterOtherTopLevelFields() throws IOException {
        String records = Files.readString(ImportTestSupport.resource("annuaire/mairies-records.json"));
        ImportReport report = importOk(write("wrapped.json", records.replaceFirst("\\{",
                "{\"links\": [], \"facets\": [[1, 2], [3]], \"meta\": {\"results\": []},")));
        assertThat(report.created()).isEqualTo(5);
    }

    @Test
    void otherJsonFilesAreNotRecognised() throws IOException {
        write("communes.json", "[{\"code\": \"42218\", \"nom\": \"Saint-Étienne\", \"population\": 173089}]");
        write("empty-object.json", "{}");
        write("garbage.json", "{ this is not json");
        ImportRun run = imports.importPath(dir, ProgressListener.NONE);
        assertThat(run.reports()).isEmpty();
        assertThat(run.unrecognised()).hasSize(3);
    }

    @Test
    void theReaderUsesTheCodesIndex() {
        importOk(ImportTestSupport.resource("annuaire/mairies-records.json"));
        String plan = repository.withSystemSession(session -> explain(session, reader.statement()));
        assertThat(plan).contains("oc-codesInsee").doesNotContain("traverse");
    }

    private static String explain(Session session, String statement) throws javax.jcr.RepositoryException {
        Query query = session.getWorkspace().getQueryManager().createQuery("EXPLAIN " + statement, Query.JCR_SQL2);
        query.bindValue("code", session.getValueFactory().createValue("42218"));
        RowIterator rows = query.execute().getRows();
        return rows.nextRow().getValue("plan").getString();
    }

    private void assertFails(Path file, String location, String reason) {
        ImportReport report = imports.importFile(file, file.toString().endsWith(".csv") ? "annuaire-mairies-csv"
                : "annuaire-mairies", ProgressListener.NONE);
        assertThat(report.failed()).as(file.toString()).isTrue();
        assertThat(report.saved()).isFalse();
        assertThat(report.rejections()).extracting(Rejection::toString)
                .anySatisfy(r -> assertThat(r).startsWith(location).contains(reason));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** An export (top-level array) with one principal mairie per code. */
    private static String records(List<String> codes) {
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            json.append(i == 0 ? "" : ",\n").append("{\"id\": \"m-").append(code).append("\", \"nom\": \"Mairie - ")
                    .append(code).append("\", \"code_insee_commune\": \"").append(code)
                    .append("\", \"pivot\": \"[{\\\"type_service_local\\\": \\\"mairie\\\", \\\"code_insee_commune\\\": [\\\"")
                    .append(code).append("\\\"]}]\"}");
        }
        return json.append("\n]\n").toString();
    }
}
