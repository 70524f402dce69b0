package fr.anct.opencollectivites.tagging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;

import fr.anct.opencollectivites.tagging.LabelledHeadlines.Item;

/**
 * Precision and recall of a tagger on a labelled set, micro-averaged over (item, tag) pairs:
 * <ul>
 * <li><b>strict</b>: a tag is right only if it is the labelled one;</li>
 * <li><b>lenient</b>: a territory is also right when it is the labelled place at another level (the
 *     commune of a labelled EPCI, the région of a labelled département…: {@code related}); themes have
 *     no levels, so lenient equals strict for them;</li>
 * <li>per cause of error: the strict scores over the items annotated with that cause.</li>
 * </ul>
 * The labels are keys of the référentiel; the tagger's former-région keys ({@code ancienne-region:31}) are left
 * out of the scores.
 */
final class TaggingScores {
    /** Counts of one kind of tag. */
    static final class Score {
        int truePositives;
        int falsePositives;
        int falseNegatives;

        void add(Set<String> expected, Set<String> found, BiPredicate<String, String> same) {
            for (String tag : found) {
                if (expected.stream().anyMatch(e -> same.test(e, tag))) {
                    truePositives++;
                } else {
                    falsePositives++;
                }
            }
            for (String tag : expected) {
                if (found.stream().noneMatch(f -> same.test(tag, f))) {
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

        String cells() {
            return String.format(Locale.ROOT, "%d | %d | %d | %.3f | %.3f", truePositives, falsePositives, falseNegatives,
                    precision(), recall());
        }
    }

    /** The scores of one set. */
    record Result(LabelledHeadlines set, Score territories, Score themes, Score lenientTerritories, int fullyRight,
                  Map<String, Score[]> byCause, Map<String, Integer> rightByCause, Map<String, Integer> itemsByCause,
                  Map<String, int[]> themesByEvidence, List<String> misses) {

        String report() {
            StringBuilder text = new StringBuilder();
            text.append("## ").append(set.name()).append("\n\n")
                    .append(set.items().size()).append(" items, ").append(fullyRight)
                    .append(" with every territory and theme right.\n\n")
                    .append("| tags | scoring | true positives | false positives | false negatives | precision | recall |\n")
                    .append("|---|---|---|---|---|---|---|\n")
                    .append("| territories | strict | ").append(territories.cells()).append(" |\n")
                    .append("| territories | lenient | ").append(lenientTerritories.cells()).append(" |\n")
                    .append("| themes | strict (= lenient) | ").append(themes.cells()).append(" |\n\n");
            if (!byCause.isEmpty()) {
                text.append("Per cause (strict), over the items annotated with it:\n\n")
                        .append("| cause | items | fully right | territories P | territories R | themes P | themes R |\n")
                        .append("|---|---|---|---|---|---|---|\n");
                byCause.forEach((cause, scores) -> text.append(String.format(Locale.ROOT,
                        "| %s | %d | %d | %.3f | %.3f | %.3f | %.3f |%n", cause, itemsByCause.get(cause),
                        rightByCause.get(cause), scores[0].precision(), scores[0].recall(), scores[1].precision(),
                        scores[1].recall())));
                text.append('\n');
            }
            text.append("Themes found, by where the text names them (right: labelled; wrong: not labelled):\n\n")
                    .append("| found in | right | wrong |\n|---|---|---|\n");
            themesByEvidence.forEach((evidence, counts) -> text.append(String.format(Locale.ROOT, "| %s | %d | %d |%n",
                    evidence, counts[0], counts[1])));
            text.append('\n');
            text.append("Misses (+ found but not expected, − expected but not found):\n\n");
            if (misses.isEmpty()) {
                text.append("none\n");
            }
            misses.forEach(miss -> text.append("- ").append(miss).append('\n'));
            return text.append('\n').toString();
        }
    }

    private TaggingScores() {
    }

    /** @param related whether two territory keys name the same place at two levels (lenient scoring) */
    static Result score(LabelledHeadlines set, PublicationTagger tagger, BiPredicate<String, String> related) {
        Score territories = new Score();
        Score themes = new Score();
        Score lenient = new Score();
        Map<String, Score[]> byCause = new TreeMap<>();
        Map<String, Integer> rightByCause = new TreeMap<>();
        Map<String, Integer> itemsByCause = new TreeMap<>();
        Map<String, int[]> themesByEvidence = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        int fullyRight = 0;
        BiPredicate<String, String> equal = String::equals;
        for (Item item : set.items()) {
            Tags all = tagger.tag(item.title(), item.summary());
            Tags tags = new Tags(referentielKeys(all.territories()), all.themes());
            territories.add(item.territories(), tags.territories(), equal);
            themes.add(item.themes(), tags.themes(), equal);
            lenient.add(item.territories(), tags.territories(), (a, b) -> a.equals(b) || related.test(a, b));
            for (String theme : tags.themes()) {
                themesByEvidence.computeIfAbsent(evidence(item, theme, tagger), e -> new int[2])
                        [item.themes().contains(theme) ? 0 : 1]++;
            }
            boolean right = item.territories().equals(tags.territories()) && item.themes().equals(tags.themes());
            if (right) {
                fullyRight++;
            }
            for (String cause : item.causes()) {
                Score[] scores = byCause.computeIfAbsent(cause, c -> new Score[] {new Score(), new Score()});
                scores[0].add(item.territories(), tags.territories(), equal);
                scores[1].add(item.themes(), tags.themes(), equal);
                itemsByCause.merge(cause, 1, Integer::sum);
                rightByCause.merge(cause, right ? 1 : 0, Integer::sum);
            }
            String miss = misses("territories", item.territories(), tags.territories())
                    + misses("themes", item.themes(), tags.themes());
            if (!miss.isEmpty()) {
                misses.add(item.id() + ". " + item.title() + miss);
            }
        }
        return new Result(set, territories, themes, lenient, fullyRight, new LinkedHashMap<>(byCause), rightByCause,
                itemsByCause, themesByEvidence, misses);
    }

    /**
     * Where a theme the tagger gave comes from: the title, or the number of the summary's sentences that give it
     * on their own (sentences cut at ". ", "! ", "? "). Shows how far the theme's evidence tells a subject from a
     * mention.
     */
    private static String evidence(Item item, String theme, PublicationTagger tagger) {
        if (tagger.tag(item.title(), "").themes().contains(theme)) {
            return "the title";
        }
        int sentences = 0;
        for (String sentence : (item.summary() == null ? "" : item.summary()).split("(?<=[.!?])\\s+")) {
            if (tagger.tag("", sentence).themes().contains(theme)) {
                sentences++;
            }
        }
        return switch (sentences) {
            case 0 -> "the summary as a whole only";
            case 1 -> "one sentence of the summary";
            default -> "two or more sentences of the summary";
        };
    }

    /** The labels are keys of the référentiel: the former-région tags ("ancienne-region:31") are not scored. */
    static Set<String> referentielKeys(Set<String> keys) {
        return keys.stream().filter(key -> key.matches("(commune|epci|departement|region):.*"))
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
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
}
