package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** Every figure a fiche page shows is the fiche API's, formatted the French way; every chart has its table. */
@Tag("http")
class FichePageFiguresTest {
    @TempDir
    static Path dataDir;
    static Platform platform;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.start(PlatformConfig.load(Optional.empty(), Map.of(
                "OC_SERVER_HOST", "127.0.0.1", "OC_SERVER_PORT", "0", "OC_DATA_DIR", dataDir.toString())));
        http = new Http(platform.port());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static String french(BigDecimal value) {
        return new DecimalFormat(",##0", DecimalFormatSymbols.getInstance(Locale.FRANCE)).format(value);
    }

    @Test
    void saintEtienneFinancesAndPopulationAreTheApis() {
        JsonNode api = http.json("/.rest/open-collectivites/v1/fiches/commune/42218");
        String page = http.get("/communes/42218-saint-etienne", "Accept", "text/html").body();

        assertThat(page).contains(french(api.at("/population/municipale").decimalValue()));
        int rows = 0;
        for (JsonNode agregat : api.at("/finances/agregats")) {
            assertThat(page).contains(agregat.get("agregat").asText().replace("'", "&#39;"));
            for (JsonNode valeur : agregat.get("valeurs")) {
                String row = "<th scope=\"row\">" + valeur.get("exercice").asInt() + "</th><td class=\"oc-number\">"
                        + french(valeur.get("montant").decimalValue()) + "</td><td class=\"oc-number\">"
                        + french(valeur.get("euroParHabitant").decimalValue()) + "</td>";
                assertThat(page).as(agregat.get("agregat").asText() + " " + valeur.get("exercice")).contains(row);
                rows++;
            }
        }
        assertThat(rows).as("6 agrégats × 5 exercices in the demo").isEqualTo(30);
    }

    @Test
    void comparisonChartsHaveTheirTablesWithTheApisFigures() {
        JsonNode api = http.json("/.rest/open-collectivites/v1/compare?c=commune:42218&c=commune:75056");
        String page = http.get("/comparer?c=communes%2F42218&c=communes%2F75056", "Accept", "text/html").body();
        JsonNode latest = null;
        for (JsonNode row : api.get("indicateurs")) {
            if (row.get("id").asText().equals("finances.depenses-totales.euroParHabitant")
                    && (latest == null || row.get("annee").asInt() > latest.get("annee").asInt())) {
                latest = row;
            }
        }
        assertThat(latest).isNotNull();
        DecimalFormat format = new DecimalFormat(",##0.##", DecimalFormatSymbols.getInstance(Locale.FRANCE));
        assertThat(page).contains("<h3 class=\"fr-h6\">" + latest.get("libelle").asText().replace("'", "&#39;") + " — "
                + latest.get("annee").asInt() + "</h3>");
        assertThat(page).contains("<tr><th scope=\"row\">Saint-Étienne</th><td class=\"oc-number\">"
                + format.format(latest.at("/valeurs/0").decimalValue()) + "</td></tr>");
        assertThat(page).contains("<tr><th scope=\"row\">Paris</th><td class=\"oc-number\">"
                + format.format(latest.at("/valeurs/1").decimalValue()) + "</td></tr>");
    }
}
