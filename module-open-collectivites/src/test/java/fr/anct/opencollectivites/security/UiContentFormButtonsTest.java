package fr.anct.opencollectivites.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.web.Json;
import fr.anct.opencollectivites.authoring.ui.AuthoringUiPlatform;
import fr.anct.opencollectivites.authoring.ui.UiClient;
import fr.anct.opencollectivites.publishing.ItemPath;
import fr.anct.opencollectivites.security.RoleMatrix.Action;
import fr.anct.opencollectivites.security.RoleMatrix.Subject;
import fr.anct.opencollectivites.security.RoleMatrix.Subtree;

/**
 * The content form's buttons for every role of {@link RoleMatrix}, on an editorial page, a référentiel commune
 * and a callout, each as a fresh draft, submitted, published, and live without a draft: every button the form
 * shows succeeds when posted, and every action whose post fails has no button. The only action posted with
 * success that has no button is a submit of a draft that is submitted or published (the form's submit saves
 * the edited values first, so the post goes through; the button comes back once a save made it a draft).
 */
@Tag("repository")
@Tag("http")
class UiContentFormButtonsTest {
    private static final List<String> ACTIONS = List.of("save", "submit", "publish", "unpublish", "reject", "programmer");
    private static final Pattern BUTTON = Pattern.compile("name=\"action\" value=\"([a-z]+)\"");

    private static AuthoringUiPlatform platform;
    private static AuthoringFixture fixture;
    private static UiClient ui;
    private static final Map<Subject, String> SESSIONS = new EnumMap<>(Subject.class);
    private static final Map<Subject, String> CSRF = new EnumMap<>(Subject.class);

    /** A content-form item: its form's address, the values posted by save and submit, the matrix column it follows. */
    private enum Item {
        EDITORIAL_PAGE("/auteur/contenus/page/pages/p1", Subtree.EDITORIAL, "champ.title", "Modifié"),
        COMMUNE("/auteur/contenus/commune/communes/42/42218", Subtree.REFERENTIEL,
                "champ.nom", "Modifié", "champ.code", "42218", "champ.typecom", "COM"),
        // A callout lives in the editorial subtree: the same access control as an editorial page.
        CALLOUT("/auteur/contenus/callout/callouts/travaux", Subtree.EDITORIAL, "champ.title", "Modifié",
                "champ.collectivite", "commune:42207", "champ.message", "<p>Modifié</p>");

        final String url;
        final Subtree subtree;
        final String[] values;

        Item(String url, Subtree subtree, String... values) {
            this.url = url;
            this.subtree = subtree;
            this.values = values;
        }
    }

    private enum State { DRAFT, SUBMITTED, PUBLISHED, LIVE_ONLY }

    private static final ItemPath CALLOUT = ItemPath.of("website", "/callouts/travaux");

    @BeforeAll
    static void setUp() {
        platform = new AuthoringUiPlatform();
        fixture = platform.fixture;
        ui = platform.ui;
        RoleMatrix.populate(fixture);
        RoleMatrix.signIn(ui, SESSIONS, CSRF);
    }

    @AfterAll
    static void tearDown() throws Exception {
        platform.close();
    }

    /** The item in the state, everything else about it removed first. */
    private static void reset(Item item, State state) {
        ItemPath path = item == Item.CALLOUT ? CALLOUT : item.subtree.item();
        if (item == Item.CALLOUT) {
            fixture.repository.withSystemSession(session -> {
                for (String p : List.of(path.draftPath(), path.livePath(), path.recordPath())) {
                    if (session.nodeExists(p)) {
                        session.getNode(p).remove();
                    }
                }
                session.save();
                ObjectNode properties = Json.object();
                properties.put("collectivite", "commune:42218");
                properties.put("title", "Initial");
                properties.put("message", "<p>Initial</p>");
                fixture.feature.drafts.create(session, path, "callout", properties);
                return null;
            });
        } else {
            RoleMatrix.reset(fixture, item.subtree);
        }
        fixture.repository.withSystemSession(session -> {
            switch (state) {
                case SUBMITTED -> fixture.feature.workflow.submit(session, path);
                case PUBLISHED -> fixture.feature.workflow.publish(session, path);
                case LIVE_ONLY -> {
                    fixture.feature.workflow.publish(session, path);
                    session.getNode(path.draftPath()).remove();
                    session.save();
                }
                default -> { }
            }
            return null;
        });
    }

    private static Set<String> buttons(String html) {
        Set<String> shown = new LinkedHashSet<>();
        Matcher matcher = BUTTON.matcher(html);
        while (matcher.find()) {
            shown.add(matcher.group(1));
        }
        shown.retainAll(ACTIONS);
        return shown;
    }

    private static HttpResponse<String> post(Subject subject, String url, String action, String... values) {
        List<String> fields = new ArrayList<>(List.of(values));
        fields.addAll(List.of("csrf", CSRF.get(subject), "action", action));
        switch (action) {
            case "reject" -> fields.addAll(List.of("commentaire", "À revoir"));
            case "programmer" -> fields.addAll(List.of("publication-date",
                    LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(2).toString(), "publication-heure", "10:00"));
            default -> { }
        }
        return ui.send("POST", url, UiClient.form(UiClient.fields(fields.toArray(String[]::new))), SESSIONS.get(subject));
    }

