package fr.anct.opencollectivites.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.jcr.AccessDeniedException;
import javax.jcr.Session;
import javax.jcr.security.AccessControlException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.web.Json;
import fr.anct.opencollectivites.publishing.DraftException;
import fr.anct.opencollectivites.security.RoleMatrix.Action;
import fr.anct.opencollectivites.security.RoleMatrix.Subject;
import fr.anct.opencollectivites.security.RoleMatrix.Subtree;

/**
 * For each role × action × subtree, the outcome through the JSON API is the one the role grants; and
 * the same refusals come from the repository when the service layer is called with the user's session.
 * The expectations live in {@link RoleMatrix}; {@code UiRoleMatrixTest} runs them through the authoring pages.
 */
@Tag("repository")
@Tag("http")
class RoleMatrixTest {
    private static AuthoringFixture fixture;
    private static final Map<Subject, String> TOKENS = new java.util.EnumMap<>(Subject.class);

    @BeforeAll
    static void setUp() throws Exception {
        fixture = new AuthoringFixture();
        RoleMatrix.populate(fixture);
        TOKENS.put(Subject.ADMIN, fixture.token("admin1"));
        TOKENS.put(Subject.EDITOR, fixture.token("editor1"));
        TOKENS.put(Subject.PUBLISHER, fixture.token("publisher1"));
        TOKENS.put(Subject.REVIEWER, fixture.token("reviewer1"));
        TOKENS.put(Subject.TEAM, fixture.token("alpha1"));
    }

    @AfterAll
    static void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void everyRoleGetsExactlyWhatItsRoleGrantsThroughTheApi() {
        List<String> mismatches = new ArrayList<>();
        for (Subject subject : Subject.values()) {
            for (Subtree subtree : Subtree.values()) {
                for (Action action : Action.values()) {
                    reset(subtree);
                    HttpResponse<String> response = perform(TOKENS.get(subject), subtree, action);
                    boolean expected = RoleMatrix.allowed(subject, subtree, action);
                    boolean ok = response.statusCode() / 100 == 2;
                    boolean denied = response.statusCode() == 403 || response.statusCode() == 404;
                    if (expected ? !ok : !denied) {
                        mismatches.add(subject + " " + action + " " + subtree + ": " + response.statusCode() + " "
                                + response.body());
                    }
                    if (!expected && action == Action.EDIT) {
                        assertThat(draftValue(subtree)).as(subject + " edit " + subtree).isEqualTo("Initial");
                    }
                    if (!expected && action == Action.PUBLISH) {
                        assertThat(live(subtree)).as(subject + " publish " + subtree).isFalse();
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void onlyAdministratorsManageUsers() {
        for (Subject subject : Subject.values()) {
            String login = "new-" + subject.name().toLowerCase();
            HttpResponse<String> response = fixture.as(TOKENS.get(subject), "POST", "/.rest/authoring/v1/users",
                    AuthoringFixture.body(Map.of("login", login, "password", AuthoringFixture.PASSWORD,
                            "email", login + "@example.fr", "roles", List.of("editor"))));
            if (RoleMatrix.managesUsers(subject)) {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            } else {
                assertThat(response.statusCode()).as(subject + " " + response.body()).isEqualTo(403);
                java.util.Optional<Account> created = fixture.repository.withSystemSession(s -> fixture.feature.accounts.find(s, login));
                assertThat(created).isEmpty();
            }
        }
    }

    @Test
    void theRepositoryRefusesEvenWhenTheServiceLayerIsCalledDirectly() throws Exception {
        reset(Subtree.EDITORIAL);
        reset(Subtree.OWN_SITE);
        Session editor = fixture.feature.userSessions.login("editor1");
        try {
            assertThatThrownBy(() -> fixture.feature.workflow.publish(editor, Subtree.EDITORIAL.item()))
                    .isInstanceOf(AccessDeniedException.class);
            editor.refresh(false);
            assertThatThrownBy(() -> fixture.feature.drafts.update(editor, Subtree.OWN_SITE.item(), patch("title")))
                    .isInstanceOf(AccessControlException.class);
            editor.refresh(false);
            assertThatThrownBy(() -> {
                fixture.feature.accounts.create(editor, "intrus", AuthoringFixture.PASSWORD.toCharArray(),
                        "intrus@example.fr", null, Set.of(Role.ADMINISTRATOR), Set.of());
                editor.save();
            }).isInstanceOf(AccessControlException.class);
        } finally {
            editor.logout();
        }
        reset(Subtree.OTHER_SITE);
        Session team = fixture.feature.userSessions.login("alpha1");
        try {
            assertThatThrownBy(() -> fixture.feature.drafts.update(team, Subtree.OTHER_SITE.item(), patch("title")))
                    .isInstanceOf(DraftException.class);
            assertThat(team.nodeExists(Subtree.OTHER_SITE.item().draftPath())).isFalse();
            assertThat(team.nodeExists(Subtree.EDITORIAL.item().draftPath())).isFalse();
        } finally {
            team.logout();
        }
        assertThat(draftValue(Subtree.OTHER_SITE)).isEqualTo("Initial");
    }

    @Test
    void anonymousReadsPublishedContentOnly() {
        reset(Subtree.EDITORIAL);
        fixture.repository.withSystemSession(session -> {
            fixture.feature.workflow.publish(session, Subtree.EDITORIAL.item());
            return null;
        });
        fixture.repository.withAnonymousSession(session -> {
            assertThat(session.nodeExists("/website/pages/p1")).isTrue();
            assertThat(session.nodeExists("/oc:authoring/website/pages/p1")).isFalse();
            assertThat(session.nodeExists("/oc:publishing")).isFalse();
            assertThat(session.nodeExists("/oc:system/security")).isFalse();
            return null;
        });
        assertThat(fixture.send("GET", "/.rest/authoring/v1/drafts/website/pages/p1", null).statusCode()).isEqualTo(401);
    }

    private static ObjectNode patch(String field) {
        ObjectNode properties = Json.object();
        properties.put(field, "Modifié");
        return properties;
    }

    private static HttpResponse<String> perform(String token, Subtree subtree, Action action) {
        String item = subtree.workspace + subtree.path;
        return switch (action) {
            case READ -> fixture.as(token, "GET", "/.rest/authoring/v1/drafts/" + item, null);
            case EDIT -> fixture.as(token, "PUT", "/.rest/authoring/v1/drafts/" + item,
                    AuthoringFixture.body(Map.of("properties", Map.of(subtree.field, "Modifié"))));
            case SUBMIT -> fixture.as(token, "POST", "/.rest/authoring/v1/workflow/submit/" + item, "{}");
            case PUBLISH -> fixture.as(token, "POST", "/.rest/authoring/v1/workflow/publish/" + item, "{}");
            case DELETE -> fixture.as(token, "DELETE", "/.rest/authoring/v1/drafts/" + item, null);
        };
    }

    private static void reset(Subtree subtree) {
        RoleMatrix.reset(fixture, subtree);
    }

    private static String draftValue(Subtree subtree) {
        return RoleMatrix.draftValue(fixture, subtree);
    }

    private static boolean live(Subtree subtree) {
        return RoleMatrix.live(fixture, subtree);
    }
}
