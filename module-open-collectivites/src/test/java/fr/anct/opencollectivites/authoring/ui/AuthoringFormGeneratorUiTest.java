package fr.anct.opencollectivites.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.TestHttpServer;
import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.authoring.AuthoringFeature;
import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.repository.RepositoryBootstrap;
import fr.anct.opencollectivites.security.MailSettings;
import fr.anct.opencollectivites.security.Role;

/** A content type added in a light module gets its authoring form without any Java change. */
class AuthoringFormGeneratorUiTest {
    private static final String EVENT_TYPE = """
            datasource:
              workspace: website
              rootPath: /evenements
              autoCreate: true
            model:
              nodeType: oc:evenement
              properties:
                - name: title
                  required: true
                - name: places
                  type: Long
                - name: tarif
                  type: Double
                - name: jour
                  type: Date
                - name: gratuit
                  type: Boolean
                - name: description
                  type: richText
                - name: motsCles
                  multiple: true
                - name: region
                  type: reference:region
            """;

    @TempDir
    Path temp;

    @Test
    void aNewContentTypeGetsAGeneratedFormWhoseErrorsComeFromTheService() throws Exception {
        Path module = copyLightModule(temp.resolve("open-collectivites"));
        Files.writeString(module.resolve("contentTypes/evenement.yaml"), EVENT_TYPE);
        ContentTypeRegistry registry = ContentTypeRegistry.load(module);
        Messages messages = Messages.load(module);
        try (OakRepository repository = OakRepository.inMemory()) {
            new RepositoryBootstrap(registry).install(repository);
            try (AuthoringFeature feature = AuthoringFeature.create(repository, registry, messages, module,
                    new AuthoringFeature.Settings(new MailSettings("127.0.0.1", 1, "noreply@example.fr", null, null,
                            false, "http://localhost"), false, null, Clock.systemUTC()))) {
                repository.withSystemSession(session -> {
                    feature.accounts.create(session, "marie", AuthoringFixture.PASSWORD.toCharArray(), "marie@example.fr",
                            "Admin", Set.of(Role.ADMINISTRATOR), Set.of());
                    session.save();
                    return null;
                });
                List<Object> resources = new ArrayList<>(feature.resources());
                resources.addAll(new AuthoringUi(feature, repository, registry, module, messages, false).resources());
                try (TestHttpServer server = new TestHttpServer(resources.toArray())) {
                    UiClient ui = new UiClient(server);
                    String admin = ui.signIn("marie", AuthoringFixture.PASSWORD);
                    assertThat(ui.send("GET", "/auteur/", null, admin).body())
                            .contains("href=\"/auteur/contenus/evenement/nouveau\"");

                    HttpResponse<String> form = ui.send("GET", "/auteur/contenus/evenement/nouveau", null, admin);
                    assertThat(form.statusCode()).isEqualTo(200);
                    assertThat(form.body())
                            .contains("type=\"text\" value=\"\" id=\"champ-title\" name=\"champ.title\" required")
                            .contains("type=\"number\" step=\"1\" value=\"\" id=\"champ-places\"")
                            .contains("type=\"number\" step=\"any\" value=\"\" id=\"champ-tarif\"")
                            .contains("type=\"date\" value=\"\" id=\"champ-jour\"")
                            .contains("type=\"checkbox\" id=\"champ-gratuit\" name=\"champ.gratuit\"")
                            .contains("id=\"champ-description\" name=\"champ.description\"")
                            .contains("Une valeur par ligne.")
                            .contains("list=\"champ-region-liste\"");

                    String csrf = UiClient.field(form.body(), "csrf");
                    HttpResponse<String> refused = ui.send("POST", "/auteur/contenus/evenement/nouveau",
                            UiClient.form(UiClient.fields("csrf", csrf, "nom", "forum", "champ.title", "Forum",
                                    "champ.places", "beaucoup", "action", "save")), admin);
                    assertThat(refused.statusCode()).isEqualTo(400);
                    assertThat(refused.body()).contains("id=\"champ-places-erreur\"");

                    HttpResponse<String> saved = ui.send("POST", "/auteur/contenus/evenement/nouveau",
                            UiClient.form(UiClient.fields("csrf", csrf, "nom", "forum", "champ.title", "Forum",
                                    "champ.places", "120", "champ.gratuit", "true", "champ.motsCles", "emploi\nformation",
                                    "action", "save")), admin);
                    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
                    repository.withSystemSession(s -> {
                        var node = s.getNode("/oc:authoring/website/evenements/forum");
                        assertThat(node.getProperty("places").getLong()).isEqualTo(120);
                        assertThat(node.getProperty("gratuit").getBoolean()).isTrue();
                        assertThat(node.getProperty("motsCles").getValues()).hasSize(2);
                        return null;
                    });
                }
            }
        }
    }

    /** The light module without its web resources (the DSFR files are not needed to render). */
    private static Path copyLightModule(Path target) throws IOException {
        Path source = TestLightModule.dir();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(f -> !source.relativize(f).startsWith("webresources")).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }
}
