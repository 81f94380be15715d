package org.ruralinfo.supervision;

import java.time.Instant;

/**
 * A reminder sent to a unit (Art. 10).
 *
 * @param caller who called (phone) or signed (notice)
 * @param callee whom, at the unit (phone), may be null
 * @param at     when it was made
 * @param docNo  the number of the written notice, null for a phone reminder
 */
public record Reminder(long id, String unit, ReminderKind kind, String subject, String note, String caller,
        String callee, Instant at, String docNo, String createdBy, Instant createdAt) {
}
