package fr.anct.opencollectivites.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.authoring.ui.AuthoringUiPlatform;
import fr.anct.opencollectivites.authoring.ui.UiClient;
import fr.anct.opencollectivites.security.RoleMatrix.Action;
import fr.anct.opencollectivites.security.RoleMatrix.Subject;
import fr.anct.opencollectivites.security.RoleMatrix.Subtree;

/**
 * The role matrix of {@link RoleMatrix} through the server-rendered authoring pages: every cell's form post is
 * forged and sent even when the page shows no button (the UI check bypassed); it succeeds exactly when the
 * matrix allows it, and is otherwise refused (403/404) with the repository left as it was.
 */
@Tag("repository")
@Tag("http")
class UiRoleMatrixTest {
    private static final String USERS = "/auteur/admin/utilisateurs";
    /** The account whose roles the "manage users" cells try to change. */
    private static final String TARGET = "cible";

    private static AuthoringUiPlatform platform;
    private static AuthoringFixture fixture;
    private static UiClient ui;
    private static final Map<Subject, String> SESSIONS = new EnumMap<>(Subject.class);
    private static final Map<Subject, String> CSRF = new EnumMap<>(Subject.class);

    @BeforeAll
    static void setUp() throws Exception {
        platform = new AuthoringUiPlatform();
        fixture = platform.fixture;
        ui = platform.ui;
        RoleMatrix.populate(fixture);
        fixture.user(TARGET, Set.of(Role.REVIEWER), Set.of());
        RoleMatrix.signIn(ui, SESSIONS, CSRF);
    }

    @AfterAll
    static void tearDown() throws Exception {
        platform.close();
    }

    /** Where the UI edits the subtree's item: the page editor for pages, the content form for the référentiel. */
    private static String editorUrl(Subtree subtree) {
        return switch (subtree) {
            case OWN_SITE -> "/auteur/pages/sites/alpha/p1";
            case OTHER_SITE -> "/auteur/pages/sites/beta/p1";
            case EDITORIAL -> "/auteur/pages/editoriales/p1";
            case REFERENTIEL -> "/auteur/contenus/commune/communes/42/42218";
        };
    }

    private static String[] values(Subtree subtree) {
        return subtree == Subtree.REFERENTIEL
                ? new String[] {"champ.nom", "Modifié", "champ.code", "42218", "champ.typecom", "COM"}
                : new String[] {"champ.title", "Modifié"};
    }

    private static HttpResponse<String> post(Subject subject, String path, String... fields) {
        List<String> all = new ArrayList<>(List.of(fields));
        all.addAll(List.of("csrf", CSRF.get(subject)));
        return ui.send("POST", path, UiClient.form(UiClient.fields(all.toArray(String[]::new))), SESSIONS.get(subject));
    }

    private static HttpResponse<String> perform(Subject subject, Subtree subtree, Action action) {
        String url = editorUrl(subtree);
        return switch (action) {
            case READ -> ui.send("GET", url, null, SESSIONS.get(subject));
            case EDIT -> post(subject, url, concat(values(subtree), "action", "save"));
            case SUBMIT -> post(subject, url, concat(values(subtree), "action", "submit"));
            case PUBLISH -> post(subject, url, "action", "publish");
            // A page's item the UI deletes is a component; the référentiel has no UI route to delete (asserted apart).
            case DELETE -> post(subject, url + "/composants/main/text/supprimer");
        };
    }

