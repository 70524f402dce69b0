package fr.anct.opencollectivites.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import fr.anct.opencollectivites.TestReferentiel;
import fr.anct.opencollectivites.authoring.AuthoringFixture;
import fr.anct.opencollectivites.web.Json;
import fr.anct.opencollectivites.publishing.ItemPath;
import fr.anct.opencollectivites.security.Role;

/**
 * The preview of a publication {@code /auteur/apercu/contenus/publication/…} over real HTTP on a real
 * repository: the draft rendered by the public {@code publication} template at its public address, the live
 * copy of a publication without a draft, and nobody who cannot read the draft seeing it.
 */
@Tag("repository")
@Tag("http")
class PublicationPreviewUiTest {
    private static final String CODE = "pu-crue-2026";
    private static final String PATH = "items/pu/" + CODE;
    private static final String FORM = "/auteur/contenus/publication/" + PATH;
    private static final String PREVIEW = "/auteur/apercu/contenus/publication/" + PATH;
    private static final ItemPath ITEM = ItemPath.of("publications", "/" + PATH);
    private static final String REVIEWED = "/auteur/apercu/contenus/publication/items/pu/pu-a-relire";

    @RegisterExtension
    final AuthoringUiPlatform platform = new AuthoringUiPlatform().withTwoMiniSites().user("claire", Role.EDITOR)
            .teamMember("tom", "pvd");
    private final AuthoringFixture fixture = platform.fixture;
    private final UiClient ui = platform.ui;

    /**
     * A harvested publication published at once (live only, as an auto-published source leaves it), and one
     * harvested for review (a draft only).
     */
    @BeforeEach
    void setUp() {
        fixture.repository.withSystemSession(session -> {
            TestReferentiel.loire(session);
            publication(session, ITEM, "Les crues de la Loire en 2026", "<p>Bilan des crues hivernales.</p>");
            fixture.feature.workflow.publish(session, ITEM);
            session.getNode(ITEM.draftPath()).remove();
            publication(session, ItemPath.of("publications", "/items/pu/pu-a-relire"), "Note à relire", "<p>Brouillon.</p>");
            session.save();
            return null;
        });
    }

    private void publication(Session session, ItemPath item, String title, String summary) throws RepositoryException {
        String code = item.relativePath().substring(item.relativePath().lastIndexOf('/') + 1);
        fixture.feature.drafts.create(session, item, "publication", Json.object().put("code", code).put("title", title)
                .put("summary", summary).put("link", "https://www.insee.fr/fr/statistiques/" + code)
                .put("date", "2026-03-02").set("territories", Json.array().add("commune:42218")));
    }

    private void previewIsNotCachedNorIndexed(HttpResponse<String> preview) {
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(preview.headers().firstValue("X-Robots-Tag")).contains("noindex");
        assertThat(preview.body()).contains("<meta name=\"robots\" content=\"noindex\">",
                "<link rel=\"canonical\" href=\"", "/publications/" + CODE + "\">",
                "href=\"" + FORM + "\"");
    }

    @Test
    void aLiveOnlyPublicationPreviewsItsLiveCopyThenItsDraftOnceStarted() {
        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        assertThat(ui.send("GET", FORM, null, claire).body())
                .contains("<a class=\"fr-link\" href=\"" + PREVIEW + "\">Aperçu de la publication</a>");

        HttpResponse<String> live = ui.send("GET", PREVIEW, null, claire);
        previewIsNotCachedNorIndexed(live);
        assertThat(live.body()).contains("la publication « Les crues de la Loire en 2026 » n&#39;a pas de brouillon",
                "<h1 class=\"fr-mt-1w\">Les crues de la Loire en 2026</h1>", "Bilan des crues hivernales.",
                "2 mars 2026", ">Saint-Étienne</a>");

        // The editor starts the draft and changes its title and summary: the preview shows them, the live copy stays.
        fixture.repository.withSystemSession(session -> {
            fixture.feature.drafts.editLive(session, ITEM);
            fixture.feature.drafts.update(session, ITEM, Json.object().put("title", "Crues de la Loire : bilan 2026")
                    .put("summary", "<p>Bilan révisé avec les relevés de mars.</p>"));
            return null;
        });
        HttpResponse<String> draft = ui.send("GET", PREVIEW, null, claire);
        previewIsNotCachedNorIndexed(draft);
        assertThat(draft.body()).contains("Aperçu — brouillon : la publication « Crues de la Loire : bilan 2026 »",
                        "<h1 class=\"fr-mt-1w\">Crues de la Loire : bilan 2026</h1>", "Bilan révisé avec les relevés de mars.")
                .doesNotContain("Les crues de la Loire en 2026", "Bilan des crues hivernales.");
        String liveTitle = fixture.repository.withSystemSession(s -> s.getNode(ITEM.livePath()).getProperty("title").getString());
        assertThat(liveTitle).isEqualTo("Les crues de la Loire en 2026");
    }

    @Test
    void whoCannotReadTheDraftGetsNoPreview() {
        HttpResponse<String> anonymous = ui.send("GET", REVIEWED, null, null);
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/auteur/connexion");

        String claire = ui.signIn("claire", AuthoringFixture.PASSWORD);
        assertThat(ui.send("GET", REVIEWED, null, claire).body()).contains("Note à relire");

        // A programme team reads neither the publications' drafts nor may start one from a live copy.
        String tom = ui.signIn("tom", AuthoringFixture.PASSWORD);
        HttpResponse<String> team = ui.send("GET", REVIEWED, null, tom);
        assertThat(team.statusCode()).isEqualTo(404);
        assertThat(team.body()).doesNotContain("Note à relire");
        assertThat(ui.send("GET", PREVIEW, null, tom).statusCode()).isEqualTo(404);
        assertThat(ui.send("GET", FORM, null, tom).body()).doesNotContain(PREVIEW);

        assertThat(ui.send("GET", "/auteur/apercu/contenus/publication/items/pu/inconnue", null, claire).statusCode())
                .isEqualTo(404);
        assertThat(ui.send("GET", "/auteur/apercu/contenus/publication/..%2F..%2Fsecurity", null, claire).statusCode())
                .isEqualTo(404);
        assertThat(ui.send("GET", "/auteur/apercu/contenus/publication/sources/insee", null, claire).statusCode())
                .as("outside the publications' root").isEqualTo(404);
    }
}
