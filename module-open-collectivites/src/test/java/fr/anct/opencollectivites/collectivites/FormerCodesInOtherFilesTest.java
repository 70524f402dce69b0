package fr.anct.opencollectivites.collectivites;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.finances.FinanceLevel;
import fr.anct.opencollectivites.finances.FinanceValue;
import fr.anct.opencollectivites.finances.FinancesReader;
import fr.anct.opencollectivites.imports.ImportReport;
import fr.anct.opencollectivites.imports.ImportRun;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * Files of other sources, made before L'Abergement-Clémenciat (01001) merged into Arboys en Bugey
 * (01015), name its former code: the élus, the OFGL finances and the annuaire go to today's commune.
 */
@Tag("repository")
class FormerCodesInOtherFilesTest {
    private static final String MERGE_2027 = String.join("\r\n",
            "32,2027-01-01,COM,01001,5,ABERGEMENT CLEMENCIAT,Abergement-Clémenciat,L'Abergement-Clémenciat,COM,01015,1,ARBOYS EN BUGEY,Arboys en Bugey,Arboys en Bugey",
            "32,2027-01-01,COM,01015,1,ARBOYS EN BUGEY,Arboys en Bugey,Arboys en Bugey,COM,01015,1,ARBOYS EN BUGEY,Arboys en Bugey,Arboys en Bugey");
    @TempDir
    Path dir;
    private OakRepository repository;
    private ImportService imports;

    @BeforeEach
    void importTheCogOf2027() throws IOException {
        repository = ImportTestSupport.bootstrapped(OakRepository.inMemory());
        imports = ImportTestSupport.service(repository);
        assertThat(imports.importPath(ImportTestSupport.resource("cog"), ProgressListener.NONE).failed()).isFalse();
        List<String> communes = lines("cog/communes.csv");
        communes.removeIf(line -> line.startsWith("COM,01001,"));
        List<String> mouvements = lines("cog/mouvements.csv");
        mouvements.add(1, MERGE_2027);
        imported(write("v_commune_2027.csv", communes));
        imported(write("v_mvt_commune_2027.csv", mouvements));
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

    private ImportReport imported(Path file) {
        ImportRun run = imports.importPath(file, ProgressListener.NONE);
        assertThat(run.failed()).as(run.summary(TestLightModule.messages())).isFalse();
        return run.reports().get(0);
    }

    @Test
    void theMaireNamedUnderTheFormerCodeIsTodaysCommunesUnlessTheFileNamesItToo() throws IOException {
        String header = lines("rne/elus-maires-2026-09-16.csv").get(0);
        ImportReport report = imported(write("elus-maires.csv", List.of(header,
                "01;Ain;;;01001;L'Abergement-Clémenciat;DUPONT;Jean;M;01/01/1970;33;Cadre;15/03/2020;03/07/2020",
                "01;Ain;;;01999;Inconnue;MARTIN;Anne;F;01/01/1970;33;Cadre;15/03/2020;03/07/2020")));
        assertThat(report.notes()).contains("1 ligne(s) nommant l'ancien code d'une commune fusionnée depuis : rattachée(s) "
                + "à la commune d'aujourd'hui (d'après les mouvements du COG).", "1 code(s) de commune inconnu(s) du "
                + "référentiel, ni actuel(s) ni ancien(s) (01999) : lignes gardées sous leur code.");
        repository.withSystemSession(session -> {
            assertThat(session.getNode("/collectivites/elus/maires/01/01015").getProperty("nom").getString()).isEqualTo("DUPONT");
            assertThat(session.nodeExists("/collectivites/elus/maires/01/01001")).isFalse();
            return null;
        });

        ImportReport both = imported(write("elus-maires-2.csv", List.of(header,
                "01;Ain;;;01001;L'Abergement-Clémenciat;DUPONT;Jean;M;01/01/1970;33;Cadre;15/03/2020;03/07/2020",
                "01;Ain;;;01015;Arboys en Bugey;DURAND;Luc;M;01/01/1970;33;Cadre;15/03/2020;03/07/2020")));
        assertThat(both.rejections()).extracting(Object::toString).containsExactly("elus-maires-2.csv:2: Ancien code 01001 "
                + "de la commune 01015, que le fichier nomme aussi par son code d'aujourd'hui : ligne ignorée.");
        repository.withSystemSession(session -> {
            assertThat(session.getNode("/collectivites/elus/maires/01/01015").getProperty("nom").getString()).isEqualTo("DURAND");
            return null;
        });
    }

    @Test
    void ofglAmountsOfTheFormerCodeAreSummedIntoTodaysCommune() throws IOException {
        List<String> ofgl = lines("ofgl/communes.csv");
        String header = ofgl.get(0);
        String former = ofgl.stream().filter(line -> line.contains(";01001;L'Abergement-Clémenciat;")).findFirst().orElseThrow();
        String today = former.replace(";01001;L'Abergement-Clémenciat;Commune;01001;01001;BUDGET L'ABERGEMENT-CLÉMENCIAT;",
                ";01015;Arboys en Bugey;Commune;210100152;01015;BUDGET ARBOYS;").replace(";2022.0;0.0;0.0;2022.0;0.002022;784;",
                ";1000.0;0.0;0.0;1000.0;0.001;600;");
        ImportReport report = imported(write("ofgl-base-communes.csv", List.of(header, former, today)));
        assertThat(report.notes()).contains("1 ligne(s) nommant l'ancien code d'une commune fusionnée depuis : montants "
                + "additionnés à ceux de la commune d'aujourd'hui (d'après les mouvements du COG).");
        repository.withSystemSession(session -> {
            assertThat(session.nodeExists("/collectivites/finances/communes/01/01001")).isFalse();
            assertThat(session.getNode("/collectivites/finances/communes/01/01015").getProperty("nom").getString())
                    .isEqualTo("Arboys en Bugey");
            FinanceValue depenses2022 = new FinancesReader().read(session, FinanceLevel.COMMUNE, "01015").orElseThrow()
                    .values().get(0);
            assertThat(depenses2022.exercice()).isEqualTo(2022);
            assertThat(depenses2022.montant()).isEqualByComparingTo("3022");
            assertThat(depenses2022.population()).isEqualTo(784L + 600);
            return null;
        });
    }

    @Test
    void aMairieNamingTheFormerCodeServesTodaysCommune() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode records = json.readTree(ImportTestSupport.resource("annuaire/mairies-records.json").toFile());
        ObjectNode mairie = (ObjectNode) records.get("results").get(0).deepCopy();
        mairie.put("id", "a1111111-0000-4000-8000-000000000999");
        mairie.put("nom", "Mairie déléguée - L'Abergement-Clémenciat");
        mairie.put("code_insee_commune", "01001");
        mairie.put("pivot", "[{\"type_service_local\": \"mairie\", \"code_insee_commune\": [\"01001\"]}]");
        ObjectNode file = json.createObjectNode();
        file.put("total_count", 1);
        file.set("results", json.createArrayNode().add(mairie));
        Path path = Files.writeString(dir.resolve("mairies.json"), json.writeValueAsString(file));
        ImportReport report = imported(path);
        assertThat(report.notes()).anySatisfy(note -> assertThat(note).startsWith("1 ligne(s) nommant l'ancien code"));
        repository.withSystemSession(session -> {
            Node node = session.getNode("/collectivites/mairies/01/a1111111-0000-4000-8000-000000000999");
            List<String> codes = new ArrayList<>();
            for (javax.jcr.Value value : node.getProperty("codesInsee").getValues()) {
                codes.add(value.getString());
            }
            assertThat(codes).containsExactly("01001", "01015");
            return null;
        });
    }
}
