package fr.anct.opencollectivites.publications.harvest;

import org.owasp.html.Encoding;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Summaries come from other sites: only basic formatting, lists, paragraphs and http(s) links are
 * kept (OWASP Java HTML Sanitizer); scripts, styles, event handlers, iframes and forms are dropped.
 */
public final class HtmlSummaries {
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS)
            .and(new HtmlPolicyBuilder().allowElements("br", "ul", "ol", "li").toFactory());
    /** No element at all: the text content only (entities still encoded). */
    private static final PolicyFactory TEXT_ONLY = new HtmlPolicyBuilder().toFactory();

    private HtmlSummaries() {
    }

    public static String sanitise(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        String clean = POLICY.sanitize(html).strip();
        return clean.isEmpty() ? null : clean;
    }

    /** The text of an HTML fragment, for the tagger and the full-text index. */
    public static String plainText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        String spaced = html.replaceAll("(?i)<(br|/p|/li|/div|/h[1-6])[^>]*>", " $0");
        return Encoding.decodeHtml(TEXT_ONLY.sanitize(spaced), false).replaceAll("\\s+", " ").strip();
    }
}
