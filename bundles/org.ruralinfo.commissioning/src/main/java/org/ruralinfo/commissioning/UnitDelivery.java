package org.ruralinfo.commissioning;

import java.util.List;

/**
 * One addressed unit's answer to a notice.
 *
 * @param status its delivery status
 * @param items  the ids of its commissioned items for the notice that reached the prefecture (submitted)
 * @param writer the writer the unit named, or null
 */
public record UnitDelivery(String unit, DeliveryStatus status, List<String> items, String writer) {
    public UnitDelivery {
        items = List.copyOf(items);
    }
}
