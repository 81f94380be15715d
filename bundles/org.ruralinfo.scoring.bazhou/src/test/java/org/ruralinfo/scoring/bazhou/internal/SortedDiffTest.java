package org.ruralinfo.scoring.bazhou.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The side-by-side walk that finds the changed records of a year. */
class SortedDiffTest {
    private record R(String id, int value) {
    }

    private static final Comparator<R> BY_ID = Comparator.comparing(R::id);

    private static List<String> changes(List<R> before, List<R> after) {
        List<String> out = new ArrayList<>();
        boolean ok = SortedDiff.changes(before, after, BY_ID,
                (b, a) -> out.add((b == null ? "-" : b.id() + b.value()) + ">" + (a == null ? "-" : a.id() + a.value())));
        return ok ? out : null;
    }

    @Test
    void reportsReplacedAddedAndRemovedRecordsAndSkipsTheSameObjects() {
        R a = new R("a", 1);
        R b = new R("b", 1);
        R c = new R("c", 1);
        R d = new R("d", 1);
        assertEquals(List.of(), changes(List.of(a, b, c), List.of(a, b, c)));
        assertEquals(List.of(), changes(List.of(a, b, c), List.of(a, new R("b", 1), c)), "an equal copy is no change");
        assertEquals(List.of("b1>b2"), changes(List.of(a, b, c), List.of(a, new R("b", 2), c)));
        assertEquals(List.of("->a0", "b1>-", "->d1"), changes(List.of(b, c), List.of(new R("a", 0), c, d)));
        assertEquals(List.of("a1>-", "b1>-", "c1>-"), changes(List.of(a, b, c), List.of()));
    }

    @Test
    void aListOutOfOrderIsRefused() {
        R a = new R("a", 1);
        R b = new R("b", 1);
        R c = new R("c", 1);
        assertEquals(null, changes(List.of(a, b, c), List.of(a, c, b)), "two records swapped");
        assertEquals(null, changes(List.of(a, b), List.of(a, b, new R("a", 2))), "a duplicate key at the end");
        assertTrue(SortedDiff.sorted(List.of(a, b, c), BY_ID));
        assertFalse(SortedDiff.sorted(List.of(a, a), BY_ID), "strictly");
    }
}
