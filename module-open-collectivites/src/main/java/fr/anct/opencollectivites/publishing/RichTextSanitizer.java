package fr.anct.opencollectivites.publishing;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Rich text is sanitised on save (OWASP Java HTML Sanitizer): text formatting, headings, lists, tables,
 * links (http, https, mailto; {@code rel="noopener noreferrer"} added) and images over https; no
 * script, style, event handler, iframe or form survives.
 */
public final class RichTextSanitizer {
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.LINKS)
            .and(new HtmlPolicyBuilder()
                    .allowElements("img")
                    .allowAttributes("src").onElements("img")
                    .allowAttributes("alt", "width", "height").onElements("img")
                    .allowUrlProtocols("https")
                    .toFactory())
            .and(new HtmlPolicyBuilder().allowElements("hr", "br", "abbr").allowAttributes("title").onElements("abbr")
                    .toFactory());

    public String sanitize(String html) {
        return html == null ? null : POLICY.sanitize(html);
    }
}
