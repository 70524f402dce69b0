package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The communication team's published callouts, alerts and démarches show on fiche pages: an alert on the
 * département shows on its communes; an expired alert and a draft callout do not.
 */
@Tag("http")
class EditorialOnFichePageTest {
    @TempDir
    static Path dataDir;
    static Platform platform;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.start(PlatformConfig.load(Optional.empty(), Map.of(
                "OC_SERVER_HOST", "127.0.0.1", "OC_SERVER_PORT", "0", "OC_DATA_DIR", dataDir.toString())));
        http = new Http(platform.port());
        Instant now = Instant.now();
        platform.repository().withSystemSession(session -> {
            Node callout = folder(session, "/website/callouts").addNode("budget-participatif", "oc:callout");
            callout.setProperty("collectivite", "commune:42218");
            callout.setProperty("title", "Budget participatif 2027");
            callout.setProperty("message", "<p>Les habitants votent jusqu'au 15 décembre.</p>");
            Node alerts = folder(session, "/website/alerts");
            alert(alerts, "crue", "departement:42", "Vigilance crues sur la Loire", now.minus(1, ChronoUnit.HOURS),
                    now.plus(1, ChronoUnit.DAYS));
            alert(alerts, "ancienne", "departement:42", "Alerte terminée", now.minus(3, ChronoUnit.DAYS),
                    now.minus(1, ChronoUnit.DAYS));
            Node demarche = folder(session, "/website/demarches").addNode("passeport", "oc:demarche");
            demarche.setProperty("code", "passeport");
            demarche.setProperty("title", "Demander un passeport");
            demarche.setProperty("url", "https://www.service-public.fr/particuliers/vosdroits/N360");
            Node draft = folder(session, "/oc:authoring/website/callouts").addNode("brouillon", "oc:callout");
            draft.setProperty("collectivite", "commune:42218");
            draft.setProperty("title", "Encart en préparation");
            draft.setProperty("message", "<p>Pas encore publié.</p>");
            session.save();
            return null;
        });
    }

    private static Node folder(Session session, String path) throws RepositoryException {
        return org.apache.jackrabbit.commons.JcrUtils.getOrCreateByPath(path, "mgnl:folder", session);
    }

    private static void alert(Node alerts, String name, String territory, String title, Instant from, Instant until)
            throws RepositoryException {
        Node alert = alerts.addNode(name, "oc:alert");
        alert.setProperty("territory", territory);
        alert.setProperty("title", title);
        alert.setProperty("severity", "warning");
        alert.setProperty("validFrom", calendar(from));
        alert.setProperty("validUntil", calendar(until));
    }

    private static Calendar calendar(Instant instant) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void communeFicheShowsItsCalloutTheDepartementsAlertAndTheDemarches() {
        String page = http.get("/communes/42218-saint-etienne", "Accept", "text/html").body();

        assertThat(page).contains("Budget participatif 2027", "Les habitants votent jusqu",
                "Vigilance crues sur la Loire", "fr-alert--warning", "Demander un passeport",
                "https://www.service-public.fr/particuliers/vosdroits/N360");
        assertThat(page).doesNotContain("Alerte terminée", "Encart en préparation");
    }

    @Test
    void departementFicheShowsItsOwnAlertOnly() {
        String page = http.get("/departements/42-loire", "Accept", "text/html").body();

        assertThat(page).contains("Vigilance crues sur la Loire").doesNotContain("Budget participatif 2027",
                "Demander un passeport");
    }
}
