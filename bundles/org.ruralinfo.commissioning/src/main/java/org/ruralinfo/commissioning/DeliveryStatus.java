package org.ruralinfo.commissioning;

import java.time.Instant;
import java.util.Collection;

import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.Wire;

/**
 * The delivery status of an addressed unit (API v1, Art. 9, Art. 20 and the ruling "when points count"):
 * an item is delivered on time when it was accepted by the editor and its {@code submitted_at} is at or before
 * the notice's deadline instant (the boundary is on time).
 */
public enum DeliveryStatus implements Wire {
    /** the deadline has not passed and nothing was delivered yet */
    PENDING,
    /** an accepted item submitted by the deadline */
    DELIVERED,
    /** an accepted item, but submitted after the deadline (no submission points; the −10 stands) */
    LATE,
    /** the deadline has passed with no accepted item by it (nor after it, so far) */
    MISSING;

    /** One of the unit's items answering the notice: its status and when it reached the prefecture. */
    public record Answer(String id, ItemStatus status, Instant submittedAt) {
    }

    /**
     * @param deadline the notice's deadline
     * @param answers  the unit's items answering the notice
     * @param now      the moment asked for
     * @return the status at {@code now}
     */
    public static DeliveryStatus of(Instant deadline, Collection<Answer> answers, Instant now) {
        boolean late = false;
        for (Answer a : answers) {
            if (a.status() != ItemStatus.ACCEPTED || a.submittedAt() == null || a.submittedAt().isAfter(now)) {
                continue;
            }
            if (!a.submittedAt().isAfter(deadline)) {
                return DELIVERED;
            }
            late = true;
        }
        if (late) {
            return LATE;
        }
        return now.isAfter(deadline) ? MISSING : PENDING;
    }
}
