package fr.anct.opencollectivites.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Value;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.content.WriteOutcome;
import fr.anct.opencollectivites.repository.OakRepository;

/** Editors' corrections (manual, excluded) survive a re-harvest that recomputes the automatic tags. */
@Tag("repository")
class PublicationRetaggerTest {
    static final String PATH = "/publications/items/2025/abc123";
    @TempDir
    static Path workDir;
    static OakRepository repository;
    static PublicationRetagger retagger;
    static ContentTypeDefinition publicationType = TestLightModule.contentTypes().require("publication");

    @BeforeAll
    static void setUp() throws Exception {
        repository = SmallReferentiel.imported(workDir);
        retagger = new PublicationRetagger(
                new ReferentielTagger(repository, TestLightModule.contentTypes(), TaggingRules.load(TestLightModule.dir())), publicationType);
    }

    @AfterAll
    static void close() {
        repository.close();
    }

    @Test
    void mergeIsAutoPlusManualMinusExcluded() {
        assertThat(TagMerge.effective(Set.of("a", "b", "c"), Set.of("d", "a"), Set.of("b", "d")))
                .containsExactly("a", "c");
        assertThat(TagMerge.effective(Set.of(), Set.of(), Set.of("x"))).isEmpty();
    }

    @Test
    void correctionsSurviveReharvestAndRetagging() {
        repository.withSystemSession(session -> {
            ContentWriter writer = new ContentWriter();
            writer.upsert(session, PATH, publicationType, Map.of("code", "abc123", "link", "https://example.org/a",
                    "title", "Haute-Garonne : le RSA concerne 4 % des foyers",
                    "summary", "<p>Les violences &amp; la <strong>police</strong> à Toulouse</p>"));
            Node node = session.getNode(PATH);
            assertThat(retagger.retag(session, node)).isEqualTo(WriteOutcome.UPDATED);
            assertThat(strings(node, "autoTerritories")).containsExactly("commune:31555", "departement:31");
            assertThat(strings(node, "territories")).containsExactly("commune:31555", "departement:31");
            assertThat(strings(node, "autoThemes")).containsExactly("sante-social", "securite");

            // the editor removes Toulouse, adds Occitanie and the theme finances
            writer.update(node, publicationType, Map.of("excludedTerritories", List.of("commune:31555"),
                    "manualTerritories", List.of("region:76"), "manualThemes", List.of("finances-fiscalite")));
            retagger.retag(session, node);
            assertThat(strings(node, "territories")).containsExactly("departement:31", "region:76");
            assertThat(strings(node, "themes")).containsExactly("finances-fiscalite", "sante-social", "securite");

            // re-harvest: the title changed, the automatic tags follow, the corrections stay
            writer.update(node, publicationType, Map.of("title", "Toulouse et la Haute-Garonne : la délinquance",
                    "summary", "<p>Un bilan.</p>"));
            retagger.retag(session, node);
            assertThat(strings(node, "autoTerritories")).containsExactly("commune:31555", "departement:31");
            assertThat(strings(node, "territories")).containsExactly("departement:31", "region:76");
            assertThat(strings(node, "autoThemes")).containsExactly("securite");
            assertThat(strings(node, "themes")).containsExactly("finances-fiscalite", "securite");
            assertThat(retagger.retag(session, node)).as("unchanged tags write nothing").isEqualTo(WriteOutcome.UNCHANGED);
            session.save();
            return null;
        });
    }

    @Test
    void plainTextOfSanitisedHtml() {
        assertThat(PublicationRetagger.plainText("<p>A&amp;B&nbsp;<em>c</em></p>\n<p>d&#39;e</p>")).isEqualTo("A&B c d'e");
    }

    private static List<String> strings(Node node, String name) throws RepositoryException {
        List<String> values = new ArrayList<>();
        if (node.hasProperty(name)) {
            for (Value value : node.getProperty(name).getValues()) {
                values.add(value.getString());
            }
        }
        return values;
    }
}
