package fr.anct.opencollectivites.web;

import java.util.List;
import java.util.Map;

/**
 * An authoring API request refused: HTTP status, a stable code for programs, the key of the French
 * message for people, and optional field details (validation violations).
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String key;
    private final transient Object[] args;
    private final transient List<Map<String, String>> details;
    private final transient Map<String, String> headers;

    public ApiException(int status, String code, String key, Object... args) {
        this(status, code, key, List.of(), Map.of(), args);
    }

    public ApiException(int status, String code, String key, List<Map<String, String>> details,
                        Map<String, String> headers, Object... args) {
        super(code + ": " + key);
        this.status = status;
        this.code = code;
        this.key = key;
        this.args = args;
        this.details = details;
        this.headers = headers;
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "unauthorized", "authoring.error.unauthorized");
    }

    public static ApiException forbidden() {
        return new ApiException(403, "forbidden", "authoring.error.forbidden");
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "notFound", "authoring.error.notFound", what);
    }

    public static ApiException badRequest(String key, Object... args) {
        return new ApiException(400, "badRequest", key, args);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args;
    }

    public List<Map<String, String>> details() {
        return details;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
