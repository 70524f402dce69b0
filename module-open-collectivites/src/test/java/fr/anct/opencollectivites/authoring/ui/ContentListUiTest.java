package fr.anct.opencollectivites.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.web.Json;
import fr.anct.opencollectivites.publishing.ItemPath;
import fr.anct.opencollectivites.security.Role;

/**
 * The per-type lists {@code /auteur/contenus/{type}} over real HTTP on a real repository: search, filters,
 * paging, drafts and live-only items, a live-only item opened and saved as a draft, and who gets a list.
 */
@Tag("repository")
@Tag("http")
class ContentListUiTest {
    private static final String CALLOUTS = "/auteur/contenus/callout";
    private static final Pattern ROW = Pattern.compile("<tr><td><a href=\"(/auteur/contenus/[^\"]+)\">");

    @RegisterExtension
    final AuthoringUiPlatform platform = new AuthoringUiPlatform().withTwoMiniSites()
            .user("claire", Role.EDITOR).user("rita", Role.REVIEWER);
    private final AuthoringFixture fixture = platform.fixture;
    private final UiClient ui = platform.ui;

    @BeforeEach
    void setUp() {
        fixture.user("tom", Set.of(), Set.of("pvd"));
        fixture.repository.withSystemSession(session -> {
            for (int i = 1; i <= 23; i++) {
                callout(session, String.format("annonce-%02d", i), "Annonce numéro " + i);
            }
            callout(session, "fete", "Fête de la musique");
            // Live only: published, then its draft removed (as an auto-published item has none).
            ItemPath piscine = callout(session, "piscine", "Fermeture de la piscine");
            fixture.feature.workflow.publish(session, piscine);
            session.getNode(piscine.draftPath()).remove();
            session.save();
            ItemPath gymnase = callout(session, "gymnase", "Gymnase rouvert");
            fixture.feature.workflow.publish(session, gymnase);
            session.getNode(gymnase.draftPath()).remove();
            session.save();
            fixture.feature.workflow.submit(session, ItemPath.of("website", "/callouts/annonce-01"));
            for (String[] alert : new String[][] {{"crue", "alert"}, {"secheresse", "warning"}, {"vent", "warning"}}) {
                fixture.feature.drafts.create(session, ItemPath.of("website", "/alerts/" + alert[0]), "alert",
                        Json.object().put("territory", "departement:42").put("title", "Alerte " + alert[0])
                                .put("severity", alert[1]).put("validFrom", "2026-01-01").put("validUntil", "2026-12-31"));
            }
            return null;
        });
    }

    private ItemPath callout(javax.jcr.Session session, String name, String title) throws javax.jcr.RepositoryException {
        ItemPath item = ItemPath.of("website", "/callouts/" + name);
        fixture.feature.drafts.create(session, item, "callout", Json.object().put("collectivite", "commune:42218")
                .put("title", title).put("message", "<p>" + title + "</p>"));
        return item;
    }

    private static java.util.List<String> rows(String html) {
        java.util.List<String> rows = new java.util.ArrayList<>();
        Matcher matcher = ROW.matcher(html);
        while (matcher.find()) {
            rows.add(matcher.group(1));
        }
        return rows;
    }

    @Test
    void theListShowsDraftsAndLiveOnlyItemsNewestFirstTwentyAPage() {
        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        HttpResponse<String> first = ui.send("GET", CALLOUTS, null, claire);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("no-store");
        assertThat(first.body()).contains("26 contenus.").contains("<caption>Messages sur une fiche : page 1 sur 2")
                .contains("<label class=\"fr-label\" for=\"recherche\">").contains("class=\"fr-pagination\"")
                .contains("aria-current=\"page\">1</a>").contains("href=\"/auteur/contenus/callout?page=2\"")
                .contains("href=\"/auteur/contenus/callout/nouveau\"");
        assertThat(rows(first.body())).hasSize(20).contains(CALLOUTS + "/callouts/gymnase");
        assertThat(rows(first.body())).contains(CALLOUTS + "/callouts/piscine", CALLOUTS + "/callouts/fete");

        HttpResponse<String> second = ui.send("GET", CALLOUTS + "?page=2", null, claire);
        assertThat(rows(second.body())).hasSize(6).contains(CALLOUTS + "/callouts/annonce-01")
                .doesNotContainAnyElementsOf(rows(first.body()));
        assertThat(second.body()).contains("aria-current=\"page\">2</a>");
    }

