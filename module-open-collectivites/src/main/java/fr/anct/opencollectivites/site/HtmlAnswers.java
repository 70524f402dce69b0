package fr.anct.opencollectivites.site;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import fr.anct.opencollectivites.web.Hashes;

/**
 * Conditional answers for rendered pages: a strong ETag on the bytes sent and a Last-Modified from the
 * data shown, so a revalidation answers 304 without a body; the page type's Cache-Control. A page is
 * never older than the templates that render it ({@link SiteRenderer#presentationChanged()}): the same
 * on every instance of a cluster running the same build, unlike a start time.
 */
final class HtmlAnswers {
    static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");
    static final String NO_STORE = "no-store";

    private final Instant presentationChanged;

    HtmlAnswers(Instant presentationChanged) {
        this.presentationChanged = presentationChanged.truncatedTo(ChronoUnit.SECONDS);
    }

    Response ok(Request request, String body, MediaType type, Instant lastModified, String cacheControl) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        EntityTag tag = Hashes.etag(bytes);
        Instant modified = lastModified == null || lastModified.isBefore(presentationChanged) ? presentationChanged
                : lastModified.truncatedTo(ChronoUnit.SECONDS);
        Date date = Date.from(modified);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(date, tag);
        if (notModified != null) {
            return notModified.header("Cache-Control", cacheControl).build();
        }
        return Response.ok(bytes, type).tag(tag).lastModified(date).header("Cache-Control", cacheControl).build();
    }

    static Response status(int status, String body) {
        return Response.status(status).type(HTML).entity(body.getBytes(StandardCharsets.UTF_8))
                .header("Cache-Control", NO_STORE).build();
    }
}
