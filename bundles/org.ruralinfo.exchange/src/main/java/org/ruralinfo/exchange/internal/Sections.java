package org.ruralinfo.exchange.internal;

import java.util.ArrayList;
import java.util.List;

import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.CalendarYear;
import org.ruralinfo.api.Group;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.Notice;
import org.ruralinfo.api.Outlet;
import org.ruralinfo.api.Publicity;
import org.ruralinfo.api.Unit;

/**
 * The records of a document as parsed, before the rules across records are checked. Each list
 * holds one entry per array element, in document order, so an entry's index is its index in the
 * JSON path. An entry is {@code null} where the element was not an object; a record field is
 * {@code null} where its value was missing or bad (both already reported).
 */
final class Sections {
    String prefecture;
    final List<CalendarYear> calendar = new ArrayList<>();
    final List<Unit> units = new ArrayList<>();
    final List<Group> groups = new ArrayList<>();
    final List<Outlet> outlets = new ArrayList<>();
    final List<Notice> notices = new ArrayList<>();
    final List<Item> items = new ArrayList<>();
    final List<Adoption> adoptions = new ArrayList<>();
    final List<Publicity> publicity = new ArrayList<>();
}