    @Test
    void everyButtonShownSucceedsAndEveryActionThatFailsHasNoButton() {
        List<String> mismatches = new ArrayList<>();
        for (Subject subject : Subject.values()) {
            for (Item item : Item.values()) {
                for (State state : State.values()) {
                    reset(item, state);
                    HttpResponse<String> form = ui.send("GET", item.url, null, SESSIONS.get(subject));
                    Set<String> shown = form.statusCode() == 200 ? buttons(form.body()) : Set.of();
                    for (String action : ACTIONS) {
                        reset(item, state);
                        HttpResponse<String> posted = post(subject, item.url, action, item.values);
                        boolean succeeded = posted.statusCode() == 303;
                        boolean hiddenByState = action.equals("submit") && state != State.DRAFT;
                        String cell = subject + " " + item + " " + state + " " + action + ": ";
                        if (shown.contains(action) && !succeeded) {
                            mismatches.add(cell + "button shown but the post answered " + posted.statusCode());
                        } else if (!shown.contains(action) && succeeded && !hiddenByState) {
                            mismatches.add(cell + "no button but the post succeeded");
                        }
                    }
                    if (state == State.DRAFT) {
                        expectMatrix(subject, item, shown, mismatches);
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** On a fresh draft the buttons are the matrix's cells: save and submit = edit, publish = publish. */
    private static void expectMatrix(Subject subject, Item item, Set<String> shown, List<String> mismatches) {
        String cell = subject + " " + item + " draft: ";
        if (shown.contains("save") != RoleMatrix.allowed(subject, item.subtree, Action.EDIT)) {
            mismatches.add(cell + "save shown " + shown.contains("save") + ", matrix says otherwise");
        }
        if (shown.contains("submit") != RoleMatrix.allowed(subject, item.subtree, Action.SUBMIT)) {
            mismatches.add(cell + "submit shown " + shown.contains("submit") + ", matrix says otherwise");
        }
        if (shown.contains("publish") != RoleMatrix.allowed(subject, item.subtree, Action.PUBLISH)) {
            mismatches.add(cell + "publish shown " + shown.contains("publish") + ", matrix says otherwise");
        }
    }

    @Test
    void aReviewerSeesNoWriteButtonAPublisherNoPublishOnTheReferentielAnEditorNoPublish() {
        reset(Item.CALLOUT, State.SUBMITTED);
        assertThat(buttons(ui.send("GET", Item.CALLOUT.url, null, SESSIONS.get(Subject.REVIEWER)).body())).isEmpty();
        assertThat(ui.send("GET", Item.CALLOUT.url, null, SESSIONS.get(Subject.REVIEWER)).body())
                .contains("Votre compte permet de consulter ce contenu, pas de le modifier.");
        assertThat(buttons(ui.send("GET", Item.CALLOUT.url, null, SESSIONS.get(Subject.EDITOR)).body()))
                .contains("save").doesNotContain("publish", "reject", "programmer");
        assertThat(buttons(ui.send("GET", Item.CALLOUT.url, null, SESSIONS.get(Subject.PUBLISHER)).body()))
                .contains("save", "publish", "reject", "programmer");
        reset(Item.COMMUNE, State.SUBMITTED);
        assertThat(buttons(ui.send("GET", Item.COMMUNE.url, null, SESSIONS.get(Subject.PUBLISHER)).body())).isEmpty();
        assertThat(buttons(ui.send("GET", Item.COMMUNE.url, null, SESSIONS.get(Subject.ADMIN)).body()))
                .contains("save", "publish", "reject");
    }

    @Test
    void theNewItemFormHasSaveAndSubmitOnlyForThoseWhoMayAddTheItem() {
        List<String> mismatches = new ArrayList<>();
        String url = "/auteur/contenus/callout/nouveau";
        for (Subject subject : Subject.values()) {
            Set<String> shown = buttons(ui.send("GET", url, null, SESSIONS.get(subject)).body());
            for (String action : List.of("save", "submit")) {
                fixture.repository.withSystemSession(session -> {
                    if (session.nodeExists("/oc:authoring/website/callouts/nouvelle")) {
                        session.getNode("/oc:authoring/website/callouts/nouvelle").remove();
                        session.save();
                    }
                    return null;
                });
                boolean succeeded = post(subject, url, action, "nom", "nouvelle", "champ.title", "Nouvelle",
                        "champ.collectivite", "commune:42207", "champ.message", "<p>Nouvelle</p>").statusCode() == 303;
                if (shown.contains(action) != succeeded) {
                    mismatches.add(subject + " new " + action + ": shown " + shown.contains(action) + ", succeeded " + succeeded);
                }
            }
            assertThat(shown).as(subject.name()).doesNotContain("publish", "unpublish", "reject");
        }
        assertThat(mismatches).isEmpty();
    }
}
