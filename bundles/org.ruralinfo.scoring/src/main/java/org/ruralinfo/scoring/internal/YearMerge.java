package org.ruralinfo.scoring.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.Notice;
import org.ruralinfo.api.Publicity;
import org.ruralinfo.api.YearChanges;
import org.ruralinfo.api.YearRecords;

/**
 * Brings a year's records up to date with the items that changed since they were read: the result is
 * what {@link org.ruralinfo.api.RecordStore#facts} would give now (items by id, adoptions by item and
 * level), and every record that did not change is the very same object, every list that did not change
 * the very same list, so that a policy can tell what changed.
 */
final class YearMerge {
    private static final Comparator<Item> ITEMS = Comparator.comparing(Item::id);
    private static final Comparator<Publicity> PUBLICITY = Comparator.comparing(Publicity::id);
    private static final Comparator<Adoption> ADOPTIONS = Comparator.comparing(Adoption::item)
            .thenComparing(a -> a.level().wire());

    private YearMerge() {
    }

    /**
     * @return the records with {@code changes} applied, or {@code null} when a changed item refers to a
     *         notice the year's records do not hold (the year is then read again)
     */
    static YearRecords apply(YearRecords year, YearChanges changes) {
        if (changes.changed().isEmpty()) {
            return year;
        }
        Set<String> notices = new HashSet<>();
        for (Notice n : year.notices()) {
            notices.add(n.id());
        }
        for (Item i : changes.items()) {
            if (i.notice() != null && i.submittedAt() != null && !notices.contains(i.notice())) {
                return null;
            }
        }
        List<Item> items = merge(year.items(), Item::id, changes.changed(), sorted(changes.items(), ITEMS), ITEMS);
        List<Adoption> adoptions = merge(year.adoptions(), Adoption::item, changes.changed(),
                sorted(changes.adoptions(), ADOPTIONS), ADOPTIONS);
        return new YearRecords(year.year(), year.calendar(), year.units(), year.groups(), year.outlets(),
                year.notices(), items, adoptions, year.publicity());
    }

    /**
     * @return the records with items and publicity reports by id and adoptions by item and level (Java's
     *         order of their keys, whatever the database's collation), the same lists where they already are
     */
    static YearRecords inOrder(YearRecords year) {
        List<Item> items = inOrder(year.items(), ITEMS);
        List<Adoption> adoptions = inOrder(year.adoptions(), ADOPTIONS);
        List<Publicity> publicity = inOrder(year.publicity(), PUBLICITY);
        if (items == year.items() && adoptions == year.adoptions() && publicity == year.publicity()) {
            return year;
        }
        return new YearRecords(year.year(), year.calendar(), year.units(), year.groups(), year.outlets(),
                year.notices(), items, adoptions, publicity);
    }

    private static <T> List<T> inOrder(List<T> list, Comparator<T> order) {
        for (int k = 1; k < list.size(); k++) {
            if (order.compare(list.get(k - 1), list.get(k)) > 0) {
                return List.copyOf(sorted(list, order));
            }
        }
        return list;
    }

    private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
        List<T> out = new ArrayList<>(list);
        out.sort(order);
        return out;
    }

    /**
     * {@code kept} (sorted by {@code order}, whose first key is {@code item}) without the elements of the
     * {@code changed} items, and {@code added} put in their places by {@code order}: a few binary searches
     * in a copy, not a pass over the year (issue #9).
     */
    private static <T> List<T> merge(List<T> kept, Function<T, String> item, Set<String> changed, List<T> added,
            Comparator<T> order) {
        List<T> out = new ArrayList<>(kept.size() + added.size());
        out.addAll(kept);
        for (String id : changed) {
            int first = lowerBound(out, item, id);
            int end = first;
            while (end < out.size() && item.apply(out.get(end)).equals(id)) {
                end++;
            }
            out.subList(first, end).clear();
        }
        for (T a : added) {
            int at = java.util.Collections.binarySearch(out, a, order);
            out.add(at < 0 ? -at - 1 : at, a);
        }
        return List.copyOf(out);
    }

    /** @return the first index of {@code list} (sorted by {@code key} first) whose key is not below {@code id} */
    private static <T> int lowerBound(List<T> list, Function<T, String> key, String id) {
        int lo = 0;
        int hi = list.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (key.apply(list.get(mid)).compareTo(id) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
