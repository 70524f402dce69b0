package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import javax.jcr.Node;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A published mini-site page is served at /sites/{slug}/ from its components; a draft is not. */
@Tag("http")
class MiniSitePageTest {
    @TempDir
    static Path dataDir;
    static Platform platform;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.start(PlatformConfig.load(Optional.empty(), Map.of(
                "OC_SERVER_HOST", "127.0.0.1", "OC_SERVER_PORT", "0", "OC_DATA_DIR", dataDir.toString())));
        http = new Http(platform.port());
        platform.repository().withSystemSession(session -> {
            Node site = session.getNode("/website/sites").addNode("pvd", "oc:minisite");
            site.setProperty("slug", "pvd");
            site.setProperty("name", "Petites villes de demain");
            site.setProperty("teamGroup", "oc-team-pvd");
            site.setProperty("navigation", new String[] {"home", "programme"});
            Node home = site.addNode("home", "mgnl:page");
            home.setProperty("mgnl:template", "open-collectivites:pages/minisite-home");
            home.setProperty("title", "Accueil du programme");
            Node main = home.addNode("main", "mgnl:area");
            Node text = main.addNode("0", "mgnl:component");
            text.setProperty("mgnl:template", "open-collectivites:components/minisite-text");
            text.setProperty("text", "<p>Un programme pour les <strong>petites villes</strong>.</p>");
            Node fiches = main.addNode("1", "mgnl:component");
            fiches.setProperty("mgnl:template", "open-collectivites:components/minisite-fiches");
            fiches.setProperty("territories", new String[] {"commune:42207"});

            Node drafts = session.getNode("/oc:authoring/website");
            Node draftSites = drafts.hasNode("sites") ? drafts.getNode("sites") : drafts.addNode("sites", "mgnl:folder");
            Node draftSite = draftSites.addNode("pvd", "oc:minisite");
            draftSite.setProperty("slug", "pvd");
            draftSite.setProperty("name", "Petites villes de demain");
            draftSite.setProperty("teamGroup", "oc-team-pvd");
            Node draft = draftSite.addNode("brouillon", "mgnl:page");
            draft.setProperty("title", "Page en préparation");
            session.save();
            return null;
        });
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void publishedHomeShowsItsComponents() {
        HttpResponse<String> home = http.get("/sites/pvd/", "Accept", "text/html");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<h1>Accueil du programme</h1>", "Petites villes de demain",
                "<strong>petites villes</strong>", "href=\"/communes/42207\"");
        assertThat(http.get("/sites/pvd", "Accept", "text/html").statusCode()).isEqualTo(301);
    }

    @Test
    void theDemoEditorialPageAndMiniSiteAreServed() {
        assertThat(http.get("/pages/a-propos", "Accept", "text/html").body()).contains("<h1>À propos d&#39;Open Collectivités</h1>",
                "données publiques des collectivités");
        assertThat(http.get("/sites/petites-villes-de-demain/", "Accept", "text/html").body())
                .contains("Petites villes de demain dans la Loire", "href=\"/communes/42207\"");
        assertThat(http.get("/pages/inconnue", "Accept", "text/html").statusCode()).isEqualTo(404);
    }

    @Test
    void draftsAndUnknownSitesAreNotFound() {
        assertThat(http.get("/sites/pvd/brouillon", "Accept", "text/html").statusCode()).isEqualTo(404);
        assertThat(http.get("/sites/inconnu/", "Accept", "text/html").statusCode()).isEqualTo(404);
        assertThat(http.get("/sites/pvd/..%2F..%2Fcollectivites", "Accept", "text/html").statusCode())
                .as("refused by Jetty (ambiguous path) or not found").isIn(400, 404);
    }
}
