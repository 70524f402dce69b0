package fr.anct.opencollectivites.collectivites;

import static fr.anct.opencollectivites.imports.ImportTestSupport.cells;
import static fr.anct.opencollectivites.imports.ImportTestSupport.epcicomHeader;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.jcr.Node;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.imports.ImportOptions;
import fr.anct.opencollectivites.imports.ImportReport;
import fr.anct.opencollectivites.imports.ImportRun;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * The yearly update on small files: L'Abergement-Clémenciat (01001) merged into Arboys en Bugey
 * (01015) on 1 January 2027, then re-established in 2028; a partial file; the files of other
 * sources naming its former code.
 */
@Tag("repository")
class YearlyUpdateTest {
    private static final String MERGE_2027 = String.join("\r\n",
            "32,2027-01-01,COM,01001,5,ABERGEMENT CLEMENCIAT,Abergement-Clémenciat,L'Abergement-Clémenciat,COM,01015,1,ARBOYS EN BUGEY,Arboys en Bugey,Arboys en Bugey",
            "32,2027-01-01,COM,01001,5,ABERGEMENT CLEMENCIAT,Abergement-Clémenciat,L'Abergement-Clémenciat,COMD,01001,5,ABERGEMENT CLEMENCIAT,Abergement-Clémenciat,L'Abergement-Clémenciat",
            "32,2027-01-01,COM,01015,1,ARBOYS EN BUGEY,Arboys en Bugey,Arboys en Bugey,COM,01015,1,ARBOYS EN BUGEY,Arboys en Bugey,Arboys en Bugey");
    private static final String COMD_01001 = "COMD,01001,,,,,5,ABERGEMENT CLEMENCIAT,Abergement-Clémenciat,L'Abergement-Clémenciat,,01015";

    @TempDir
    Path dir;
    private OakRepository repository;
    private ImportService imports;

    @BeforeEach
    void importTheCog() {
        repository = ImportTestSupport.bootstrapped(OakRepository.inMemory());
        imports = ImportTestSupport.service(repository);
        ImportRun run = imports.importPath(ImportTestSupport.resource("cog"), ProgressListener.NONE);
        assertThat(run.failed()).as(run.summary(TestLightModule.messages())).isFalse();
    }

    @AfterEach
    void close() {
        repository.close();
    }

    private List<String> lines(String resource) throws IOException {
        return new ArrayList<>(Files.readAllLines(ImportTestSupport.resource(resource), StandardCharsets.UTF_8));
    }

    private Path write(String name, List<String> lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
    }

    private ImportReport imported(Path file, ImportOptions options) {
        ImportRun run = imports.importPath(file, ProgressListener.NONE, options);
        assertThat(run.failed()).as(run.summary(TestLightModule.messages())).isFalse();
        return run.reports().get(0);
    }

    /** The COG 2027 (01001 now a commune déléguée of 01015) and its mouvements. */
    private Path[] files2027() throws IOException {
        List<String> communes = lines("cog/communes.csv");
        communes.removeIf(line -> line.startsWith("COM,01001,"));
        communes.add(3, COMD_01001);
        List<String> mouvements = lines("cog/mouvements.csv");
        mouvements.add(1, MERGE_2027);
        return new Path[] {write("v_commune_2027.csv", communes), write("v_mvt_commune_2027.csv", mouvements)};
    }

    @Test
    void aCompleteFileRetiresWhatItNoLongerListsAndTheMouvementsLeadItsCodeToTheSuccessor() throws IOException {
        Path[] files = files2027();
        ImportReport cog = imported(files[0], ImportOptions.DEFAULT);
        assertThat(cog.vintage()).isEqualTo(2027);
        assertThat(cog.retired()).isEqualTo(1);
        assertThat(cog.created()).isEqualTo(1);
        assertThat(cog.notes()).containsExactly(
                "Fichier complet : 1 commune(s) qu'il ne liste plus retirée(s) du référentiel, gardées comme anciennes communes.");
        ImportReport mouvements = imported(files[1], ImportOptions.DEFAULT);
        assertThat(mouvements.vintage()).isEqualTo(2027);
        assertThat(mouvements.notes()).contains(
                "1 ancienne(s) commune(s) rattachée(s) à la commune d'aujourd'hui (redirection 301 de leur code).");

        repository.withSystemSession(session -> {
            assertThat(session.nodeExists("/collectivites/communes/01/01001")).isFalse();
            assertThat(session.getNode("/collectivites/communes/01/01001-comd").getProperty("communeParente").getString())
                    .isEqualTo("01015");
            Node former = session.getNode("/collectivites/anciennes-communes/01/01001");
            assertThat(former.getPrimaryNodeType().getName()).isEqualTo("oc:ancienneCommune");
            assertThat(former.getProperty("nom").getString()).isEqualTo("L'Abergement-Clémenciat");
            assertThat(former.getProperty("departement").getString()).isEqualTo("01");
            assertThat(former.getProperty("successeur").getString()).isEqualTo("01015");
            assertThat(former.getProperty("dateFin").getString()).startsWith("2027-01-01");
            return null;
        });
        assertThat(new CommuneResolver(repository, TestLightModule.contentTypes()).resolve("01001"))
                .hasValueSatisfying(c -> {
                    assertThat(c.code()).isEqualTo("01015");
                    assertThat(c.former()).isTrue();
                });

        // 2028: re-established (rétablissement): live again, its former record gone, the COMD retired
        List<String> communes2028 = lines("cog/communes.csv");
        ImportReport back = imported(write("v_commune_2028.csv", communes2028), ImportOptions.DEFAULT);
        assertThat(back.created()).isEqualTo(1);
        assertThat(back.retired()).isEqualTo(1);
        repository.withSystemSession(session -> {
            assertThat(session.nodeExists("/collectivites/communes/01/01001")).isTrue();
            assertThat(session.nodeExists("/collectivites/anciennes-communes/01/01001")).isFalse();
            assertThat(session.nodeExists("/collectivites/anciennes-communes/01/01001-comd")).isTrue();
            return null;
        });
    }

