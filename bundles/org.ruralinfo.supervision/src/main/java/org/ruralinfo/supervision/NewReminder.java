package org.ruralinfo.supervision;

import java.time.Instant;

/**
 * A reminder to log or issue.
 *
 * @param caller who called; null: the actor
 * @param callee whom at the unit, may be null
 * @param at     when the call was made; null: now
 */
public record NewReminder(String unit, ReminderKind kind, String subject, String note, String caller, String callee,
        Instant at) {
}
