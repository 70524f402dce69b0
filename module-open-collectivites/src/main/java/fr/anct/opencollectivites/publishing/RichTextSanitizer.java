package fr.anct.opencollectivites.publishing;

import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Rich text is sanitised on save (OWASP Java HTML Sanitizer): text formatting, headings, lists, tables,
 * links (http, https, mailto; {@code rel="noopener noreferrer"} added) and images served by the platform
 * itself (its uploads, {@code /.rest/assets/…}: the pages' Content-Security-Policy allows no other, and an
 * image from elsewhere would tell a third party who reads the page); no script, style, event handler,
 * iframe or form survives.
 */
public final class RichTextSanitizer {
    /** An upload of the platform, as the asset store serves it (optionally resized: {@code ?w=640}). */
    private static final Pattern OWN_ASSET = Pattern.compile("/\\.rest/assets/[A-Za-z0-9._~%/-]+(\\?w=[0-9]{1,4})?");
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.LINKS)
            .and(new HtmlPolicyBuilder()
                    .allowElements("img")
                    .allowAttributes("src").matching(OWN_ASSET).onElements("img")
                    .allowAttributes("alt", "width", "height").onElements("img")
                    .allowUrlProtocols("https")
                    .toFactory())
            .and(new HtmlPolicyBuilder().allowElements("hr", "br", "abbr").allowAttributes("title").onElements("abbr")
                    .toFactory());

    public String sanitize(String html) {
        return html == null ? null : POLICY.sanitize(html);
    }
}