    @Test
    void searchAndFiltersNarrowTheListAndKeepThemselvesInThePageLinks() {
        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        assertThat(rows(ui.send("GET", CALLOUTS + "?q=FETE", null, claire).body()))
                .containsExactly(CALLOUTS + "/callouts/fete");
        assertThat(rows(ui.send("GET", CALLOUTS + "?q=piscine", null, claire).body()))
                .containsExactly(CALLOUTS + "/callouts/piscine");
        HttpResponse<String> live = ui.send("GET", CALLOUTS + "?statut=publie", null, claire);
        assertThat(rows(live.body())).containsExactlyInAnyOrder(CALLOUTS + "/callouts/piscine", CALLOUTS + "/callouts/gymnase");
        assertThat(live.body()).contains("<option value=\"publie\" selected>Publié</option>");
        assertThat(rows(ui.send("GET", CALLOUTS + "?statut=soumis", null, claire).body()))
                .containsExactly(CALLOUTS + "/callouts/annonce-01");
        HttpResponse<String> searched = ui.send("GET", CALLOUTS + "?q=annonce&statut=brouillon", null, claire);
        assertThat(rows(searched.body())).hasSize(20);
        assertThat(searched.body()).contains("22 contenus.").contains("href=\"/auteur/contenus/callout?q=annonce&amp;statut=brouillon&amp;page=2\"");

        // A property whose items share few values gets a select: the alerts' severity.
        HttpResponse<String> alerts = ui.send("GET", "/auteur/contenus/alert", null, claire);
        assertThat(alerts.body()).contains("<select class=\"fr-select\" id=\"filtre-severity\" name=\"p.severity\">")
                .contains("<option value=\"warning\"").doesNotContain("id=\"filtre-title\"");
        assertThat(rows(ui.send("GET", "/auteur/contenus/alert?p.severity=alert", null, claire).body()))
                .containsExactly("/auteur/contenus/alert/alerts/crue");
    }

    @Test
    void aLiveOnlyItemOpensOnItsLiveCopyAndItsFirstSaveMakesADraft() {
        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        HttpResponse<String> form = ui.send("GET", CALLOUTS + "/callouts/piscine", null, claire);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"Fermeture de la piscine\"").contains("n&#39;a pas de brouillon")
                .contains("value=\"save\"").doesNotContain("value=\"publish\"");
        HttpResponse<String> saved = ui.send("POST", CALLOUTS + "/callouts/piscine", UiClient.form(UiClient.fields(
                "csrf", UiClient.field(form.body(), "csrf"), "champ.collectivite", "commune:42218",
                "champ.title", "Piscine fermée jusqu'à lundi", "champ.message", "<p>Fermée</p>", "action", "save")), claire);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        fixture.repository.withSystemSession(s -> {
            assertThat(s.getNode("/oc:authoring/website/callouts/piscine").getProperty("title").getString())
                    .isEqualTo("Piscine fermée jusqu'à lundi");
            assertThat(s.getNode("/oc:authoring/website/callouts/piscine").getProperty("oc:status").getString()).isEqualTo("draft");
            assertThat(s.getNode("/website/callouts/piscine").getProperty("title").getString()).isEqualTo("Fermeture de la piscine");
            return null;
        });
        assertThat(rows(ui.send("GET", CALLOUTS + "?statut=modifie", null, claire).body()))
                .containsExactly(CALLOUTS + "/callouts/piscine");

        // The JSON API starts a draft from the live copy the same way.
        HttpResponse<String> api = fixture.as(fixture.token("claire"), "POST",
                "/.rest/authoring/v1/workflow/edit/website/callouts/gymnase", "{}");
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        assertThat(AuthoringFixture.json(api).get("status").asText()).isEqualTo("published");
        assertThat(fixture.as(fixture.token("claire"), "POST", "/.rest/authoring/v1/workflow/edit/website/callouts/gymnase",
                "{}").statusCode()).isEqualTo(409);
    }

    @Test
    void aProgramTeamSeesItsOwnSiteOnlyAndNobodyGetsTheListOfATypeTheyCannotWrite() {
        String tom = ui.signIn("tom", AuthoringFixture.PASSWORD);
        HttpResponse<String> sites = ui.send("GET", "/auteur/contenus/minisite", null, tom);
        assertThat(sites.statusCode()).isEqualTo(200);
        assertThat(rows(sites.body())).containsExactly("/auteur/contenus/minisite/sites/pvd");
        assertThat(sites.body()).doesNotContain("acv").doesNotContain("/auteur/contenus/minisite/nouveau");
        assertThat(ui.send("GET", CALLOUTS, null, tom).statusCode()).isEqualTo(404);

        String rita = ui.signIn("rita", AuthoringFixture.PASSWORD);
        assertThat(ui.send("GET", CALLOUTS, null, rita).statusCode()).isEqualTo(404);
        HttpResponse<String> ritaDashboard = ui.send("GET", "/auteur/", null, rita);
        assertThat(ritaDashboard.body()).contains("Messages sur une fiche").doesNotContain("href=\"/auteur/contenus/callout\"")
                .doesNotContain("href=\"/auteur/contenus/callout/nouveau\"");

        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        assertThat(ui.send("GET", "/auteur/contenus/commune", null, claire).statusCode()).isEqualTo(404);
        assertThat(ui.send("GET", "/auteur/contenus/minisite", null, claire).statusCode()).isEqualTo(404);
        assertThat(ui.send("GET", "/auteur/", null, claire).body()).contains("href=\"/auteur/contenus/callout\"")
                .doesNotContain("href=\"/auteur/contenus/commune\"");
        assertThat(ui.send("GET", CALLOUTS, null, null).statusCode()).isEqualTo(303);
    }
}
