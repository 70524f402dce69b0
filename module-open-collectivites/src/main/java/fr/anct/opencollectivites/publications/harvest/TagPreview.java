package fr.anct.opencollectivites.publications.harvest;

import java.util.List;

import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.tagging.TagExplanation;
import fr.anct.opencollectivites.tagging.Tags;

/**
 * The editors' tag preview: a title and a summary pasted by hand, tagged by the harvest's own
 * {@link HarvestTagging}, with each tag's reason (and each word left out) in French. One rule for the
 * authoring page and the authoring API: a title or a summary is needed, and their lengths are capped
 * (a harvested title or summary is far shorter).
 */
public final class TagPreview {
    public static final int MAX_TITLE = 1_000;
    public static final int MAX_SUMMARY = 20_000;

    private final HarvestTagging tagging;
    private final Messages messages;

    public TagPreview(HarvestTagging tagging, Messages messages) {
        this.tagging = tagging;
        this.messages = messages;
    }

    /** A territory given, the words that name it, and why in French. */
    public record Territory(String key, String name, String words, String rule, String reason) {
    }

    public record Theme(String code, String name, List<String> keywords) {
    }

    /** Words that look like a place but gave no tag, and why in French. */
    public record Ignored(String words, String rule, String reason) {
    }

    public record Result(Tags tags, List<Territory> territories, List<Theme> themes, List<Ignored> ignored) {
    }

    /** The preview was refused; {@code key} and {@code args} make the French message. */
    public static final class Invalid extends Exception {
        private final String key;
        private final transient Object[] args;

        Invalid(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args;
        }

        public String key() {
            return key;
        }

        public Object[] args() {
            return args;
        }
    }

    public Result preview(String title, String summary) throws Invalid {
        String t = title == null ? "" : title.strip();
        String s = summary == null ? "" : summary.strip();
        if (t.isEmpty() && s.isEmpty()) {
            throw new Invalid("publications.tagPreview.error.empty");
        }
        if (t.length() > MAX_TITLE) {
            throw new Invalid("publications.tagPreview.error.titleTooLong", MAX_TITLE);
        }
        if (s.length() > MAX_SUMMARY) {
            throw new Invalid("publications.tagPreview.error.summaryTooLong", MAX_SUMMARY);
        }
        TagExplanation explanation = tagging.explain(t, s);
        return new Result(explanation.tags(),
                explanation.territories().stream().map(r -> new Territory(r.key(), r.name(), r.words(), r.rule(),
                        reason("tagging.reason.", r.rule()))).toList(),
                explanation.themes().stream().map(r -> new Theme(r.theme(), r.name(), r.keywords())).toList(),
                explanation.ignored().stream().map(r -> new Ignored(r.words(), r.rule(),
                        reason("tagging.ignored.", r.rule()))).toList());
    }

    private String reason(String prefix, String rule) {
        String key = prefix + rule;
        String text = messages.get(key);
        return text.equals(key) ? rule : text;
    }
}
