package fr.anct.opencollectivites.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.TestHttpServer;
import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.TestReferentiel;
import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.fiches.FicheService;
import fr.anct.opencollectivites.publications.catalogue.CatalogueService;
import fr.anct.opencollectivites.publications.catalogue.PublicationIndex;
import fr.anct.opencollectivites.search.SearchIndex;
import fr.anct.opencollectivites.search.SearchService;

/**
 * "Adding a field is YAML only" for the public pages: on a copy of the light module whose callout type gains
 * a property and whose fiche template shows it (through the callout's generic {@code content}), the property
 * is validated, stored, shown on the commune's fiche and answered by the editorial API — without Java.
 */
@Tag("repository")
@Tag("http")
class CalloutPropertyOnFicheTest {

    @Test
    void aPropertyAddedToTheCalloutYamlShowsOnTheFicheThroughTheTemplateAlone(@TempDir Path dir) throws Exception {
        Path module = TestLightModule.copyTo(dir.resolve("open-collectivites"));
        Path calloutYaml = module.resolve("contentTypes/callout.yaml");
        Files.writeString(calloutYaml, Files.readString(calloutYaml) + "    - name: horaires\n");
        Path fiche = module.resolve("templates/pages/fiche.ftl");
        String template = Files.readString(fiche);
        String title = "<h2 class=\"fr-callout__title\">${callout.title}</h2>";
        assertThat(template).contains(title);
        Files.writeString(fiche, template.replace(title,
                title + "\n    <p class=\"oc-horaires\">${callout.content.horaires!}</p>"));

        try (AuthoringFixture fixture = new AuthoringFixture(module);
             PublicationIndex publications = new PublicationIndex(fixture.repository, Duration.ofMillis(20)).start();
             SearchIndex search = new SearchIndex(fixture.repository, fixture.contentTypes).start()) {
            fixture.repository.withSystemSession(session -> {
                TestReferentiel.loire(session);
                new ContentWriter().upsert(session, "/website/callouts/permanence", fixture.contentTypes.require("callout"),
                        Map.of("collectivite", "commune:42218", "title", "Permanence de l'adjointe",
                                "message", "<p>Sans rendez-vous.</p>", "horaires", "Le samedi de 9 h à 12 h"));
                session.save();
                return null;
            });
            FicheService fiches = new FicheService(fixture.repository, fixture.contentTypes, TestLightModule.messages());
            try (Site site = new Site(module, TestLightModule.messages(), fixture.contentTypes, fixture.repository,
                    new SearchService(search), fiches,
                    new CatalogueService(publications, fixture.repository, fixture.contentTypes))) {
                List<Object> resources = new ArrayList<>(fixture.feature.resources());
                resources.addAll(site.components());
                try (TestHttpServer server = new TestHttpServer(resources.toArray())) {
                    HttpResponse<String> page = server.get("/communes/42218-saint-etienne", "Accept", "text/html");
                    assertThat(page.statusCode()).isEqualTo(200);
                    assertThat(page.body()).contains("Permanence de l&#39;adjointe")
                            .contains("<p class=\"oc-horaires\">Le samedi de 9 h à 12 h</p>");
                    assertThat(server.get("/.rest/open-collectivites/v1/editorial/callouts?collectivite=commune:42218").body())
                            .contains("\"horaires\":\"Le samedi de 9 h à 12 h\"");
                }
            }
        }
    }
}
