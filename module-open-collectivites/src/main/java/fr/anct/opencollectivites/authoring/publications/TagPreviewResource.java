package fr.anct.opencollectivites.authoring.publications;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.anct.opencollectivites.web.ApiException;
import fr.anct.opencollectivites.web.Caller;
import fr.anct.opencollectivites.web.Json;
import fr.anct.opencollectivites.publications.harvest.TagPreview;
import fr.anct.opencollectivites.security.UserRequests;

/**
 * {@code POST /.rest/authoring/v1/tagging/preview} with {@code {"title": …, "summary": …}} (the summary in HTML
 * or plain text): the tags the harvest would give that text and why ({@link TagPreview}). For any signed-in
 * user (session cookie with CSRF header, or API token); it writes nothing and reads only the référentiel.
 */
@Path("/.rest/authoring/v1/tagging/preview")
public final class TagPreviewResource {
    private final UserRequests requests;
    private final TagPreview preview;

    public TagPreviewResource(UserRequests requests, TagPreview preview) {
        this.requests = requests;
        this.preview = preview;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response preview(String body, @Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        requests.run(caller, session -> null);
        JsonNode json = Json.parse(body);
        TagPreview.Result result;
        try {
            result = preview.preview(Json.text(json, "title"), Json.text(json, "summary"));
        } catch (TagPreview.Invalid e) {
            throw ApiException.badRequest(e.key(), e.args());
        }
        return Json.ok(toJson(result));
    }

    static ObjectNode toJson(TagPreview.Result result) {
        ObjectNode body = Json.object();
        ObjectNode tags = body.putObject("tags");
        result.tags().territories().stream().sorted().forEach(tags.putArray("territories")::add);
        result.tags().themes().stream().sorted().forEach(tags.putArray("themes")::add);
        ArrayNode territories = body.putArray("territories");
        for (TagPreview.Territory t : result.territories()) {
            territories.addObject().put("key", t.key()).put("name", t.name()).put("words", t.words())
                    .put("rule", t.rule()).put("reason", t.reason());
        }
        ArrayNode themes = body.putArray("themes");
        for (TagPreview.Theme t : result.themes()) {
            ObjectNode theme = themes.addObject().put("code", t.code()).put("name", t.name());
            t.keywords().forEach(theme.putArray("keywords")::add);
        }
        ArrayNode ignored = body.putArray("ignored");
        for (TagPreview.Ignored i : result.ignored()) {
            ignored.addObject().put("words", i.words()).put("rule", i.rule()).put("reason", i.reason());
        }
        return body;
    }
}
