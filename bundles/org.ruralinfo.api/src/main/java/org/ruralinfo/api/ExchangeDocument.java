package org.ruralinfo.api;

import java.util.List;

/**
 * An exchange document v1 ({@code "format": "ruralinfo-exchange/1"}), any subset of its sections.
 * Sections left out of the document are empty lists.
 */
public record ExchangeDocument(String prefecture, List<CalendarYear> calendar, List<Unit> units,
        List<Group> groups, List<Outlet> outlets, List<Notice> notices, List<Item> items,
        List<Adoption> adoptions, List<Publicity> publicity) {

    public static final String FORMAT = "ruralinfo-exchange/1";

    public ExchangeDocument {
        calendar = List.copyOf(calendar);
        units = List.copyOf(units);
        groups = List.copyOf(groups);
        outlets = List.copyOf(outlets);
        notices = List.copyOf(notices);
        items = List.copyOf(items);
        adoptions = List.copyOf(adoptions);
        publicity = List.copyOf(publicity);
    }
}
