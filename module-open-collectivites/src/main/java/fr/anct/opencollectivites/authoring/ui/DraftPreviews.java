package fr.anct.opencollectivites.authoring.ui;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * What every draft preview under {@code /auteur/apercu/} answers alike: a public template rendered at its
 * public address (so navigation and canonical link are the published ones), the "Aperçu — brouillon"
 * banner with a link back to the editor, never cached, never indexed.
 */
final class DraftPreviews {
    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private DraftPreviews() {
    }

    /** @param banner the banner's text, or null for the page preview's default one */
    static Response render(UiPages pages, UriInfo uri, String template, Map<String, Object> model, String publicPath,
                           String editUrl, String banner) {
        return render(pages, uri, template, model, publicPath, editUrl, banner, List.of());
    }

    /**
     * @param places other pages the same draft can be previewed on, listed in the banner (an alert's: the fiches
     *               of the communes inside its territory, {@link AlertPlaces})
     */
    static Response render(UiPages pages, UriInfo uri, String template, Map<String, Object> model, String publicPath,
                           String editUrl, String banner, List<AlertPlaces.Place> places) {
        Map<String, Object> data = new HashMap<>(model);
        data.put("base", UiPages.baseUrl(uri));
        data.put("path", publicPath);
        Map<String, Object> notice = new HashMap<>();
        notice.put("editUrl", editUrl);
        if (banner != null) {
            notice.put("banner", banner);
        }
        // As maps: the template cannot read the accessors of a record this package keeps to itself.
        notice.put("places", places.stream().map(place -> Map.of("name", place.name(), "url", place.url(),
                "current", place.current())).toList());
        data.put("draftPreview", notice);
        byte[] body = pages.renderer().render(template, data).getBytes(StandardCharsets.UTF_8);
        return Response.ok(body, HTML).header("Cache-Control", "no-store").header("X-Robots-Tag", "noindex").build();
    }
}
