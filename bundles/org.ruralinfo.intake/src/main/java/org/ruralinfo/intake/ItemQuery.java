package org.ruralinfo.intake;

import java.time.LocalDate;

import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;

/**
 * Filters of an item list; null means any. {@code from}/{@code to} bound (inclusive) the local day the
 * item was sent to the prefecture, or created when not yet sent. {@code q} searches title and body.
 *
 * @param page from 1
 * @param size items per page, 1..100
 */
public record ItemQuery(String unit, ItemStatus status, ItemType type, LocalDate from, LocalDate to, String q,
        int page, int size) {
    public static ItemQuery all() {
        return new ItemQuery(null, null, null, null, null, null, 1, 20);
    }
}
