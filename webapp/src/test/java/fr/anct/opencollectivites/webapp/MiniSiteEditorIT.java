package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page editor on the packaged application with its demo data, in a real browser
 * ({@code src/test/browser/minisite-editor-flows.mjs}): an administrator creates two mini-sites and a
 * program team member of the first; the team member builds a page of its mini-site with a live-content
 * component, previews and submits it (anonymous visitors get nothing yet), cannot reach the other
 * mini-site; a publisher publishes it and visitors see it. axe-core on the page list, page editor,
 * component form and preview in both themes. Skip/fail policy of {@link BrowserPlatform}.
 */
@Tag("http")
@Tag("browser")
@Tag("process")
class MiniSiteEditorIT {
    @RegisterExtension
    static final BrowserPlatform PLATFORM = BrowserPlatform.withAdministrator("oc-minisite-editor-it");

    /**
     * The administrator creates the mini-sites pvd (with its team member léa) and acv (with a home page
     * draft, target of the forged form), and the publisher paul, through the JSON API.
     */
    private static void createSitesAndAuthors() throws Exception {
        String[] requests = {
            "/.rest/authoring/v1/minisites", "{\"slug\":\"pvd\",\"name\":\"Petites villes de demain\"}",
            "/.rest/authoring/v1/minisites", "{\"slug\":\"acv\",\"name\":\"Action cœur de ville\"}",
            "/.rest/authoring/v1/drafts/website/sites/acv/home", "{\"type\":\"page\",\"properties\":{\"title\":\"Accueil ACV\"}}",
            "/.rest/authoring/v1/users", "{\"login\":\"lea\",\"password\":\"" + BrowserPlatform.PASSWORD
                    + "\",\"email\":\"lea@example.fr\",\"teams\":[\"pvd\"]}",
            "/.rest/authoring/v1/users", "{\"login\":\"paul\",\"password\":\"" + BrowserPlatform.PASSWORD
                    + "\",\"email\":\"paul@example.fr\",\"roles\":[\"publisher\"]}"};
        for (int i = 0; i < requests.length; i += 2) {
            HttpResponse<String> created = PLATFORM.asAdministrator("POST", requests[i], requests[i + 1]);
            assertThat(created.statusCode()).as(requests[i] + ": " + created.body()).isEqualTo(201);
        }
    }

    @Test
    void aTeamBuildsAMiniSitePageAPublisherPublishesItAndVisitorsSeeItOnlyThen() throws Exception {
        PLATFORM.requireBrowser();
        createSitesAndAuthors();
        PLATFORM.runHarness("minisite-editor-flows.mjs", Duration.ofMinutes(6), "lea", "paul", BrowserPlatform.PASSWORD);
        assertThat(BrowserPlatform.screenshot("auteur-apercu-dark")).exists();
    }
}
