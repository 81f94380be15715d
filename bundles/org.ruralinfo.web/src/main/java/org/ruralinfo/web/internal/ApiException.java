package org.ruralinfo.web.internal;

import java.util.List;

import org.ruralinfo.api.ValidationError;

/** An answer other than success, sent as {@code application/problem+json} (RFC 9457). */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String title;
    private final transient List<ValidationError> errors;

    ApiException(int status, String title, String detail, List<ValidationError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    ApiException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    static ApiException badRequest(String path, String message) {
        return new ApiException(400, "Bad request", path + ": " + message, List.of(new ValidationError(path, message)));
    }

    static ApiException unauthorized() {
        return new ApiException(401, "Unauthorized", "log in first (POST /api/v1/session)");
    }

    static ApiException forbidden(String detail) {
        return new ApiException(403, "Forbidden", detail);
    }

    static ApiException notFound(String detail) {
        return new ApiException(404, "Not found", detail);
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    List<ValidationError> errors() {
        return errors;
    }
}
