package fr.anct.opencollectivites.webapp;

import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.repository.StoreOutage;

/**
 * Every error that no resource handled answers in Magnolia's error shape
 * {@code {"error":{"code":…,"message":…}}} with a French message; internal errors are logged with
 * their stack trace and never leak it to the client.
 */
final class JsonErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(JsonErrorMapper.class);
    private final Messages messages;

    JsonErrorMapper(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            String code = switch (status) {
                case 404 -> "notFound";
                case 405 -> "methodNotAllowed";
                case 406, 415 -> "unsupportedMediaType";
                default -> status < 500 ? "badRequest" : "internalError";
            };
            return error(status, code, messages.get("http.error." + code));
        }
        if (StoreOutage.causedBy(exception)) {
            LOG.warn("Request not served: the repository's store is away ({})", exception.toString());
            return Response.fromResponse(error(503, "serviceUnavailable", messages.get("http.error.serviceUnavailable")))
                    .header("Retry-After", StoreOutage.RETRY_AFTER_SECONDS).build();
        }
        LOG.error("Unhandled error", exception);
        return error(500, "internalError", messages.get("http.error.internalError"));
    }

    static Response error(int status, String code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(Map.of("error", Map.of("code", code, "message", message)))
                .build();
    }
}
