package org.ruralinfo.scoring.bazhou.internal;

import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;

import org.ruralinfo.api.Adoption;

/**
 * What changed between two lists of records sorted by their key, found by walking them side by side:
 * the engine gives a year's records sorted (items and publicity by id, adoptions by item and level) and
 * every record that did not change as the very same object, so the walk compares references and only
 * looks at keys where they differ.
 */
final class SortedDiff {
    /** Adoptions by item, then level by its exchange name (the order the engine gives them). */
    static final Comparator<Adoption> ADOPTION_ORDER = Comparator.comparing(Adoption::item)
            .thenComparing(a -> a.level().wire());

    private SortedDiff() {
    }

    /**
     * Calls {@code changed} with (before, after) for each key whose record differs, {@code before} null
     * for an added record and {@code after} null for a removed one. {@code before} must be strictly sorted
     * by {@code order} (checked when it was given, see {@link #sorted}); {@code after} is checked here at
     * every record that is not one of {@code before}'s in the same place, which is enough: a run of
     * records taken over from {@code before} is in order.
     *
     * @return false (having reported nothing reliable) when {@code after} is not strictly sorted
     */
    static <T> boolean changes(List<T> before, List<T> after, Comparator<? super T> order, BiConsumer<T, T> changed) {
        if (before == after) {
            return true;
        }
        int i = 0;
        int j = 0;
        while (i < before.size() || j < after.size()) {
            T b = i < before.size() ? before.get(i) : null;
            T a = j < after.size() ? after.get(j) : null;
            if (b == a) {
                i++;
                j++;
                continue;
            }
            if (a != null && !inPlace(after, j, order)) {
                return false;
            }
            int c = b == null ? 1 : a == null ? -1 : order.compare(b, a);
            if (c == 0) {
                if (!b.equals(a)) {
                    changed.accept(b, a);
                }
                i++;
                j++;
            } else if (c < 0) {
                changed.accept(b, null);
                i++;
            } else {
                changed.accept(null, a);
                j++;
            }
        }
        return true;
    }

    /** Whether {@code list.get(k)} is strictly between its neighbours. */
    private static <T> boolean inPlace(List<T> list, int k, Comparator<? super T> order) {
        return (k == 0 || order.compare(list.get(k - 1), list.get(k)) < 0)
                && (k == list.size() - 1 || order.compare(list.get(k), list.get(k + 1)) < 0);
    }

    /** Whether {@code list} is strictly increasing by {@code order}. */
    static <T> boolean sorted(List<T> list, Comparator<? super T> order) {
        for (int k = 1; k < list.size(); k++) {
            if (order.compare(list.get(k - 1), list.get(k)) >= 0) {
                return false;
            }
        }
        return true;
    }
}
