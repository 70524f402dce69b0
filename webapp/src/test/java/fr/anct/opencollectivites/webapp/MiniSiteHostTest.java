package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import javax.jcr.Node;

import org.apache.jackrabbit.commons.JcrUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A published mini-site on its own host name: real HTTP requests carrying that {@code Host} get its home
 * at {@code /} and its pages at {@code /<page>}, with canonical links on the host; other paths, other
 * hosts, a host name only in a draft, the platform's own host and a host two sites claim are untouched.
 */
@Tag("http")
class MiniSiteHostTest {
    @TempDir
    static Path dataDir;
    static Platform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.start(PlatformConfig.load(Optional.empty(), Map.of(
                "OC_SERVER_HOST", "127.0.0.1", "OC_SERVER_PORT", "0", "OC_DATA_DIR", dataDir.toString())));
        platform.repository().withSystemSession(session -> {
            Node site = session.getNode("/website/sites").addNode("pvd", "oc:minisite");
            site.setProperty("slug", "pvd");
            site.setProperty("name", "Petites villes de demain");
            site.setProperty("teamGroup", "oc-team-pvd");
            site.setProperty("hostName", "pvd.example.fr");
            site.setProperty("navigation", new String[] {"home", "agenda"});
            for (String name : new String[] {"home", "agenda"}) {
                Node page = site.addNode(name, "mgnl:page");
                page.setProperty("mgnl:template", "open-collectivites:pages/" + ("home".equals(name) ? "minisite-home" : "minisite-page"));
                page.setProperty("title", "home".equals(name) ? "Accueil du programme" : "Agenda du programme");
            }
            // A team cannot take the platform's host (site.baseUrl: localhost) nor another site's.
            for (String[] other : new String[][] {{"intrus", "localhost"}, {"double-a", "double.example.fr"},
                    {"double-b", "double.example.fr"}}) {
                Node claim = session.getNode("/website/sites").addNode(other[0], "oc:minisite");
                claim.setProperty("slug", other[0]);
                claim.setProperty("name", "Site " + other[0]);
                claim.setProperty("teamGroup", "oc-team-" + other[0]);
                claim.setProperty("hostName", other[1]);
                Node home = claim.addNode("home", "mgnl:page");
                home.setProperty("mgnl:template", "open-collectivites:pages/minisite-home");
                home.setProperty("title", "Accueil de " + other[0]);
            }
            Node draftSites = JcrUtils.getOrCreateByPath("/oc:authoring/website/sites", "mgnl:folder", session);
            Node draft = draftSites.addNode("acv", "oc:minisite");
            draft.setProperty("slug", "acv");
            draft.setProperty("name", "Action cœur de ville");
            draft.setProperty("teamGroup", "oc-team-acv");
            draft.setProperty("hostName", "acv.example.fr");
            draft.addNode("home", "mgnl:page").setProperty("title", "Accueil ACV en préparation");
            session.save();
            return null;
        });
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void theMiniSiteAnswersOnItsOwnHost() throws IOException {
        // its absolute addresses: its own host name on site.baseUrl's scheme and port (http, 8080 here)
        String home = get("pvd.example.fr", "/");
        assertThat(home).startsWith("HTTP/1.1 200").contains("<h1>Accueil du programme</h1>",
                "<link rel=\"canonical\" href=\"http://pvd.example.fr:8080/\">", "href=\"/agenda\"");
        String agenda = get("pvd.example.fr:8080", "/agenda");
        assertThat(agenda).startsWith("HTTP/1.1 200").contains("<h1>Agenda du programme</h1>",
                "<link rel=\"canonical\" href=\"http://pvd.example.fr:8080/agenda\">", "aria-current=\"page\"");
    }

    @Test
    void otherPathsOtherHostsAndDraftHostNamesAreUntouched() throws IOException {
        assertThat(get("pvd.example.fr", "/communes/42218")).as("a fiche linked from the mini-site").startsWith("HTTP/1.1 301");
        assertThat(get("pvd.example.fr", "/inconnue")).startsWith("HTTP/1.1 404");
        assertThat(get("pvd.example.fr", "/sites/pvd/agenda")).startsWith("HTTP/1.1 200");
        assertThat(get("autre.example.fr", "/")).startsWith("HTTP/1.1 200").doesNotContain("Accueil du programme");
        assertThat(get("acv.example.fr", "/")).as("a host name in a draft only").startsWith("HTTP/1.1 200")
                .doesNotContain("Accueil ACV");
        assertThat(get("localhost:8080", "/")).as("the platform's own host").startsWith("HTTP/1.1 200")
                .doesNotContain("Accueil de intrus");
        assertThat(get("double.example.fr", "/")).as("a host two sites claim").startsWith("HTTP/1.1 200")
                .doesNotContain("Accueil de double");
        assertThat(get("127.0.0.1", "/sites/pvd/")).contains("<h1>Accueil du programme</h1>", "href=\"/sites/pvd/agenda\"");
    }

    private static String get(String host, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", platform.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
