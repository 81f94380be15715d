package org.ruralinfo.intake;

import java.time.Instant;

import org.ruralinfo.api.ItemStatus;

/** One step of an item's history: who, when, what, from which state to which, and the comment. */
public record HistoryEntry(Instant at, String actor, String action, ItemStatus from, ItemStatus to,
        String comment) {
}
