package io.taquilla.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A business or input problem to report to the caller as {@code application/problem+json}:
 * a stable {@code type} slug (rendered as {@code https://taquilla.io/problems/<type>}), a short
 * title, a human sentence, and optional extra properties (e.g. what is still available).
 */
public class ApiProblem extends RuntimeException {

    public static final String TYPE_BASE = "https://taquilla.io/problems/";

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ApiProblem(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public ApiProblem with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", what + " not found", what + " " + id + " does not exist");
    }

    public static ApiProblem badRequest(String type, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, type, "Invalid request", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
