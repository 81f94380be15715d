package org.ruralinfo.intake.internal;

import java.time.Instant;

import org.ruralinfo.api.Item;

/** An item row with the workflow's columns (V3). */
record Row(Item item, String createdBy, Instant createdAt, Instant updatedAt, Instant deadlineAt,
        String deadlineRule, String checkedBy, Instant checkedAt, String checkVerdict, String signedBy,
        String screenedBy, Instant screenedAt, String rejectReason, Instant forwardedAt, String forwardedBy) {
}
