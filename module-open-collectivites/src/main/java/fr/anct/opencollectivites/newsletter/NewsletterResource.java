package fr.anct.opencollectivites.newsletter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.web.Json;

/**
 * HTTP side of the newsletter: subscribe (JSON or form), confirm (link of the mail), unsubscribe (one
 * POST without login, RFC 8058; a GET only shows the question, since mail scanners follow links).
 * Answers JSON, or a small French HTML page when the client asks for HTML (a person's browser).
 */
@Path(NewsletterSettings.API_PATH)
public final class NewsletterResource {
    private static final ObjectMapper JSON = Json.MAPPER;
    private final NewsletterService newsletter;
    private final Messages messages;

    public NewsletterResource(NewsletterService newsletter, Messages messages) {
        this.newsletter = newsletter;
        this.messages = messages;
    }

    @POST
    @Path("subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response subscribeJson(String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body == null ? "" : body);
        } catch (Exception e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            return error(400, "malformed", null, "newsletter.error.malformed");
        }
        return subscribe(json.path("email").asText(null), list(json.get("territories")), list(json.get("themes")));
    }

    @POST
    @Path("subscriptions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response subscribeForm(Form form) {
        Map<String, List<String>> fields = form.asMap();
        return subscribe(first(fields.get("email")), split(fields.get("territories")), split(fields.get("themes")));
    }

    @GET
    @Path("confirm")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public Response confirm(@QueryParam("token") String token, @jakarta.ws.rs.core.Context HttpHeaders headers) {
        return switch (newsletter.confirm(token)) {
            case CONFIRMED -> message(200, "confirmed", "newsletter.confirm.done", headers, null);
            case EXPIRED -> message(410, "tokenExpired", "newsletter.confirm.expired", headers, null);
            case INVALID -> message(404, "tokenInvalid", "newsletter.confirm.invalid", headers, null);
        };
    }

    @GET
    @Path("unsubscribe")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public Response unsubscribeQuestion(@QueryParam("token") String token, @jakarta.ws.rs.core.Context HttpHeaders headers) {
        if (!newsletter.isUnsubscribeToken(token)) {
            return message(404, "tokenInvalid", "newsletter.unsubscribe.invalid", headers, null);
        }
        return message(200, "confirmUnsubscribe", "newsletter.unsubscribe.question", headers, token);
    }

    @POST
    @Path("unsubscribe")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public Response unsubscribe(@QueryParam("token") String token, @jakarta.ws.rs.core.Context HttpHeaders headers) {
        return newsletter.unsubscribe(token)
                ? message(200, "unsubscribed", "newsletter.unsubscribe.done", headers, null)
                : message(404, "tokenInvalid", "newsletter.unsubscribe.invalid", headers, null);
    }

    private Response subscribe(String email, List<String> territories, List<String> themes) {
        try {
            newsletter.subscribe(email, territories, themes);
        } catch (NewsletterException e) {
            return error(400, e.code(), e.field(), e.messageKey());
        }
        return Response.status(202).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("status", "accepted", "message", messages.get("newsletter.subscribe.accepted"))).build();
    }

    private Response error(int status, String code, String field, String key) {
        Map<String, Object> error = new java.util.LinkedHashMap<>();
        error.put("code", code);
        if (field != null) {
            error.put("field", field);
        }
        error.put("message", messages.get(key));
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", error)).build();
    }

    private Response message(int status, String code, String key, HttpHeaders headers, String unsubscribeToken) {
        String text = messages.get(key);
        boolean html = headers.getAcceptableMediaTypes().stream()
                .anyMatch(t -> t.isCompatible(MediaType.TEXT_HTML_TYPE) && !t.isWildcardType());
        if (!html) {
            Map<String, Object> body = status < 400 ? Map.of("status", code, "message", text)
                    : Map.of("error", Map.of("code", code, "message", text));
            return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
        }
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(text)).append("</title></head><body><p>").append(escape(text)).append("</p>");
        if (unsubscribeToken != null) {
            page.append("<form method=\"post\" action=\"unsubscribe?token=").append(escape(unsubscribeToken))
                    .append("\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\"><button type=\"submit\">")
                    .append(escape(messages.get("newsletter.unsubscribe.button"))).append("</button></form>");
        }
        page.append("</body></html>");
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.toString()).build();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static List<String> list(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else if (node != null && node.isTextual()) {
            values.addAll(split(List.of(node.asText())));
        }
        return values;
    }

    /** Form fields may repeat or hold a comma-separated list. */
    private static List<String> split(List<String> values) {
        List<String> result = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        result.add(part.strip());
                    }
                }
            }
        }
        return result;
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
