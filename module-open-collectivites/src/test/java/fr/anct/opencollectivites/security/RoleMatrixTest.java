package fr.anct.opencollectivites.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.jcr.AccessDeniedException;
import javax.jcr.Session;
import javax.jcr.security.AccessControlException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.authoring.Json;
import fr.anct.opencollectivites.publishing.DraftException;
import fr.anct.opencollectivites.publishing.ItemPath;

/**
 * For each role × action × subtree, the outcome through the JSON API is the one the role grants; and
 * the same refusals come from the repository when the service layer is called with the user's session.
 */
class RoleMatrixTest {
    enum Subject { ADMIN, EDITOR, PUBLISHER, REVIEWER, TEAM }

    enum Subtree {
        OWN_SITE("website", "/sites/alpha/p1", "page", "title"),
        OTHER_SITE("website", "/sites/beta/p1", "page", "title"),
        EDITORIAL("website", "/pages/p1", "page", "title"),
        REFERENTIEL("collectivites", "/communes/42/42218", "commune", "nom");

        final String workspace;
        final String path;
        final String type;
        final String field;

        Subtree(String workspace, String path, String type, String field) {
            this.workspace = workspace;
            this.path = path;
            this.type = type;
            this.field = field;
        }

        ItemPath item() {
            return ItemPath.of(workspace, path);
        }
    }

    enum Action { READ, EDIT, SUBMIT, PUBLISH, DELETE }

    private static AuthoringFixture fixture;
    private static final Map<Subject, String> TOKENS = new java.util.EnumMap<>(Subject.class);

    @BeforeAll
    static void setUp() throws Exception {
        fixture = new AuthoringFixture();
        fixture.user("admin1", Set.of(Role.ADMINISTRATOR), Set.of());
        fixture.repository.withSystemSession(session -> {
            fixture.feature.miniSites.create(session, "alpha", "Programme Alpha");
            fixture.feature.miniSites.create(session, "beta", "Programme Beta");
            return null;
        });
        fixture.user("editor1", Set.of(Role.EDITOR), Set.of());
        fixture.user("publisher1", Set.of(Role.PUBLISHER), Set.of());
        fixture.user("reviewer1", Set.of(Role.REVIEWER), Set.of());
        fixture.user("alpha1", Set.of(), Set.of("alpha"));
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

    /** The specification: what each role may do where. */
    static boolean allowed(Subject subject, Subtree subtree, Action action) {
        return switch (subject) {
            case ADMIN -> true;
            case EDITOR -> action == Action.READ
                    || subtree == Subtree.EDITORIAL && EnumSet.of(Action.EDIT, Action.SUBMIT, Action.DELETE).contains(action);
            case PUBLISHER -> action == Action.READ
                    || subtree != Subtree.REFERENTIEL && EnumSet.of(Action.EDIT, Action.SUBMIT, Action.PUBLISH).contains(action);
            case REVIEWER -> action == Action.READ;
            case TEAM -> subtree == Subtree.OWN_SITE;
        };
    }

    @Test
    void everyRoleGetsExactlyWhatItsRoleGrantsThroughTheApi() {
        List<String> mismatches = new ArrayList<>();
        for (Subject subject : Subject.values()) {
            for (Subtree subtree : Subtree.values()) {
                for (Action action : Action.values()) {
                    reset(subtree);
                    HttpResponse<String> response = perform(TOKENS.get(subject), subtree, action);
                    boolean expected = allowed(subject, subtree, action);
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
            if (subject == Subject.ADMIN) {
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

    /** The item as a fresh draft, never published. */
    private static void reset(Subtree subtree) {
        ItemPath item = subtree.item();
        fixture.repository.withSystemSession(session -> {
            for (String path : List.of(item.draftPath(), item.livePath(), item.recordPath())) {
                if (session.nodeExists(path)) {
                    session.getNode(path).remove();
                }
            }
            session.save();
            ObjectNode properties = Json.object();
            properties.put(subtree.field, "Initial");
            if (subtree == Subtree.REFERENTIEL) {
                properties.put("code", "42218");
                properties.put("typecom", "COM");
            }
            fixture.feature.drafts.create(session, item, subtree.type, properties);
            return null;
        });
    }

    private static String draftValue(Subtree subtree) {
        return fixture.repository.withSystemSession(session ->
                session.getNode(subtree.item().draftPath()).getProperty(subtree.field).getString());
    }

    private static boolean live(Subtree subtree) {
        return fixture.repository.withSystemSession(session -> session.nodeExists(subtree.item().livePath()));
    }
}
