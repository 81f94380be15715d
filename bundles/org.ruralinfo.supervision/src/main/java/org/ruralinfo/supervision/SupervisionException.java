package org.ruralinfo.supervision;

/** A refusal: the record is not there for the actor, the actor may not do it, or the state does not allow it. */
public class SupervisionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Kind {
        NOT_FOUND,
        FORBIDDEN,
        CONFLICT
    }

    private final Kind kind;

    public SupervisionException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
