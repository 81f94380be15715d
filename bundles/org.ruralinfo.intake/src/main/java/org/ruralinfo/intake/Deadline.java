package org.ruralinfo.intake;

import java.time.Instant;

/**
 * The time standard of an item (Art. 8), computed when it was created.
 *
 * @param due      the instant it must be sent (signed) by
 * @param rule     {@code emergency} (on time at most 2 h after it happened, inclusive), {@code meeting}
 *                 (before the end of the 3rd working day: {@code due} is 00:00 of the next day, exclusive)
 *                 or {@code commissioned} (at or before the notice's deadline)
 * @param late     whether it was sent after {@code due}, or {@code due} passed without it being sent
 */
public record Deadline(Instant due, String rule, boolean late) {
    /** @return whether sending at {@code sent} meets the standard */
    public static boolean onTime(String rule, Instant due, Instant sent) {
        return "meeting".equals(rule) ? sent.isBefore(due) : !sent.isAfter(due);
    }

    /** @return the deadline as it stands at {@code now} for an item sent at {@code sent} (null: not yet) */
    public static Deadline of(String rule, Instant due, Instant sent, Instant now) {
        boolean late = sent == null ? !onTime(rule, due, now) : !onTime(rule, due, sent);
        return new Deadline(due, rule, late);
    }
}
