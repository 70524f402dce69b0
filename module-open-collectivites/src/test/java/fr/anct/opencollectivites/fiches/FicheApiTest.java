package fr.anct.opencollectivites.fiches;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.anct.opencollectivites.TestHttpServer;
import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.exports.ExportResource;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.search.SearchIndex;
import fr.anct.opencollectivites.search.SearchService;

/** The fiche, compare and export APIs over real HTTP, on a small imported référentiel. */
@Tag("repository")
@Tag("http")
class FicheApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Messages MESSAGES = TestLightModule.messages();

    @TempDir
    static Path tempDir;
    private static OakRepository repository;
    private static SearchIndex index;
    private static TestHttpServer server;

    @BeforeAll
    static void start() throws IOException {
        repository = FicheTestData.referentiel(tempDir);
        index = new SearchIndex(repository, TestLightModule.contentTypes()).start();
        FicheService fiches = new FicheService(repository, TestLightModule.contentTypes(), MESSAGES);
        server = new TestHttpServer(new FicheResource(fiches, MESSAGES), new CompareResource(fiches, MESSAGES),
                new ExportResource(fiches, new SearchService(index), MESSAGES));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
            index.close();
            repository.close();
        }
    }

    private static JsonNode json(String path) throws IOException {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void parisFicheHasEverySectionOfTheReferentiel() throws IOException {
        JsonNode paris = json("/.rest/open-collectivites/v1/fiches/commune/75056");

        assertThat(paris.at("/nom").asText()).isEqualTo("Paris");
        assertThat(paris.at("/identite/typecomLibelle").asText()).isEqualTo("Commune");
        assertThat(paris.at("/identite/statuts/0/libelle").asText()).isEqualTo("Préfecture de région");
        assertThat(paris.at("/identite/statuts/1/libelle").asText()).isEqualTo("Préfecture");
        assertThat(paris.at("/hierarchie/region/nom").asText()).isEqualTo("Île-de-France");
        assertThat(paris.at("/hierarchie/departement/code").asText()).isEqualTo("75");
        assertThat(paris.at("/hierarchie/arrondissement/nom").asText()).isEqualTo("Paris");
        assertThat(paris.at("/hierarchie/epci/code").asText()).isEqualTo("200054781");
        assertThat(paris.at("/hierarchie/epci/liens/fiche").asText())
                .isEqualTo("/.rest/open-collectivites/v1/fiches/epci/200054781");
        assertThat(paris.at("/hierarchie/arrondissementsMunicipaux/total").asInt()).isEqualTo(2);
        assertThat(paris.at("/hierarchie/arrondissementsMunicipaux/items/1/nom").asText())
                .isEqualTo("Paris 20e Arrondissement");
        // Paris's population is the sum of its arrondissements municipaux in the test file.
        assertThat(paris.at("/population/municipale").asLong()).isEqualTo(15917 + 182318);
        assertThat(paris.at("/population/source/nom").asText()).contains("Populations légales");
        assertThat(paris.at("/identite/source/nom").asText()).contains("Code officiel géographique");
        assertThat(paris.at("/liens/delivery").asText()).isEqualTo("/.rest/delivery/communes/75/75056");
        assertThat(paris.at("/liens/page").asText()).isEqualTo("/communes/75056-paris");
        assertThat(paris.at("/liens/csv").asText()).isEqualTo("/.rest/open-collectivites/v1/fiches/commune/75056.csv");
    }

    @Test
    void financesByYearAreInTheFicheTheComparisonAndTheCsv() throws IOException {
        JsonNode fiche = json("/.rest/open-collectivites/v1/fiches/commune/01001");

        assertThat(fiche.at("/finances/exercices").toString()).isEqualTo("[2022,2023]");
        assertThat(fiche.at("/finances/source/nom").asText()).startsWith("OFGL");
        JsonNode depenses = null;
        for (JsonNode agregat : fiche.at("/finances/agregats")) {
            if (agregat.get("agregat").asText().equals("Dépenses totales")) {
                depenses = agregat;
            }
        }
        assertThat(depenses).isNotNull();
        assertThat(depenses.at("/valeurs/1/exercice").asInt()).isEqualTo(2023);
        assertThat(depenses.at("/valeurs/1/montant").decimalValue()).isEqualByComparingTo("2023");
        assertThat(depenses.at("/valeurs/1/euroParHabitant").decimalValue()).isEqualByComparingTo("2.525593");

        JsonNode comparison = json("/.rest/open-collectivites/v1/compare?c=commune:01001&c=commune:75056");
        JsonNode row = null;
        for (JsonNode candidate : comparison.get("indicateurs")) {
            if (candidate.get("id").asText().equals("finances.depenses-totales.euroParHabitant")
                    && candidate.get("annee").asInt() == 2023) {
                row = candidate;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.at("/valeurs/0").decimalValue()).isEqualByComparingTo("2.525593");
        JsonNode parisDepenses = json("/.rest/open-collectivites/v1/fiches/commune/75056").at("/finances/agregats/0");
        assertThat(parisDepenses.get("agregat").asText()).isEqualTo("Dépenses totales");
        assertThat(row.at("/valeurs/1").decimalValue())
                .isEqualByComparingTo(parisDepenses.at("/valeurs/1/euroParHabitant").decimalValue());
        JsonNode population = json("/.rest/open-collectivites/v1/compare?c=commune:01001&c=commune:01015-comd");
        assertThat(rowOf(population, "population.municipale").at("/valeurs/1").isNull())
                .as("a commune déléguée has no population of its own in the test files").isTrue();

        List<CSVRecord> csv = csv(server.get("/.rest/open-collectivites/v1/fiches/commune/01001.csv").body(), ';');
        assertThat(csv).anySatisfy(r -> assertThat(List.of(r.get(3), r.get(5), r.get(6)))
                .containsExactly("finances.depenses-totales.euroParHabitant", "2023", "2.525593"));
    }

    @Test
    void parisShowsItsMairieWithOpeningHoursAndItsMaire() throws IOException {
        JsonNode paris = json("/.rest/open-collectivites/v1/fiches/commune/75056");

        assertThat(paris.at("/mairies/0/nom").asText()).isEqualTo("Mairie - Paris");
        assertThat(paris.at("/mairies/0/deleguee").asBoolean()).isFalse();
        assertThat(paris.at("/mairies/0/horaires/0/ranges/0/opens").asText()).matches("\\d{2}:\\d{2}(:00)?");
        assertThat(paris.at("/elus/maire/nom").asText()).isEqualTo("EXEMPLAIRE");
        assertThat(paris.at("/elus/maire/source/nom").asText()).contains("Répertoire national des élus");
        assertThat(paris.at("/elus/maire/source/millesime").asText()).isEqualTo("2026-09-16");
        assertThat(json("/.rest/open-collectivites/v1/fiches/commune/01001").at("/elus/maire/prenom").asText())
                .isEqualTo("Alix");
    }

    @Test
    void everyLevelReturnsEverySection() throws IOException {
        JsonNode paris = json("/.rest/open-collectivites/v1/fiches/commune/75056");
        assertThat(fieldNames(paris)).contains("identite", "hierarchie", "population", "finances", "mairies", "elus", "liens");
        assertThat(paris.at("/finances/exercices").toString()).isEqualTo("[2022,2023]");

        JsonNode epci = json("/.rest/open-collectivites/v1/fiches/epci/200040350");
        assertThat(fieldNames(epci)).contains("identite", "hierarchie", "population", "finances", "elus", "liens");
        assertThat(epci.at("/elus/president/nom").asText()).isEqualTo("PRESIDENTFICTIF");
        assertThat(epci.at("/elus/president/fonction").asText()).isEqualTo("Président du conseil communautaire");

        for (String path : List.of("departement/01", "region/84")) {
            JsonNode fiche = json("/.rest/open-collectivites/v1/fiches/" + path);
            assertThat(fieldNames(fiche)).as(path).contains("identite", "hierarchie", "population", "finances", "liens");
            assertThat(fiche.at("/finances/agregats/0/valeurs/1/exercice").asInt()).as(path).isEqualTo(2023);
        }

        JsonNode deleguee = json("/.rest/open-collectivites/v1/fiches/commune/01015-comd");
        assertThat(fieldNames(deleguee)).contains("identite", "hierarchie", "liens").doesNotContain("finances");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void communeDelegueeNamesItsCommuneNouvelle() throws IOException {
        JsonNode arbignieu = json("/.rest/open-collectivites/v1/fiches/commune/01015-comd");

        assertThat(arbignieu.at("/nom").asText()).isEqualTo("Arbignieu");
        assertThat(arbignieu.at("/identite/typecom").asText()).isEqualTo("COMD");
        assertThat(arbignieu.at("/hierarchie/communeParente/nom").asText()).isEqualTo("Arboys en Bugey");

        JsonNode arboys = json("/.rest/open-collectivites/v1/fiches/commune/01015");
        assertThat(arboys.at("/hierarchie/communesDeleguees/items/0/liens/fiche").asText())
                .isEqualTo("/.rest/open-collectivites/v1/fiches/commune/01015-comd");
        assertThat(arboys.at("/identite/statuts").isMissingNode()).isTrue();
    }

    @Test
    void mergedCommuneCodeRedirectsToTodaysFiche() {
        HttpResponse<String> response = server.get("/.rest/open-collectivites/v1/fiches/commune/17352");

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .endsWith("/.rest/open-collectivites/v1/fiches/commune/17457");
    }

    @Test
    void epciDepartementAndRegionFichesListTheirParts() throws IOException {
        JsonNode epci = json("/.rest/open-collectivites/v1/fiches/epci/200040350");
        assertThat(epci.at("/nom").asText()).isEqualTo("CC Bugey Sud");
        assertThat(epci.at("/identite/natureJuridiqueLibelle").asText()).isEqualTo("Communauté de communes");
        assertThat(epci.at("/hierarchie/departement/nom").asText()).isEqualTo("Ain");
        assertThat(epci.at("/hierarchie/region/code").asText()).isEqualTo("84");
        assertThat(epci.at("/hierarchie/membres/total").asInt()).isEqualTo(2);
        assertThat(epci.at("/population/municipale").asLong()).isEqualTo(1150);
        assertThat(epci.at("/population/source/nom").asText()).startsWith("DGCL");

        JsonNode ain = json("/.rest/open-collectivites/v1/fiches/departement/01");
        assertThat(ain.at("/hierarchie/region/nom").asText()).isEqualTo("Auvergne-Rhône-Alpes");
        assertThat(ain.at("/hierarchie/communes/total").asInt()).isEqualTo(3);
        assertThat(ain.at("/hierarchie/arrondissements/total").asInt()).isEqualTo(2);
        assertThat(ain.at("/hierarchie/intercommunalites/items/0/code").asText()).isEqualTo("200040350");

        JsonNode idf = json("/.rest/open-collectivites/v1/fiches/region/11");
        assertThat(idf.at("/hierarchie/departements/items/0/nom").asText()).isEqualTo("Paris");
        assertThat(idf.at("/hierarchie/siege/nom").asText()).isEqualTo("Paris");
        assertThat(idf.at("/hierarchie/communes/total").asInt()).isEqualTo(1);
    }

    @Test
    void unknownFicheAnswers404InFrenchAndSecondRequestRevalidates() throws IOException {
        HttpResponse<String> unknown = server.get("/.rest/open-collectivites/v1/fiches/commune/99999");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).at("/error/message").asText()).contains("Aucune collectivité");
        assertThat(server.get("/.rest/open-collectivites/v1/fiches/canton/01").statusCode()).isEqualTo(404);

        HttpResponse<String> first = server.get("/.rest/open-collectivites/v1/fiches/departement/75");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(server.get("/.rest/open-collectivites/v1/fiches/departement/75", "If-None-Match", etag).statusCode())
                .isEqualTo(304);
    }

    @Test
    void comparisonShowsTheFichesOwnFigures() throws IOException {
        JsonNode comparison = json("/.rest/open-collectivites/v1/compare?c=commune:75056&c=epci:200040350&c=commune:17352");

        assertThat(comparison.at("/collectivites/2/code").asText()).as("former code followed").isEqualTo("17457");
        JsonNode row = rowOf(comparison, "population.municipale");
        assertThat(row.at("/valeurs/0").asLong())
                .isEqualTo(json("/.rest/open-collectivites/v1/fiches/commune/75056").at("/population/municipale").asLong());
        assertThat(row.at("/valeurs/1").asLong())
                .isEqualTo(json("/.rest/open-collectivites/v1/fiches/epci/200040350").at("/population/municipale").asLong());
        assertThat(row.at("/valeurs/2").isNull()).as("La Devise has no population in the test files").isTrue();
        assertThat(rowOf(comparison, "membres").at("/valeurs/1").asInt()).isEqualTo(2);

        assertThat(server.get("/.rest/open-collectivites/v1/compare?c=commune:75056").statusCode()).isEqualTo(400);
        assertThat(server.get("/.rest/open-collectivites/v1/compare?c=75056&c=01015").statusCode()).isEqualTo(400);
        assertThat(server.get("/.rest/open-collectivites/v1/compare?c=commune:75056&c=commune:99999").statusCode())
                .isEqualTo(404);
    }

    private static JsonNode rowOf(JsonNode comparison, String id) {
        for (JsonNode row : comparison.get("indicateurs")) {
            if (row.get("id").asText().equals(id)) {
                return row;
            }
        }
        throw new AssertionError("No row " + id + " in " + comparison);
    }

    @Test
    void ficheCsvOpensInASpreadsheet() throws IOException {
        HttpResponse<String> response = server.get("/.rest/open-collectivites/v1/fiches/commune/75056.csv");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv").contains("charset=UTF-8")
                .contains("delimiter=semicolon");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"fiche-commune-75056.csv\"");
        assertThat(response.body()).startsWith("\uFEFF");
        List<CSVRecord> records = csv(response.body(), ';');
        assertThat(records.get(0).toList()).containsExactly("type", "code", "nom", "indicateur", "libelle", "annee",
                "valeur", "unite", "source", "millesime");
        CSVRecord population = records.stream().filter(r -> r.get(3).equals("population.municipale")).findFirst()
                .orElseThrow();
        assertThat(population.get(6)).isEqualTo(String.valueOf(15917 + 182318));

        HttpResponse<String> comma = server.get("/.rest/open-collectivites/v1/fiches/commune/75056.csv?sep=,");
        assertThat(comma.headers().firstValue("Content-Type").orElseThrow()).contains("delimiter=comma");
        assertThat(csv(comma.body(), ',').get(0).size()).isEqualTo(10);

        HttpResponse<String> json = server.get("/.rest/open-collectivites/v1/fiches/commune/75056.json");
        assertThat(json.headers().firstValue("Content-Disposition").orElseThrow()).contains("fiche-commune-75056.json");
        assertThat(JSON.readTree(json.body()).at("/population/municipale").asLong()).isEqualTo(15917 + 182318);
    }

    @Test
    void exportsListMembersCommunesAndSearchResults() throws IOException {
        List<CSVRecord> membres = csv(server.get("/.rest/open-collectivites/v1/exports/epci/200040350/membres.csv").body(), ';');
        assertThat(membres).extracting(r -> r.get(0)).containsExactly("code", "01015", "01138");

        List<CSVRecord> ain = csv(server.get("/.rest/open-collectivites/v1/exports/departements/01/communes.csv").body(), ';');
        assertThat(ain).extracting(r -> r.get(1)).containsExactly("nom", "L'Abergement-Clémenciat", "Arboys en Bugey",
                "Culoz-Béon");
        assertThat(ain.get(1).get(7)).as("population, plain number").isEqualTo("860");

        JsonNode json = JSON.readTree(server.get("/.rest/open-collectivites/v1/exports/regions/11/communes.json").body());
        assertThat(json.get(0).get("code").asText()).isEqualTo("75056");

        HttpResponse<String> search = server.get("/.rest/open-collectivites/v1/exports/search.csv?q=paris");
        assertThat(search.headers().firstValue("Content-Disposition").orElseThrow()).contains("recherche-paris.csv");
        assertThat(csv(search.body(), ';')).extracting(r -> r.get(2)).contains("Paris", "Paris 1er Arrondissement");

        assertThat(server.get("/.rest/open-collectivites/v1/exports/epci/200040350/membres.xls").statusCode()).isEqualTo(404);
        assertThat(server.get("/.rest/open-collectivites/v1/exports/search.csv").statusCode()).isEqualTo(400);
    }

    private static List<CSVRecord> csv(String body, char separator) throws IOException {
        String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
        return new ArrayList<>(CSVFormat.EXCEL.builder().setDelimiter(separator).build()
                .parse(new java.io.StringReader(text)).getRecords());
    }

    @Test
    void csvIsUtf8() {
        HttpResponse<String> response = server.get("/.rest/open-collectivites/v1/exports/departements/01/communes.csv");
        assertThat(response.body().getBytes(StandardCharsets.UTF_8)).isNotEmpty();
        assertThat(response.body()).contains("Culoz-Béon");
    }
}
