package fr.anct.opencollectivites.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.anct.opencollectivites.i18n.Messages;

/** Renders {@link ApiException} as {@code {"error":{"code","message","details"}}} with a French message. */
public final class ApiExceptionMapper implements ExceptionMapper<ApiException> {
    private final Messages messages;

    public ApiExceptionMapper(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Response toResponse(ApiException exception) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error");
        error.put("code", exception.code());
        error.put("message", messages.get(exception.key(), exception.args()));
        if (!exception.details().isEmpty()) {
            ArrayNode details = error.putArray("details");
            exception.details().forEach(d -> {
                ObjectNode item = details.addObject();
                item.put("field", d.get("field"));
                item.put("message", d.get("message"));
            });
        }
        Response.ResponseBuilder response = Response.status(exception.status())
                .type(Json.TYPE).header("Cache-Control", "no-store").entity(body.toString());
        exception.headers().forEach(response::header);
        return response.build();
    }
}
