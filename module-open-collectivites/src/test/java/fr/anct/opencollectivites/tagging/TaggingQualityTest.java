package fr.anct.opencollectivites.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.jcr.RepositoryException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.anct.opencollectivites.NationalReferentiel;
import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.collectivites.Territories;
import fr.anct.opencollectivites.content.TerritoryKey;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * Precision and recall of the tagger over the real national référentiel (run with -Dfixtures.dir=…), on
 * the labelled sets ({@link LabelledHeadlines}): the frozen set of real headlines, whose figures
 * docs/tagging.md quotes, the development set of the examples and the set written for the project.
 * Each has its thresholds; the reports, misses per item and scores per cause of error, go to
 * {@code target/tagging-quality-<set>.md}.
 */
@Tag("repository")
@Tag("national")
class TaggingQualityTest {
    static OakRepository repository;
    static ReferentielTagger tagger;
    static KeywordTagger built;
    static long buildMillis;

    @BeforeAll
    static void buildTheNationalTagger() {
        repository = NationalReferentiel.shared();
        tagger = new ReferentielTagger(repository, TestLightModule.contentTypes(), TaggingRules.load(TestLightModule.dir()));
        long start = System.nanoTime();
        built = tagger.rebuild();
        buildMillis = (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void theFrozenRealHeadlinesKeepTheirScores() throws Exception {
        LabelledHeadlines set = LabelledHeadlines.load(LabelledHeadlines.FROZEN);
        assertThat(set.items()).hasSizeGreaterThanOrEqualTo(100);
        assertThat(set.items().stream().flatMap(item -> item.causes().stream()).distinct())
                .as("every cause of error of issue 22 has an example")
                .contains("former-region", "set-phrase", "abbreviation", "epci-form", "adjective", "theme-demography",
                        "theme-social", "theme-mobility", "theme-environment");
        TaggingScores.Result result = TaggingScores.score(set, tagger, related());
        write(result, "frozen");

        assertThat(result.territories().precision()).as("territory precision (strict)").isGreaterThanOrEqualTo(0.95);
        assertThat(result.territories().recall()).as("territory recall (strict)").isGreaterThanOrEqualTo(0.95);
        assertThat(result.themes().recall()).as("theme recall (strict)").isGreaterThanOrEqualTo(0.95);
        // The target of issue 22 is 0.95; keyword rules reach 0.785 on real abstracts, where a theme is often named
        // in passing (docs/tagging.md). This guards against regressions.
        assertThat(result.themes().precision()).as("theme precision (strict)").isGreaterThanOrEqualTo(0.78);
    }

    @Test
    void theDevelopmentHeadlinesKeepTheirScores() throws Exception {
        LabelledHeadlines set = LabelledHeadlines.load(LabelledHeadlines.DEVELOPMENT);
        TaggingScores.Result result = TaggingScores.score(set, tagger, related());
        write(result, "development");

        assertThat(result.territories().precision()).as("territory precision (strict)").isGreaterThanOrEqualTo(0.95);
        assertThat(result.territories().recall()).as("territory recall (strict)").isGreaterThanOrEqualTo(0.95);
        assertThat(result.themes().precision()).as("theme precision (strict)").isGreaterThanOrEqualTo(0.8);
        assertThat(result.themes().recall()).as("theme recall (strict)").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void theHeadlinesWrittenForTheProjectKeepTheirScores() throws Exception {
        LabelledHeadlines set = LabelledHeadlines.load(LabelledHeadlines.WRITTEN);
        assertThat(set.items()).hasSizeGreaterThanOrEqualTo(60);
        TaggingScores.Result result = TaggingScores.score(set, tagger, related());
        write(result, "written");

        assertThat(result.territories().precision()).as("territory precision (strict)").isGreaterThanOrEqualTo(0.95);
        assertThat(result.territories().recall()).as("territory recall (strict)").isGreaterThanOrEqualTo(0.95);
        assertThat(result.themes().precision()).as("theme precision (strict)").isGreaterThanOrEqualTo(0.9);
        assertThat(result.themes().recall()).as("theme recall (strict)").isGreaterThanOrEqualTo(0.95);
    }

    /** Speed, measured and written to the report (not asserted: performance lives in benchmarks). */
    @Test
    void tagsManyItemsAndReportsTheSpeed() throws Exception {
        LabelledHeadlines set = LabelledHeadlines.load(LabelledHeadlines.FROZEN);
        int rounds = 60;
        long start = System.nanoTime();
        int tagged = 0;
        for (int round = 0; round < rounds; round++) {
            for (LabelledHeadlines.Item item : set.items()) {
                tagger.tag(item.title(), item.summary());
                tagged++;
            }
        }
        double millis = (System.nanoTime() - start) / 1e6;
        String text = String.format(Locale.ROOT, "National matcher (%d names) built in %d ms; %d items tagged in %.0f ms "
                + "(%.0f items/s).%n", built.names(), buildMillis, tagged, millis, tagged / (millis / 1000));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "tagging-speed.md"), text, StandardCharsets.UTF_8);
        System.out.println(text);
        assertThat(tagged).isEqualTo(rounds * set.items().size());
    }

    private static void write(TaggingScores.Result result, String name) throws Exception {
        Files.createDirectories(Path.of("target"));
        Path file = Path.of("target", "tagging-quality-" + name + ".md");
        Files.writeString(file, result.report(), StandardCharsets.UTF_8);
        System.out.println(result.report());
    }

    /** Two keys name the same place at two levels: one is among the other's parents in the référentiel. */
    private static java.util.function.BiPredicate<String, String> related() {
        Territories scope = new Territories(TestLightModule.contentTypes());
        Map<String, List<String>> parents = new HashMap<>();
        return (a, b) -> repository.withAnonymousSession(session -> parentsOf(scope, session, parents, a).contains(b)
                || parentsOf(scope, session, parents, b).contains(a));
    }

    private static List<String> parentsOf(Territories scope, javax.jcr.Session session, Map<String, List<String>> cache,
                                          String key) throws RepositoryException {
        List<String> known = cache.get(key);
        if (known == null) {
            known = scope.withParents(session, key).map(keys -> keys.stream().map(TerritoryKey::toString).toList())
                    .orElse(List.of(key));
            cache.put(key, known);
        }
        return known;
    }
}
