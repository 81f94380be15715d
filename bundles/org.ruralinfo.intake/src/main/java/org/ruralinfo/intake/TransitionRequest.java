package org.ruralinfo.intake;

/**
 * One action on an item.
 *
 * @param comment required for {@link Action#RETURN}, else optional
 * @param reason  required for {@link Action#REJECT}
 * @param verdict the confidentiality check's verdict on {@link Action#APPROVE}; null means passed
 */
public record TransitionRequest(Action action, String comment, RejectReason reason, String verdict) {
    public static TransitionRequest of(Action action) {
        return new TransitionRequest(action, null, null, null);
    }
}
