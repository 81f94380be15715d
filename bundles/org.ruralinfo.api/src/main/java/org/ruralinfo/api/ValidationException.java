package org.ruralinfo.api;

import java.util.List;

/** An input was refused as a whole; {@link #errors()} names every bad path. Nothing was changed. */
public class ValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<ValidationError> errors;

    public ValidationException(String message, List<ValidationError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public ValidationException(ValidationError error) {
        this(error.toString(), List.of(error));
    }

    public List<ValidationError> errors() {
        return errors;
    }
}
