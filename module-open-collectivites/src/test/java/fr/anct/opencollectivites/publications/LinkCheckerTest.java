package fr.anct.opencollectivites.publications;

import static fr.anct.opencollectivites.publications.PublicationsTestSupport.property;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.anct.opencollectivites.TestHttpServer;
import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.content.ContentValidationException;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.publications.links.BrokenLinksResource;
import fr.anct.opencollectivites.publications.harvest.OutboundPolicy;
import fr.anct.opencollectivites.publications.links.LinkCheckSettings;
import fr.anct.opencollectivites.publications.links.LinkChecker;
import fr.anct.opencollectivites.repository.OakRepository;

@Tag("repository")
@Tag("http")
class LinkCheckerTest {
    private OakRepository repository;
    private StubWebServer web;
    private LinkChecker checker;

    @BeforeEach
    void setUp() {
        repository = PublicationsTestSupport.repository();
        web = new StubWebServer().status("/ok", 200).status("/missing", 404).slow("/slow", 2_000);
        web.handle("/no-head", exchange -> StubWebServer.send(exchange,
                "HEAD".equals(exchange.getRequestMethod()) ? 405 : 200, "page".getBytes()));
        checker = new LinkChecker(repository, TestLightModule.contentTypes(), TestLightModule.messages(),
                new LinkCheckSettings(Duration.ofMillis(500), 2, Duration.ofMillis(50)), OutboundPolicy.trusting("127.0.0.1"),
                Clock.systemUTC());
        publication("/publications/items/ok/ok", "ok", web.uri("/ok").toString());
        publication("/publications/items/mi/missing", "missing", web.uri("/missing").toString());
        publication("/publications/items/sl/slow", "slow", web.uri("/slow").toString());
        publication("/publications/items/no/no-head", "no-head", web.uri("/no-head").toString());
        publication("/oc:authoring/publications/items/dr/draft", "draft", web.uri("/missing").toString());
    }

    @AfterEach
    void tearDown() {
        web.close();
        repository.close();
    }

    private void publication(String path, String code, String link) {
        PublicationsTestSupport.publication(repository, path, code, link);
    }

    @Test
    void a404AndATimeoutAreFlaggedAndA200StaysClean() {
        LinkChecker.Report report = checker.checkAll();

        assertThat(report.checked()).isEqualTo(5);
        assertThat(report.broken()).isEqualTo(3);
        assertThat(property(repository, "/publications/items/ok/ok", "linkStatus")).isEqualTo("ok");
        assertThat(property(repository, "/publications/items/ok/ok", "linkError")).isNull();
        assertThat(property(repository, "/publications/items/ok/ok", "linkCheckedAt")).isNotNull();
        assertThat(property(repository, "/publications/items/no/no-head", "linkStatus")).isEqualTo("ok");
        assertThat(property(repository, "/publications/items/mi/missing", "linkStatus")).isEqualTo("broken");
        assertThat(property(repository, "/publications/items/mi/missing", "linkError"))
                .isEqualTo("Lien cassé : le site a répondu avec le statut HTTP 404.");
        assertThat(property(repository, "/publications/items/sl/slow", "linkStatus")).isEqualTo("broken");
        assertThat(property(repository, "/publications/items/sl/slow", "linkError"))
                .isEqualTo("Lien injoignable : pas de réponse dans le délai de 0,5 s, après 2 essais.");
        assertThat(web.hits("/slow")).isEqualTo(2);
        assertThat(web.hits("/missing")).isEqualTo(4); // HEAD then GET, for the live item and the draft; no retry
        assertThat(property(repository, "/publications/items/mi/missing", "title")).isEqualTo("Publication missing");

        assertThat(checker.brokenLinks()).extracting(LinkChecker.BrokenLink::path, LinkChecker.BrokenLink::draft)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/oc:authoring/publications/items/dr/draft", true),
                        org.assertj.core.groups.Tuple.tuple("/publications/items/mi/missing", false),
                        org.assertj.core.groups.Tuple.tuple("/publications/items/sl/slow", false));
    }

    @Test
    void aLinkThatWorksAgainIsNoLongerFlagged() {
        checker.checkAll();
        repository.withSystemSession(session -> {
            session.getNode("/publications/items/mi/missing").setProperty("link", web.uri("/ok").toString());
            session.save();
            return null;
        });
        checker.checkAll();
        assertThat(property(repository, "/publications/items/mi/missing", "linkStatus")).isEqualTo("ok");
        assertThat(property(repository, "/publications/items/mi/missing", "linkError")).isNull();
    }

    @Test
    void theEditorsListIsRefusedToAnonymousUsers() throws Exception {
        checker.checkAll();
        try (TestHttpServer anonymous = new TestHttpServer(new BrokenLinksResource(checker, TestLightModule.messages()))) {
            HttpResponse<String> refused = anonymous.get("/.rest/open-collectivites/v1/editor/publications/broken-links");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("accessDenied").doesNotContain("draft");
        }
        ContainerRequestFilter editor = request -> request.setSecurityContext(new Editor());
        try (TestHttpServer server = new TestHttpServer(new BrokenLinksResource(checker, TestLightModule.messages()), editor)) {
            HttpResponse<String> listed = server.get("/.rest/open-collectivites/v1/editor/publications/broken-links");
            assertThat(listed.statusCode()).isEqualTo(200);
            JsonNode results = new ObjectMapper().readTree(listed.body()).get("results");
            assertThat(results).hasSize(3);
            assertThat(results.get(1).get("error").asText()).isEqualTo("Lien cassé : le site a répondu avec le statut HTTP 404.");
            assertThat(List.of(results.get(0).get("draft").asBoolean(), results.get(1).get("draft").asBoolean()))
                    .containsExactly(true, false);
        }
    }

    private static final class Editor implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return () -> "camille";
        }

        @Override
        public boolean isUserInRole(String role) {
            return "editor".equals(role);
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public String getAuthenticationScheme() {
            return "test";
        }
    }
}
