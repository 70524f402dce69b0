package fr.anct.opencollectivites.publishing;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.web.ApiException;
import fr.anct.opencollectivites.web.ApiExceptionMapper;

/**
 * A draft operation refused in a JSON API request answers as an {@link ApiException}: 404, 409 (conflict,
 * workflow state) or 400 with the violations by field, each with its French message.
 */
public final class DraftExceptionMapper implements ExceptionMapper<DraftException> {
    private final Messages messages;
    private final ApiExceptionMapper api;

    public DraftExceptionMapper(Messages messages) {
        this.messages = messages;
        this.api = new ApiExceptionMapper(messages);
    }

    @Override
    public Response toResponse(DraftException exception) {
        return api.toResponse(toApi(exception));
    }

    ApiException toApi(DraftException e) {
        int status = switch (e.reason()) {
            case NOT_FOUND -> 404;
            case CONFLICT, STATE -> 409;
            case INVALID -> 400;
        };
        String code = switch (e.reason()) {
            case NOT_FOUND -> "notFound";
            case CONFLICT -> "conflict";
            case STATE -> "workflowState";
            case INVALID -> "invalid";
        };
        List<Map<String, String>> details = e.violations().stream()
                .map(v -> Map.of("field", v.field(), "message", messages.get(v.key(), v.args().toArray()))).toList();
        return new ApiException(status, code, e.key(), details, Map.of(), e.args());
    }
}
