package org.ruralinfo.api;

import java.util.List;
import java.util.Set;

/**
 * The items that changed since a revision, as {@link RecordStore#year} would give them now.
 *
 * @param changed   the ids of every item that changed (itself or its adoptions)
 * @param items     those of them that belong to the year now ({@link YearRecords#items}), by id; an id of
 *                  {@code changed} missing here is no longer in the year
 * @param adoptions the adoptions of {@code items}, by item and level
 * @since 1.2
 */
public record YearChanges(Set<String> changed, List<Item> items, List<Adoption> adoptions) {
    public YearChanges {
        changed = Set.copyOf(changed);
        items = List.copyOf(items);
        adoptions = List.copyOf(adoptions);
    }
}
