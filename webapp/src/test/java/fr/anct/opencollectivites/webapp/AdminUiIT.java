package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The administration, versions and password pages on the packaged application with its demo data, in a
 * real browser ({@code src/test/browser/admin-flows.mjs}): the administrator creates a user through the
 * form and that user signs in; axe-core on every page in both themes. Skip/fail policy of
 * {@link BrowserPlatform}.
 */
@Tag("http")
@Tag("browser")
@Tag("process")
class AdminUiIT {
    @RegisterExtension
    static final BrowserPlatform PLATFORM = BrowserPlatform.withAdministrator("oc-admin-ui-it");

    /** Through the JSON API as the administrator: an editor, and a callout published twice then edited. */
    private static void prepare() throws Exception {
        List<String[]> calls = List.of(
                new String[] {"POST", "/.rest/authoring/v1/users", "{\"login\":\"claire\",\"password\":\"" + BrowserPlatform.PASSWORD
                        + "\",\"email\":\"claire@example.fr\",\"roles\":[\"editor\"]}"},
                new String[] {"POST", "/.rest/authoring/v1/drafts/website/callouts/ecole", "{\"type\":\"callout\","
                        + "\"properties\":{\"collectivite\":\"commune:42218\",\"title\":\"Inscriptions à l'école\","
                        + "\"message\":\"<p>Jusqu'au 30 juin.</p>\"}}"},
                new String[] {"POST", "/.rest/authoring/v1/workflow/publish/website/callouts/ecole", "{}"},
                new String[] {"PUT", "/.rest/authoring/v1/drafts/website/callouts/ecole",
                        "{\"properties\":{\"title\":\"Inscriptions à l'école prolongées\"}}"},
                new String[] {"POST", "/.rest/authoring/v1/workflow/publish/website/callouts/ecole", "{}"},
                new String[] {"PUT", "/.rest/authoring/v1/drafts/website/callouts/ecole",
                        "{\"properties\":{\"message\":\"<p>Jusqu'au 14 juillet.</p>\"}}"});
        for (String[] call : calls) {
            HttpResponse<String> answer = PLATFORM.asAdministrator(call[0], call[1], call[2]);
            assertThat(answer.statusCode()).as(call[1] + " " + answer.body()).isBetween(200, 201);
        }
    }

    @Test
    void anAdministratorCreatesAUserWhoSignsInAndEveryNewPageIsAccessible() throws Exception {
        PLATFORM.requireBrowser();
        prepare();
        PLATFORM.runHarness("admin-flows.mjs", Duration.ofMinutes(8), BrowserPlatform.ADMINISTRATOR, "claire",
                BrowserPlatform.PASSWORD);
        assertThat(BrowserPlatform.screenshot("admin-utilisateurs-dark")).exists();
    }
}
