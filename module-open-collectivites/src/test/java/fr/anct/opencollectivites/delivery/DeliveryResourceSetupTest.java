package fr.anct.opencollectivites.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.anct.opencollectivites.TestHttpServer;
import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.repository.RepositoryFailure;
import fr.anct.opencollectivites.repository.SessionProvider;

/** What the composition root configures: the cache lifetime and the session each request reads with. */
@Tag("repository")
@Tag("http")
class DeliveryResourceSetupTest {

    @Test
    void cacheLifetimeIsConfigurable() {
        try (DeliveryFixture fixture = new DeliveryFixture();
             TestHttpServer server = new TestHttpServer(new DeliveryResource(fixture.service,
                     SessionProvider.anonymous(fixture.repository), TestLightModule.messages(), Duration.ofMinutes(5)))) {
            HttpResponse<String> response = server.get("/.rest/delivery/regions/84");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).contains("public, max-age=300");
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        }
    }

    @Test
    void aFailureIsMagnoliasUnknownErrorWithoutDetails() {
        try (DeliveryFixture fixture = new DeliveryFixture();
             TestHttpServer server = new TestHttpServer(new DeliveryResource(fixture.service,
                     request -> { throw new RepositoryFailure("secret detail", null); }, TestLightModule.messages()))) {
            HttpResponse<String> response = server.get("/.rest/delivery/regions/84");
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("\"code\":\"unknown\"").contains("Erreur interne")
                    .doesNotContain("secret detail");
            assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        }
    }
}
