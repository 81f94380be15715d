package org.ruralinfo.intake;

import java.time.Instant;

import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;

/** One line of an item list. */
public record ItemSummary(String id, String unit, ItemType type, String title, ItemStatus status,
        Instant createdAt, Instant submittedAt, Deadline deadline) {
}