    private static String[] concat(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** Everything the cell could change: the draft tree with its properties, the live copy, the workflow record. */
    private static String snapshot(Subtree subtree) {
        return fixture.repository.withSystemSession(session -> {
            StringBuilder dump = new StringBuilder();
            for (String path : List.of(subtree.item().draftPath(), subtree.item().livePath(), subtree.item().recordPath())) {
                dump(session, path, dump);
            }
            return dump.toString();
        });
    }

    private static void dump(Session session, String path, StringBuilder dump) throws RepositoryException {
        if (!session.nodeExists(path)) {
            dump.append(path).append(" absent\n");
            return;
        }
        Node node = session.getNode(path);
        dump.append(path).append('\n');
        for (PropertyIterator it = node.getProperties(); it.hasNext(); ) {
            Property property = it.nextProperty();
            dump.append("  ").append(property.getName()).append('=')
                    .append(property.isMultiple() ? property.getValues().length + " values" : property.getString()).append('\n');
        }
        for (NodeIterator it = node.getNodes(); it.hasNext(); ) {
            dump(session, it.nextNode().getPath(), dump);
        }
    }

    @Test
    void everyForgedFormPostGetsExactlyWhatTheRoleGrantsAndDenialsChangeNothing() {
        List<String> mismatches = new ArrayList<>();
        Map<Subject, StringBuilder> summary = new EnumMap<>(Subject.class);
        for (Subject subject : Subject.values()) {
            StringBuilder line = new StringBuilder();
            for (Subtree subtree : Subtree.values()) {
                line.append(' ').append(subtree).append('[');
                for (Action action : Action.values()) {
                    if (action == Action.DELETE && subtree == Subtree.REFERENTIEL) {
                        line.append('-');
                        continue;
                    }
                    RoleMatrix.reset(fixture, subtree);
                    String before = snapshot(subtree);
                    HttpResponse<String> response = perform(subject, subtree, action);
                    boolean expected = RoleMatrix.allowed(subject, subtree, action);
                    int status = response.statusCode();
                    boolean ok = action == Action.READ ? status == 200 : status == 303;
                    boolean denied = status == 403 || status == 404;
                    String cell = subject + " " + action + " " + subtree + ": ";
                    if (expected ? !ok : !denied) {
                        mismatches.add(cell + status + " " + response.body().substring(0, Math.min(300, response.body().length())));
                    } else if (!expected && !before.equals(snapshot(subtree))) {
                        mismatches.add(cell + "refused with " + status + " but the repository changed");
                    } else if (expected && !effectSeen(subtree, action)) {
                        mismatches.add(cell + status + " but the repository does not show the change");
                    }
                    line.append(expected ? 'Y' : 'n');
                }
                line.append(']');
            }
            summary.put(subject, line);
        }
        summary.forEach((subject, line) -> System.out.println("UI matrix " + subject + ":" + line));
        assertThat(mismatches).isEmpty();
    }

    private static boolean effectSeen(Subtree subtree, Action action) {
        return switch (action) {
            case READ -> true;
            case EDIT -> RoleMatrix.draftValue(fixture, subtree).equals("Modifié");
            case SUBMIT -> fixture.repository.withSystemSession(s ->
                    s.getNode(subtree.item().draftPath()).getProperty("oc:status").getString()).equals("submitted");
            case PUBLISH -> RoleMatrix.live(fixture, subtree);
            case DELETE -> !RoleMatrix.exists(fixture, subtree.component().draftPath());
        };
    }

    /**
     * Deleting a whole page ("Supprimer la page", a forged post) has the JSON API's delete outcome of the matrix;
     * no UI route deletes a référentiel item, and no UI route answers the DELETE method.
     */
    @Test
    void deletingAWholePageHasTheApiOutcomeAndNoUiRouteDeletesAReferentielItem() {
        List<String> mismatches = new ArrayList<>();
        for (Subtree subtree : Subtree.values()) {
            for (Subject subject : Subject.values()) {
                RoleMatrix.reset(fixture, subtree);
                String before = snapshot(subtree);
                HttpResponse<String> response = post(subject, editorUrl(subtree) + "/supprimer");
                int status = response.statusCode();
                String cell = subject + " delete whole " + subtree + ": ";
                if (subtree == Subtree.REFERENTIEL) {
                    if (status != 404 && status != 405) {
                        mismatches.add(cell + status + " (no UI route expected)");
                    }
                } else if (RoleMatrix.allowed(subject, subtree, Action.DELETE)) {
                    if (status != 303 || RoleMatrix.exists(fixture, subtree.item().draftPath())) {
                        mismatches.add(cell + status + " but the page should be deleted");
                    }
                } else if (status != 403 && status != 404) {
                    mismatches.add(cell + status + " but it should be refused");
                }
                if (!(subtree != Subtree.REFERENTIEL && RoleMatrix.allowed(subject, subtree, Action.DELETE))
                        && !before.equals(snapshot(subtree))) {
                    mismatches.add(cell + "refused with " + status + " but the repository changed");
                }
                RoleMatrix.reset(fixture, subtree);
                HttpResponse<String> removal = ui.send("DELETE", editorUrl(subtree), null, SESSIONS.get(subject));
                if (removal.statusCode() != 404 && removal.statusCode() != 405) {
                    mismatches.add(subject + " DELETE " + subtree + ": " + removal.statusCode() + " (no UI route expected)");
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void onlyAdministratorsManageUsersThroughTheAdminPages() {
        for (Subject subject : Subject.values()) {
            String login = "ui-" + subject.name().toLowerCase();
            boolean expected = RoleMatrix.managesUsers(subject);
            assertThat(ui.send("GET", USERS, null, SESSIONS.get(subject)).statusCode()).as(subject + " GET " + USERS)
                    .isEqualTo(expected ? 200 : 403);
            HttpResponse<String> created = post(subject, USERS, "identifiant", login, "courriel", login + "@example.fr",
                    "motdepasse", "une phrase de passe assez longue", "role", "editor");
            assertThat(created.statusCode()).as(subject + " POST " + USERS).isEqualTo(expected ? 303 : 403);
            HttpResponse<String> promoted = post(subject, USERS + "/" + TARGET, "action", "roles",
                    "role", "administrator");
            assertThat(promoted.statusCode()).as(subject + " promotes").isEqualTo(expected ? 303 : 403);
            assertThat(fixture.repository.withSystemSession(s -> fixture.feature.accounts.find(s, login)).isPresent())
                    .as(subject + " created " + login).isEqualTo(expected);
            Set<Role> roles = fixture.repository.withSystemSession(s ->
                    fixture.feature.accounts.find(s, TARGET)).orElseThrow().roles();
            assertThat(roles).as(subject + " promotes " + TARGET).isEqualTo(expected ? Set.of(Role.ADMINISTRATOR)
                    : Set.of(Role.REVIEWER));
            if (expected) {
                post(subject, USERS + "/" + TARGET, "action", "roles", "role", "reviewer");
            }
        }
    }
}
