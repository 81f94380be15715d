package org.ruralinfo.intake;

import java.util.List;

/** One page of a list, newest first; {@code total} counts every match. */
public record ItemPage(List<ItemSummary> items, int page, int size, long total) {
    public ItemPage {
        items = List.copyOf(items);
    }
}
