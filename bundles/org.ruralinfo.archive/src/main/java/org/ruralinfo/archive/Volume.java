package org.ruralinfo.archive;

import java.time.Instant;
import java.util.List;

/**
 * A year's volume (立卷).
 *
 * @param closedAt null while open
 * @param sealed   for a closed volume, the SHA-256 of its frozen exchange document (items.json)
 * @param items    what it holds, by item id
 * @param pending  for a closed volume, items of the year that were forwarded or adopted regionally after
 *                 it closed (not in it; annotate them), else empty
 */
public record Volume(int year, boolean closed, Instant closedAt, String closedBy, String sealed,
        List<VolumeItem> items, int paper, int annotations, List<String> pending) {
    public Volume {
        items = List.copyOf(items);
        pending = List.copyOf(pending);
    }
}