    @Test
    void aPartialFileOrThePartialOptionOnlyAddsAndUpdates() throws IOException {
        List<String> slice = List.of(lines("cog/communes.csv").get(0),
                "COM,01015,84,01,01D,011,1,ARBOYS EN BUGEY,Arboys-en-Bugey,Arboys-en-Bugey,0104,");
        ImportReport partial = imported(write("v_commune_2027.csv", slice), ImportOptions.DEFAULT);
        assertThat(partial.retired()).isZero();
        assertThat(partial.updated()).isEqualTo(1);
        assertThat(partial.notes()).singleElement().asString().startsWith(
                "Fichier partiel : il couvre 1/8 départements et 1/10 communes du référentiel ; les 16 commune(s)");

        ImportReport option = imported(files2027()[0], new ImportOptions(false, true));
        assertThat(option.retired()).isZero();
        assertThat(option.notes()).containsExactly(
                "Fichier pris comme partiel (--partiel) : les 1 commune(s) qu'il ne liste pas restent en place.");
        repository.withSystemSession(session -> {
            assertThat(session.nodeExists("/collectivites/communes/01/01001")).isTrue();
            return null;
        });
    }

    @Test
    void populationsBanaticAndEpciRowsNamingAFormerCodeGoToTodaysCommune() throws IOException {
        Path[] files = files2027();
        imported(files[0], ImportOptions.DEFAULT);
        imported(files[1], ImportOptions.DEFAULT);

        Path populations = write("donnees_communes.csv", List.of("REG;Région;DEP;CODARR;CODCAN;CODCOM;COM;Commune;PMUN;PCAP;PTOT",
                "84;Auvergne-Rhône-Alpes;01;2;08;001;01001;L'Abergement-Clémenciat;860;16;876",
                "84;Auvergne-Rhône-Alpes;01;1;04;015;01015;Arboys en Bugey;600;10;610",
                "84;Auvergne-Rhône-Alpes;01;1;04;999;01999;Inconnue;1;0;1"));
        ImportReport population = imported(populations, ImportOptions.DEFAULT);
        assertThat(population.rejections()).extracting(Object::toString)
                .containsExactly("donnees_communes.csv:4: Commune 01999 inconnue du référentiel (importer d'abord le COG) : ligne ignorée.");
        assertThat(population.notes()).contains("1 ligne(s) nommant l'ancien code d'une commune fusionnée depuis : populations "
                + "ajoutées à celles des 1 commune(s) d'aujourd'hui (d'après les mouvements du COG).");

        Path banatic = ImportTestSupport.xlsx(dir.resolve("siren.xlsx"), "insee_siren", List.of(
                cells("Reg_com", "dep_com", "siren", "insee", "nom_com", "ptot_2024", "pmun_2024", "pcap_2024"),
                cells("84", "01", 210100012, "01001", "L'Abergement-Clémenciat", 848, 832, 16),
                cells("84", "01", 210100152, "01015", "Arboys en Bugey", 600, 590, 10)));
        ImportReport siren = imported(banatic, ImportOptions.DEFAULT);
        assertThat(siren.rejected()).isZero();

        Path epcicom = ImportTestSupport.xlsx(dir.resolve("epcicom.xlsx"), "Epcicom2025", List.of(epcicomHeader(2025),
                cells("01", 200040350, "CC Bugey Sud", "CC", "FPU", 1, 876, 860, "01", "01001", 210100012, "Abergement", 876, 860)));
        ImportReport epci = imported(epcicom, ImportOptions.DEFAULT);
        assertThat(epci.rejected()).isZero();
        assertThat(epci.notes()).contains("1 membre(s) nommé(s) par l'ancien code d'une commune fusionnée depuis : "
                + "rattaché(s) à la commune d'aujourd'hui.");

        repository.withSystemSession(session -> {
            Node today = session.getNode("/collectivites/communes/01/01015");
            assertThat(today.getProperty("population").getLong()).isEqualTo(860 + 600);
            assertThat(today.getProperty("populationTotale").getLong()).isEqualTo(876 + 610);
            assertThat(today.getProperty("siren").getString()).isEqualTo("210100152");
            assertThat(today.getProperty("epci").getString()).isEqualTo("200040350");
            Node former = session.getNode("/collectivites/anciennes-communes/01/01001");
            assertThat(former.getProperty("siren").getString()).isEqualTo("210100012");
            assertThat(session.getNode("/collectivites/departements/01").getProperty("population").getLong())
                    .isEqualTo(860 + 600);
            return null;
        });
    }
}
