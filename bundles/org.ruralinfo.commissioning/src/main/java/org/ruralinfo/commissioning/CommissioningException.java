package org.ruralinfo.commissioning;

/** A refusal of commissioning: the notice or unit is not there for the actor, or the actor may not do it. */
public class CommissioningException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Kind {
        NOT_FOUND,
        FORBIDDEN
    }

    private final Kind kind;

    public CommissioningException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
