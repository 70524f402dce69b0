package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The authoring pages on the packaged application with its demo data, in a real browser
 * ({@code src/test/browser/authoring-flows.mjs}): an editor made through the users API writes and submits
 * a callout on Saint-Étienne, a publisher publishes it, anonymous visitors see it only then; axe-core on
 * the login, dashboard and form pages in both themes; the editors' tag preview on a real headline, a source
 * created through the authoring API and harvested now by the publisher from the sources page, axe-core on both
 * pages at 1280 and 375 px. Skip/fail policy of {@link BrowserPlatform}.
 */
@Tag("http")
@Tag("browser")
@Tag("process")
class AuthoringUiIT {
    @RegisterExtension
    static final BrowserPlatform PLATFORM = BrowserPlatform.withAdministrator("oc-authoring-ui-it");

    /** The administrator makes the editor and the publisher through the users API. */
    private static void createAuthors() throws Exception {
        for (String[] user : new String[][] {{"claire", "editor"}, {"paul", "publisher"}}) {
            HttpResponse<String> created = PLATFORM.asAdministrator("POST", "/.rest/authoring/v1/users",
                    "{\"login\":\"" + user[0] + "\",\"password\":\"" + BrowserPlatform.PASSWORD + "\",\"email\":\"" + user[0]
                            + "@example.fr\",\"roles\":[\"" + user[1] + "\"]}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
    }

    /**
     * The administrator creates and publishes a source through the authoring API (docs/publications.md), disabled
     * so that only a manual harvest runs it: the platform's own feed of Saint-Étienne's publications.
     */
    private static void createSource() throws Exception {
        HttpResponse<String> created = PLATFORM.asAdministrator("POST",
                "/.rest/authoring/v1/drafts/publications/sources/flux-saint-etienne",
                "{\"type\":\"source\",\"properties\":{\"code\":\"flux-saint-etienne\",\"name\":\"Publications sur "
                        + "Saint-Étienne\",\"kind\":\"feed\",\"url\":\"" + PLATFORM.base()
                        + "/.rest/open-collectivites/v1/publications/feed.rss?territory=commune:42218\","
                        + "\"enabled\":false,\"autoPublish\":false}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> published = PLATFORM.asAdministrator("POST",
                "/.rest/authoring/v1/workflow/publish/publications/sources/flux-saint-etienne", "{}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    }

    @Test
    void anEditorWritesAPublisherPublishesAndVisitorsSeeItOnlyThen() throws Exception {
        PLATFORM.requireBrowser();
        createAuthors();
        createSource();
        PLATFORM.runHarness("authoring-flows.mjs", Duration.ofMinutes(6), "claire", "paul", BrowserPlatform.PASSWORD);
        assertThat(BrowserPlatform.screenshot("auteur-formulaire-nouveau-dark")).exists();
    }
}
