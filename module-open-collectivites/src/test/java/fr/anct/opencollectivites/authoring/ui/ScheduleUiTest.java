package fr.anct.opencollectivites.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.publishing.ScheduledPublishing;
import fr.anct.opencollectivites.security.Role;

/**
 * The "Programmer" fieldset of the content form and the page editor on real HTTP and a real repository:
 * a publisher schedules a publish and an unpublish (Paris time), the scheduled-publishing job carries
 * them out; an editor sees no fieldset and a forged post is refused by the repository (403); a past date
 * or an unpublish before the publish is refused in French next to its field.
 */
@Tag("repository")
@Tag("http")
class ScheduleUiTest {
    private static final String NEW = "/auteur/contenus/callout/nouveau";
    private static final String EDIT = "/auteur/contenus/callout/callouts/travaux";
    private static final String PAGE = "/auteur/pages/editoriales/fete";

    @RegisterExtension
    final AuthoringUiPlatform platform = new AuthoringUiPlatform().user("claire", Role.EDITOR).user("paul", Role.PUBLISHER);
    private final AuthoringFixture fixture = platform.fixture;
    private final UiClient ui = platform.ui;

    private boolean scheduled(String recordPath) {
        return fixture.repository.withSystemSession(s -> s.nodeExists(recordPath)
                && (s.getNode(recordPath).hasProperty("oc:publishAt") || s.getNode(recordPath).hasProperty("oc:unpublishAt")));
    }

