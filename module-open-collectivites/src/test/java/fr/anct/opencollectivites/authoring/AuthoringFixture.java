package fr.anct.opencollectivites.authoring;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import fr.anct.opencollectivites.TestHttpServer;
import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.TestReferentiel;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.module.RepositoryBootstrap;
import fr.anct.opencollectivites.security.MailSettings;
import fr.anct.opencollectivites.security.Role;
import fr.anct.opencollectivites.web.Json;

/** A bootstrapped in-memory repository, the authoring feature, and its API over real HTTP. */
public final class AuthoringFixture implements AutoCloseable {
    public static final String PASSWORD = "une phrase de passe assez longue";
    public final Path lightModule;
    public final ContentTypeRegistry contentTypes;
    public final Messages messages;
    public final OakRepository repository;
    public final AuthoringFeature feature;
    public final TestHttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public AuthoringFixture() throws Exception {
        this(TestLightModule.dir());
    }

    /** On the light module at {@code lightModule} (its content types and messages), for a type a test adds. */
    public AuthoringFixture(Path lightModule) throws Exception {
        this(lightModule, new MailSettings("127.0.0.1", 1, "noreply@example.fr", null, null, false, "http://localhost"), null);
    }

    public AuthoringFixture(MailSettings mail, Duration scheduleInterval) throws Exception {
        this(TestLightModule.dir(), mail, scheduleInterval);
    }

    private AuthoringFixture(Path lightModule, MailSettings mail, Duration scheduleInterval) throws Exception {
        this.lightModule = lightModule;
        contentTypes = ContentTypeRegistry.load(lightModule);
        messages = Messages.load(lightModule);
        repository = OakRepository.inMemory();
        new RepositoryBootstrap(contentTypes).install(repository);
        repository.withSystemSession(session -> {
            TestReferentiel.loire(session); // territory keys in content must name a collectivité
            session.save();
            return null;
        });
        feature = AuthoringFeature.create(repository, contentTypes, messages, lightModule,
                new AuthoringFeature.Settings(mail, false, scheduleInterval, Clock.systemUTC()));
        server = new TestHttpServer(feature.resources().toArray());
    }

    /** Creates a user directly in the repository (as the create-admin command does). */
    public void user(String login, Set<Role> roles, Set<String> teams) {
        repository.withSystemSession(session -> {
            feature.accounts.create(session, login, PASSWORD.toCharArray(), login + "@example.fr", login, roles, teams);
            session.save();
            return null;
        });
    }

    /** Whether the node at {@code path} exists, read in a system session. */
    public boolean exists(String path) {
        return repository.withSystemSession(s -> s.nodeExists(path));
    }

    public String token(String login) {
        return feature.apiTokens.create(login, "tests").secret();
    }

    public HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return TestHttpServer.send(client, request.build());
    }

    /** A request with a bearer API token. */
    public HttpResponse<String> as(String token, String method, String path, String body) {
        return send(method, path, body, "Authorization", "Bearer " + token);
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    public static String body(Map<String, Object> value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        feature.close();
        repository.close();
    }
}
