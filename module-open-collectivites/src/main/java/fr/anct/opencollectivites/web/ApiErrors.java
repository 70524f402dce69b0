package fr.anct.opencollectivites.web;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Errors in the delivery API's shape: {@code {"error":{"code":…,"message":…}}}, message in French. */
public final class ApiErrors {
    private ApiErrors() {
    }

    public static Response notFound(String message) {
        return error(Response.Status.NOT_FOUND, "pathNotFound", message);
    }

    public static Response invalid(String message) {
        return error(Response.Status.BAD_REQUEST, "invalidParameter", message);
    }

    private static Response error(Response.Status status, String code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(Map.of("error", Map.of("code", code, "message", message)))
                .build();
    }
}