    /** The job's look for due items, as it runs {@code minutes} from now. */
    private int runJobIn(int minutes) {
        return new ScheduledPublishing(fixture.repository, fixture.feature.workflow, fixture.feature.audit,
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(minutes))).runDue();
    }

    /** A minute or two ahead, in Paris time, as a date input and a time input would send it. */
    private static String[] aheadInParis(int minutes) {
        ZonedDateTime at = ZonedDateTime.now(UiDates.PARIS).plusMinutes(minutes).truncatedTo(ChronoUnit.MINUTES);
        return new String[] {at.toLocalDate().toString(), at.toLocalTime().toString()};
    }

    private HttpResponse<String> post(String path, String session, String... fields) {
        return ui.send("POST", path, UiClient.form(UiClient.fields(fields)), session);
    }

    private void createCallout(String claire) {
        String csrf = UiClient.field(ui.send("GET", NEW, null, claire).body(), "csrf");
        assertThat(post(NEW, claire, "csrf", csrf, "nom", "travaux", "champ.collectivite", "commune:42218",
                "champ.title", "Travaux à la mairie", "champ.message", "<p>Fermée lundi</p>", "champ.validFrom", "2026-11-01",
                "action", "save").statusCode()).isEqualTo(303);
    }

    @Test
    void aPublisherSchedulesACalloutFromItsFormAndTheJobPublishesThenUnpublishesIt() {
        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        createCallout(claire);
        HttpResponse<String> editorView = ui.send("GET", EDIT, null, claire);
        assertThat(editorView.body()).doesNotContain("name=\"publication-date\"").doesNotContain("value=\"programmer\"");

        String paul = ui.signIn("paul", AuthoringFixture.PASSWORD);
        HttpResponse<String> form = ui.send("GET", EDIT, null, paul);
        assertThat(form.body()).contains("<h2 id=\"programmation-titre\">Programmer</h2>")
                .contains("type=\"date\" id=\"publication-date\" name=\"publication-date\" value=\"\"")
                .contains("type=\"time\" id=\"retrait-heure\" name=\"retrait-heure\" value=\"\"")
                .contains("Heure de Paris").contains("Aucune programmation.");
        String csrf = UiClient.field(form.body(), "csrf");

        String[] publishAt = aheadInParis(2);
        HttpResponse<String> scheduled = post(EDIT, paul, "csrf", csrf, "action", "programmer",
                "publication-date", publishAt[0], "publication-heure", publishAt[1]);
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(303);
        assertThat(scheduled.headers().firstValue("Location").orElseThrow()).endsWith(EDIT + "?fait=programmer");
        String frenchDate = publishAt[0].substring(8, 10) + "/" + publishAt[0].substring(5, 7) + "/" + publishAt[0].substring(0, 4);
        assertThat(ui.send("GET", EDIT + "?fait=programmer", null, paul).body()).contains("Programmation enregistrée.")
                .contains("publication le " + frenchDate + " à " + publishAt[1] + ":00 (heure de Paris)")
                .contains("value=\"" + publishAt[0] + "\"").contains("value=\"" + publishAt[1] + "\"")
                .contains("Annuler la programmation");

        assertThat(runJobIn(0)).as("not before its time").isZero();
        assertThat(fixture.exists("/website/callouts/travaux")).isFalse();
        assertThat(runJobIn(3)).isEqualTo(1);
        assertThat(fixture.exists("/website/callouts/travaux")).as("published by the job").isTrue();
        assertThat(scheduled("/oc:publishing/website/callouts/travaux")).isFalse();

        String[] unpublishAt = aheadInParis(2);
        assertThat(post(EDIT, paul, "csrf", csrf, "action", "programmer",
                "retrait-date", unpublishAt[0], "retrait-heure", unpublishAt[1]).statusCode()).isEqualTo(303);
        assertThat(ui.send("GET", EDIT, null, paul).body()).contains("retrait le ");
        assertThat(fixture.exists("/website/callouts/travaux")).isTrue();
        assertThat(runJobIn(3)).isEqualTo(1);
        assertThat(fixture.exists("/website/callouts/travaux")).as("unpublished by the job").isFalse();
    }

    @Test
    void aScheduleIsCancelledAndDatesInThePastOrInTheWrongOrderAreRefusedInFrench() {
        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        createCallout(claire);
        String paul = ui.signIn("paul", AuthoringFixture.PASSWORD);
        String csrf = UiClient.field(ui.send("GET", EDIT, null, paul).body(), "csrf");

        HttpResponse<String> past = post(EDIT, paul, "csrf", csrf, "action", "programmer",
                "publication-date", "2020-01-01", "publication-heure", "08:00");
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("La programmation n&#39;a pas été enregistrée")
                .contains("<p class=\"fr-message fr-message--error\" id=\"publication-erreur\">Cette date est passée")
                .contains("aria-describedby=\"publication-erreur\"").contains("value=\"2020-01-01\"");
        assertThat(scheduled("/oc:publishing/website/callouts/travaux")).isFalse();

        String[] publishAt = aheadInParis(120);
        String[] unpublishAt = aheadInParis(60);
        HttpResponse<String> reversed = post(EDIT, paul, "csrf", csrf, "action", "programmer",
                "publication-date", publishAt[0], "publication-heure", publishAt[1],
                "retrait-date", unpublishAt[0], "retrait-heure", unpublishAt[1]);
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("id=\"retrait-erreur\">Le retrait doit avoir lieu après la publication.")
                .doesNotContain("id=\"publication-erreur\"");
        assertThat(scheduled("/oc:publishing/website/callouts/travaux")).isFalse();

        assertThat(post(EDIT, paul, "csrf", csrf, "action", "programmer",
                "publication-date", publishAt[0], "publication-heure", publishAt[1]).statusCode()).isEqualTo(303);
        assertThat(scheduled("/oc:publishing/website/callouts/travaux")).isTrue();
        assertThat(post(EDIT, paul, "csrf", csrf, "action", "deprogrammer").statusCode()).isEqualTo(303);
        assertThat(scheduled("/oc:publishing/website/callouts/travaux")).isFalse();
        assertThat(ui.send("GET", EDIT + "?fait=deprogrammer", null, paul).body()).contains("Programmation annulée.")
                .contains("Aucune programmation.");
        assertThat(runJobIn(180)).isZero();
        assertThat(fixture.exists("/website/callouts/travaux")).isFalse();
    }

    @Test
    void anEditorsForgedScheduleIsRefusedByTheRepository() {
        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        createCallout(claire);
        String csrf = UiClient.field(ui.send("GET", EDIT, null, claire).body(), "csrf");
        String[] publishAt = aheadInParis(2);
        HttpResponse<String> forged = post(EDIT, claire, "csrf", csrf, "action", "programmer",
                "publication-date", publishAt[0], "publication-heure", publishAt[1]);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Votre compte ne permet pas cette action");
        assertThat(scheduled("/oc:publishing/website/callouts/travaux")).isFalse();
        assertThat(runJobIn(3)).isZero();
        assertThat(fixture.exists("/website/callouts/travaux")).isFalse();
    }

    @Test
    void aPublisherSchedulesAPageFromThePageEditorAndAnEditorCannot() {
        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        String csrf = UiClient.field(ui.send("GET", "/auteur/pages/editoriales", null, claire).body(), "csrf");
        assertThat(post("/auteur/pages/editoriales", claire, "csrf", csrf, "gabarit", "page", "nom", "fete",
                "champ.title", "Fête de la commune").statusCode()).isEqualTo(303);
        assertThat(ui.send("GET", PAGE, null, claire).body()).doesNotContain("name=\"publication-date\"");
        String[] publishAt = aheadInParis(2);
        HttpResponse<String> forged = post(PAGE, claire, "csrf", csrf, "action", "programmer",
                "publication-date", publishAt[0], "publication-heure", publishAt[1]);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(scheduled("/oc:publishing/website/pages/fete")).isFalse();

        String paul = ui.signIn("paul", AuthoringFixture.PASSWORD);
        HttpResponse<String> editor = ui.send("GET", PAGE, null, paul);
        assertThat(editor.body()).contains("id=\"publication-date\"").contains("Aucune programmation.");
        String paulCsrf = UiClient.field(editor.body(), "csrf");
        HttpResponse<String> past = post(PAGE, paul, "csrf", paulCsrf, "action", "programmer",
                "retrait-date", "2020-01-01", "retrait-heure", "08:00");
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("id=\"retrait-erreur\">Cette date est passée");

        HttpResponse<String> scheduled = post(PAGE, paul, "csrf", paulCsrf, "action", "programmer",
                "publication-date", publishAt[0], "publication-heure", publishAt[1]);
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(303);
        assertThat(scheduled.headers().firstValue("Location").orElseThrow()).endsWith(PAGE + "?fait=programmer");
        assertThat(ui.send("GET", PAGE + "?fait=programmer", null, paul).body()).contains("Programmation enregistrée.")
                .contains("Annuler la programmation");
        assertThat(fixture.exists("/website/pages/fete")).isFalse();
        assertThat(runJobIn(3)).isEqualTo(1);
        assertThat(fixture.exists("/website/pages/fete")).as("published by the job").isTrue();
    }
}
