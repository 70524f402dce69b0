package fr.anct.opencollectivites.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.web.Json;
import fr.anct.opencollectivites.authoring.ui.UiClient;
import fr.anct.opencollectivites.pages.PageItemTypes;
import fr.anct.opencollectivites.publishing.ItemPath;

/**
 * The role matrix shared by the API and UI matrix tests: who the subjects are, which subtrees and actions,
 * what each role may do where (the specification), and the fixture that sets it up.
 */
final class RoleMatrix {
    enum Subject {
        ADMIN("admin1"), EDITOR("editor1"), PUBLISHER("publisher1"), REVIEWER("reviewer1"), TEAM("alpha1");

        final String login;

        Subject(String login) {
            this.login = login;
        }
    }

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

        /** The page's one component, which the UI removes as its "delete" (none in the référentiel). */
        ItemPath component() {
            return ItemPath.of(workspace, path + "/main/text");
        }
    }

    enum Action { READ, EDIT, SUBMIT, PUBLISH, DELETE }

    private RoleMatrix() {
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

    /** Only administrators manage users. */
    static boolean managesUsers(Subject subject) {
        return subject == Subject.ADMIN;
    }

    /** The subjects' accounts and the two mini-sites. */
    static void populate(AuthoringFixture fixture) {
        fixture.user(Subject.ADMIN.login, Set.of(Role.ADMINISTRATOR), Set.of());
        fixture.repository.withSystemSession(session -> {
            fixture.feature.miniSites.create(session, "alpha", "Programme Alpha");
            fixture.feature.miniSites.create(session, "beta", "Programme Beta");
            return null;
        });
        fixture.user(Subject.EDITOR.login, Set.of(Role.EDITOR), Set.of());
        fixture.user(Subject.PUBLISHER.login, Set.of(Role.PUBLISHER), Set.of());
        fixture.user(Subject.REVIEWER.login, Set.of(Role.REVIEWER), Set.of());
        fixture.user(Subject.TEAM.login, Set.of(), Set.of("alpha"));
    }

    /** The item as a fresh draft, never published; a page gets one text component in its main area. */
    static void reset(AuthoringFixture fixture, Subtree subtree) {
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
            if (subtree != Subtree.REFERENTIEL) {
                fixture.feature.drafts.create(session, ItemPath.of(subtree.workspace, subtree.path + "/main"),
                        PageItemTypes.AREA, Json.object());
                ObjectNode text = Json.object();
                text.put("text", "<p>Initial</p>");
                fixture.feature.drafts.create(session, subtree.component(), "component:minisite-text", text);
            }
            return null;
        });
    }

    /** Each subject signed in through the login form: its session cookie and the CSRF token of its pages. */
    static void signIn(UiClient ui, Map<Subject, String> sessions, Map<Subject, String> csrf) {
        for (Subject subject : Subject.values()) {
            String session = ui.signIn(subject.login, AuthoringFixture.PASSWORD);
            sessions.put(subject, session);
            csrf.put(subject, UiClient.field(ui.send("GET", "/auteur/", null, session).body(), "csrf"));
        }
    }

    static String draftValue(AuthoringFixture fixture, Subtree subtree) {
        return fixture.repository.withSystemSession(session ->
                session.getNode(subtree.item().draftPath()).getProperty(subtree.field).getString());
    }

    static boolean live(AuthoringFixture fixture, Subtree subtree) {
        return fixture.repository.withSystemSession(session -> session.nodeExists(subtree.item().livePath()));
    }

    static boolean exists(AuthoringFixture fixture, String path) {
        return fixture.repository.withSystemSession(session -> session.nodeExists(path));
    }
}
