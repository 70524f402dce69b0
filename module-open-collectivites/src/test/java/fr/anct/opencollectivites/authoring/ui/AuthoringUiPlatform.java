package fr.anct.opencollectivites.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import fr.anct.opencollectivites.TestHttpServer;
import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.search.SearchIndex;
import fr.anct.opencollectivites.search.SearchResource;
import fr.anct.opencollectivites.search.SearchService;
import fr.anct.opencollectivites.security.Role;

/**
 * The authoring pages over real HTTP on a real repository: an {@link AuthoringFixture}, the pages' resources
 * and the API's on a {@link TestHttpServer}, and a {@link UiClient} of them. Made for one test: on an instance
 * field, {@code @RegisterExtension final AuthoringUiPlatform platform = new AuthoringUiPlatform().user(...)},
 * it is closed after the test; made in a {@code @BeforeEach} or {@code @BeforeAll} (when it needs what another
 * extension starts first), the test closes it.
 */
public final class AuthoringUiPlatform implements AfterEachCallback, AutoCloseable {
    public final AuthoringFixture fixture;
    public final TestHttpServer server;
    public final UiClient ui;
    private final SearchIndex index;

    /** On a fresh {@link AuthoringFixture}, no account yet. */
    public AuthoringUiPlatform() {
        this(newFixture(), f -> null);
    }

    /**
     * On a fresh {@link AuthoringFixture} whose référentiel is indexed for the territory pickers, also serving
     * the site's search API that the pickers call as one types.
     */
    public static AuthoringUiPlatform withSearchIndex() {
        return new AuthoringUiPlatform(newFixture(), f -> null, true);
    }

    /** On a fresh {@link AuthoringFixture}, also serving the resource {@code alsoServed} makes of it. */
    public AuthoringUiPlatform(Function<AuthoringFixture, Object> alsoServed) {
        this(newFixture(), alsoServed);
    }

    /** On {@code fixture}, closed with the platform. */
    public AuthoringUiPlatform(AuthoringFixture fixture) {
        this(fixture, f -> null);
    }

    private AuthoringUiPlatform(AuthoringFixture fixture, Function<AuthoringFixture, Object> alsoServed) {
        this(fixture, alsoServed, false);
    }

    private AuthoringUiPlatform(AuthoringFixture fixture, Function<AuthoringFixture, Object> alsoServed, boolean indexed) {
        this.fixture = fixture;
        try {
            List<Object> resources = new ArrayList<>(fixture.feature.resources());
            index = indexed ? new SearchIndex(fixture.repository, fixture.contentTypes).start() : null;
            SearchService search = index == null ? null : new SearchService(index);
            if (search != null) {
                resources.add(new SearchResource(search, fixture.messages));
            }
            resources.addAll(new AuthoringUi(fixture.feature, fixture.repository, fixture.contentTypes,
                    fixture.lightModule, fixture.messages, false, search).resources());
            Object extra = alsoServed.apply(fixture);
            if (extra != null) {
                resources.add(extra);
            }
            server = new TestHttpServer(resources.toArray());
        } catch (RuntimeException | Error e) {
            closeQuietly(fixture, e);
            throw e;
        }
        ui = new UiClient(server);
    }

    /**
     * On a copy of the light module in {@code dir} that adds the content type {@code type} (as a site's own
     * light module would).
     */
    public static AuthoringUiPlatform withContentType(Path dir, String type, String definition) throws Exception {
        Path module = TestLightModule.copyTo(dir.resolve("open-collectivites"));
        Files.writeString(module.resolve("contentTypes/" + type + ".yaml"), definition);
        return new AuthoringUiPlatform(new AuthoringFixture(module));
    }

    private static AuthoringFixture newFixture() {
        try {
            return new AuthoringFixture();
        } catch (Exception e) {
            throw new IllegalStateException("The authoring fixture did not start", e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable, Throwable cause) {
        try {
            closeable.close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }

    /** An account with these roles and no team, password {@link AuthoringFixture#PASSWORD}. */
    public AuthoringUiPlatform user(String login, Role... roles) {
        fixture.user(login, Set.of(roles), Set.of());
        return this;
    }

    /** A member of the programme team of the mini-site {@code slug}, without a role. */
    public AuthoringUiPlatform teamMember(String login, String slug) {
        fixture.user(login, Set.of(), Set.of(slug));
        return this;
    }

    /**
     * The administrator ada and the mini-sites of two programmes she creates through the API: pvd (Petites
     * villes de demain) and acv (Action cœur de ville).
     */
    public AuthoringUiPlatform withTwoMiniSites() {
        user("ada", Role.ADMINISTRATOR);
        String admin = fixture.token("ada");
        for (String[] site : new String[][] {{"pvd", "Petites villes de demain"}, {"acv", "Action cœur de ville"}}) {
            HttpResponse<String> created = fixture.as(admin, "POST", "/.rest/authoring/v1/minisites",
                    AuthoringFixture.body(Map.of("slug", site[0], "name", site[1])));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        return this;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        close();
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
            if (index != null) {
                index.close();
            }
        } finally {
            fixture.close();
        }
    }
}
