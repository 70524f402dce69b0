package fr.anct.opencollectivites.tagging;

import static fr.anct.opencollectivites.TestLightModule.fixturesDir;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.NationalReferentiel;

/**
 * Precision and recall of the tagger on the labelled headlines ({@code tagging/labelled-headlines.yaml})
 * over the real national référentiel (run with -Dfixtures.dir=…). Writes the report, misses per item, to
 * {@code target/tagging-quality-report.md}; docs/tagging.md quotes its figures.
 */
@Tag("repository")
@Tag("national")
class TaggingQualityTest {
    static final double THRESHOLD = 0.9;

    record Item(int id, String title, String summary, Set<String> territories, Set<String> themes) {
    }

    /** Counts of one kind of tag (territories or themes), micro-averaged over the items. */
    static final class Score {
        int truePositives;
        int falsePositives;
        int falseNegatives;

        void add(Set<String> expected, Set<String> found) {
            for (String tag : found) {
                if (expected.contains(tag)) {
                    truePositives++;
                } else {
                    falsePositives++;
                }
            }
            for (String tag : expected) {
                if (!found.contains(tag)) {
                    falseNegatives++;
                }
            }
        }

        double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }

        String line(String name) {
            return String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.3f |", name, truePositives,
                    falsePositives, falseNegatives, precision(), recall());
        }
    }

    @Test
    void precisionAndRecallOnTheLabelledHeadlinesOverTheNationalReferentiel() throws Exception {
        Assumptions.assumeTrue(fixturesDir().isPresent(), "national fixtures not given (-Dfixtures.dir)");
        List<Item> items = labelledItems();
        assertThat(items).hasSizeGreaterThanOrEqualTo(60);
        OakRepository repository = NationalReferentiel.shared();
        {
            ReferentielTagger tagger = new ReferentielTagger(repository, TestLightModule.contentTypes(), ThemeRules.standard());
            long buildStart = System.nanoTime();
            KeywordTagger built = tagger.rebuild();
            long buildMillis = (System.nanoTime() - buildStart) / 1_000_000;

            Score territories = new Score();
            Score themes = new Score();
            StringBuilder misses = new StringBuilder();
            for (Item item : items) {
                Tags tags = tagger.tag(item.title(), item.summary());
                territories.add(item.territories(), tags.territories());
                themes.add(item.themes(), tags.themes());
                String miss = misses("territories", item.territories(), tags.territories())
                        + misses("themes", item.themes(), tags.themes());
                if (!miss.isEmpty()) {
                    misses.append("- ").append(item.id()).append(". ").append(item.title()).append(miss).append('\n');
                }
            }

            int rounds = 150;
            long start = System.nanoTime();
            int tagged = 0;
            for (int round = 0; round < rounds; round++) {
                for (Item item : items) {
                    tagger.tag(item.title(), item.summary());
                    tagged++;
                }
            }
            double millis = (System.nanoTime() - start) / 1e6;

            String report = "# Tagging quality on the labelled headlines\n\n"
                    + items.size() + " items, national référentiel (" + built.names() + " names), "
                    + "micro-averaged over (item, tag) pairs.\n\n"
                    + "| tags | true positives | false positives | false negatives | precision | recall |\n"
                    + "|---|---|---|---|---|---|\n"
                    + territories.line("territories") + "\n" + themes.line("themes") + "\n\n"
                    + String.format(Locale.ROOT, "Matcher built in %d ms; %d items tagged in %.0f ms (%.0f items/s).%n%n",
                            buildMillis, tagged, millis, tagged / (millis / 1000))
                    + "## Misses (+ found but not expected, − expected but not found)\n\n"
                    + (misses.length() == 0 ? "none\n" : misses);
            Path target = Path.of("target");
            Files.createDirectories(target);
            Files.writeString(target.resolve("tagging-quality-report.md"), report, StandardCharsets.UTF_8);
            System.out.println(report);

            assertThat(territories.precision()).as("territory precision").isGreaterThanOrEqualTo(THRESHOLD);
            assertThat(territories.recall()).as("territory recall").isGreaterThanOrEqualTo(THRESHOLD);
            assertThat(themes.precision()).as("theme precision").isGreaterThanOrEqualTo(THRESHOLD);
            assertThat(themes.recall()).as("theme recall").isGreaterThanOrEqualTo(THRESHOLD);
        }
    }

    private static String misses(String kind, Set<String> expected, Set<String> found) {
        StringBuilder text = new StringBuilder();
        for (String tag : new TreeSet<>(found)) {
            if (!expected.contains(tag)) {
                text.append(" +").append(tag);
            }
        }
        for (String tag : new TreeSet<>(expected)) {
            if (!found.contains(tag)) {
                text.append(" −").append(tag);
            }
        }
        return text.length() == 0 ? "" : " — " + kind + ":" + text;
    }

    @SuppressWarnings("unchecked")
    static List<Item> labelledItems() throws Exception {
        try (InputStream in = TaggingQualityTest.class.getResourceAsStream("/tagging/labelled-headlines.yaml")) {
            List<Map<String, Object>> raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            List<Item> items = new ArrayList<>();
            for (Map<String, Object> entry : raw) {
                items.add(new Item((Integer) entry.get("id"), (String) entry.get("title"), (String) entry.get("summary"),
                        strings(entry.get("territories")), strings(entry.get("themes"))));
            }
            return items;
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> strings(Object list) {
        Set<String> values = new TreeSet<>();
        for (Object value : (List<Object>) list) {
            values.add(String.valueOf(value));
        }
        return values;
    }
}
