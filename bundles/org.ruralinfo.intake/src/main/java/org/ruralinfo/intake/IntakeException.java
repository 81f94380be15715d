package org.ruralinfo.intake;

import java.util.List;

/**
 * A request the workflow refuses for a reason other than bad input. {@link #allowed()} names the actions
 * the item allows in its state when the kind is {@link Kind#CONFLICT}.
 */
public class IntakeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why (an HTTP API maps them to 404, 403, 409, 413, 415). */
    public enum Kind {
        NOT_FOUND, FORBIDDEN, CONFLICT, TOO_LARGE, UNSUPPORTED_TYPE
    }

    private final Kind kind;
    private final String path;
    private final transient List<String> allowed;

    public IntakeException(Kind kind, String path, String message, List<String> allowed) {
        super(message);
        this.kind = kind;
        this.path = path;
        this.allowed = List.copyOf(allowed);
    }

    public IntakeException(Kind kind, String message) {
        this(kind, null, message, List.of());
    }

    public static IntakeException notFound(String what) {
        return new IntakeException(Kind.NOT_FOUND, what + " not found");
    }

    public Kind kind() {
        return kind;
    }

    /** @return the JSON path of the field the refusal is about, or null */
    public String path() {
        return path;
    }

    /** @return for a conflict, the actions the item allows now (may be empty) */
    public List<String> allowed() {
        return allowed;
    }
}
