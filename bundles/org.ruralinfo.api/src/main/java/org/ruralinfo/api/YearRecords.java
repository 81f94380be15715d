package org.ruralinfo.api;

import java.util.List;

/**
 * The records that a year's scoring and export need: every unit, group and outlet, the calendar,
 * and the notices, items, adoptions and publicity reports of that year.
 */
public record YearRecords(int year, List<CalendarYear> calendar, List<Unit> units, List<Group> groups,
        List<Outlet> outlets, List<Notice> notices, List<Item> items, List<Adoption> adoptions,
        List<Publicity> publicity) {
    public YearRecords {
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
