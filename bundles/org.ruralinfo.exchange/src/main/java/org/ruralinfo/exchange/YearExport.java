package org.ruralinfo.exchange;

import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.YearRecords;

/**
 * The exchange document of a year: the registry, the calendar, and the year's records. Items carry
 * over only once the prefecture has screened them (accepted or rejected), as the format knows no other
 * status.
 *
 * @since 1.1
 */
public final class YearExport {
    private YearExport() {
    }

    public static ExchangeDocument of(YearRecords r) {
        java.util.List<Item> items = r.items().stream().filter(YearExport::screened).toList();
        java.util.Set<String> ids = new java.util.HashSet<>();
        items.forEach(i -> ids.add(i.id()));
        return new ExchangeDocument(null, r.calendar(), r.units(), r.groups(), r.outlets(), r.notices(), items,
                r.adoptions().stream().filter(a -> ids.contains(a.item())).toList(), r.publicity());
    }

    private static boolean screened(Item i) {
        return i.submittedAt() != null && (i.status() == ItemStatus.ACCEPTED || i.status() == ItemStatus.REJECTED);
    }
}
