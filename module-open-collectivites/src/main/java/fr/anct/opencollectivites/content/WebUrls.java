package fr.anct.opencollectivites.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for a link a visitor may follow: an absolute {@code http} or {@code https} address with a
 * host and no credentials. Checked on every write of a {@code url} property ({@link ContentValidator}) and
 * again wherever a stored address is put in an {@code href} or a feed (content written before the rule,
 * or by a path that bypassed it, is dropped there rather than served): {@code javascript:},
 * {@code data:}, relative and protocol-relative addresses never reach a page.
 */
public final class WebUrls {
    private WebUrls() {
    }

    /** The address, stripped, when it is an absolute http(s) URL; empty otherwise. */
    public static Optional<String> safe(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.isEmpty() || text.length() > 2048 || text.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == ' ')) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(text);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The address when safe, else an empty string (for templates: {@code href} of a link not drawn). */
    public static String orEmpty(String value) {
        return safe(value).orElse("");
    }
}
