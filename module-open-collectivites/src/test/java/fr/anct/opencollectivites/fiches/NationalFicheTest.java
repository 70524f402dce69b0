package fr.anct.opencollectivites.fiches;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.github.pjfanning.xlsx.StreamingReader;

import fr.anct.opencollectivites.NationalReferentiel;
import fr.anct.opencollectivites.TestLightModule;

/** Fiches of each level on the national référentiel (runs only with {@code -Dfixtures.dir}). */
@Tag("repository")
@Tag("national")
class NationalFicheTest {
    private static FicheService fiches;

    @BeforeAll
    static void importTheNationalData() {
        fiches = new FicheService(NationalReferentiel.shared(), TestLightModule.contentTypes(), TestLightModule.messages());
    }

    private static Fiche fiche(FicheType type, String key) {
        FicheLookup lookup = fiches.find(type, key);
        assertThat(lookup).as(type + " " + key).isInstanceOf(FicheLookup.Found.class);
        return ((FicheLookup.Found) lookup).fiche();
    }

    @Test
    void parisHasItsTwentyArrondissementsAndTheirPopulation() {
        Fiche paris = fiche(FicheType.COMMUNE, "75056");

        assertThat(paris.identite().statuts()).extracting(FicheModel.Statut::code)
                .containsExactly("prefecture-region", "prefecture");
        assertThat(paris.hierarchie().arrondissementsMunicipaux().total()).isEqualTo(20);
        assertThat(paris.hierarchie().epci().code()).isEqualTo("200054781");
        assertThat(paris.population().municipale()).isEqualTo(2_103_778L);
        assertThat(paris.population().source().millesime()).isNotBlank();
        assertThat(paris.identite().source().millesime()).isEqualTo("2026");
    }

    @Test
    void aSousPrefectureAndACommuneDeleguee() {
        Fiche arbignieu = fiche(FicheType.COMMUNE, "01015-comd");
        assertThat(arbignieu.hierarchie().communeParente().nom()).isEqualTo("Arboys en Bugey");
        assertThat(arbignieu.identite().typecomLibelle()).isEqualTo("Commune déléguée");

        Fiche belley = fiche(FicheType.COMMUNE, "01034");
        assertThat(belley.identite().statuts()).extracting(FicheModel.Statut::libelle).containsExactly("Sous-préfecture");
    }

    @Test
    void mergedCommuneMovesToTodaysCommune() {
        assertThat(fiches.find(FicheType.COMMUNE, "17352")).isEqualTo(new FicheLookup.Moved(FicheType.COMMUNE, "17457"));
    }

    @Test
    void metropoleDeLyonListsItsMembers() throws IOException {
        Fiche lyon = fiche(FicheType.EPCI, "200046977");

        assertThat(lyon.identite().natureJuridique()).isEqualTo("MET69");
        assertThat(lyon.hierarchie().membres().total()).isEqualTo(epcicomMembers("200046977"));
        assertThat(lyon.hierarchie().departement().code()).isEqualTo("69");
        assertThat(lyon.population().municipale()).isPositive();
    }

    @Test
    void departementAndRegionCountTheirCommunesAsTheCogDoes() throws IOException {
        Fiche loire = fiche(FicheType.DEPARTEMENT, "42");
        assertThat(loire.hierarchie().communes().total()).isEqualTo(cogCommunes("DEP", "42"));
        assertThat(loire.hierarchie().communes().items()).hasSize(loire.hierarchie().communes().total());
        assertThat(loire.hierarchie().siege().nom()).isEqualTo("Saint-Étienne");
        assertThat(loire.hierarchie().intercommunalites().total()).isPositive();

        Fiche ara = fiche(FicheType.REGION, "84");
        assertThat(ara.hierarchie().communes().total()).isEqualTo(cogCommunes("REG", "84"));
        assertThat(ara.hierarchie().communes().items()).as("too long to inline").isNull();
        assertThat(ara.hierarchie().communes().export()).endsWith("/exports/regions/84/communes.csv");
        assertThat(ara.hierarchie().departements().total()).isEqualTo(12);
        assertThat(fiches.communes(FicheType.REGION, "84")).map(list -> list.size())
                .isEqualTo(Optional.of(cogCommunes("REG", "84")));
    }

    /** Counted straight from the DGCL file, independently of the importers. */
    private static int epcicomMembers(String siren) throws IOException {
        int count = 0;
        try (InputStream in = Files.newInputStream(TestLightModule.fixture("public-data/epci-intercommunalites/dgcl_epcicom2025.xlsx"));
             Workbook workbook = StreamingReader.builder().open(in)) {
            for (Row row : workbook.getSheetAt(0)) {
                Cell cell = row.getCell(1);
                if (cell != null && new DataFormatter().formatCellValue(cell).equals(siren)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Counted straight from the COG file, independently of the importers. */
    private static int cogCommunes(String column, String value) throws IOException {
        int count = 0;
        try (Reader reader = Files.newBufferedReader(TestLightModule.fixture("public-data/insee-cog/v_commune_2026.csv"),
                StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
                if (record.get("TYPECOM").equals("COM") && record.get(column).equals(value)) {
                    count++;
                }
            }
        }
        return count;
    }
}
