package org.ruralinfo.api.scoring;

/** No scoring policy is in force for a period (or the named one is not installed). */
public class NoPolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NoPolicyException(String message) {
        super(message);
    }
}
