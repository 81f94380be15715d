package org.ruralinfo.scoring.variant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralinfo.api.AdoptionLevel.PREFECTURE_BRIEFING;
import static org.ruralinfo.api.AdoptionLevel.REGION_INSTRUCTION;
import static org.ruralinfo.api.AdoptionLevel.REGION_PUBLICATION;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.api.scoring.Category;
import org.ruralinfo.api.scoring.PointLine;

/** Each rule of the variant, with its defaults, on a small fixture. */
class VariantRulesTest {

    private static Facts three() {
        return new Facts().unit("k", UnitKind.COUNTY).unit("m", UnitKind.MEMBER).unit("d", UnitKind.DEPARTMENT);
    }

    private static int ref(List<PointLine> lines, String unit, String ref) {
        return lines.stream().filter(l -> l.unit().equals(unit) && l.ref().equals(ref)).mapToInt(PointLine::points)
                .sum();
    }

    @Test
    void anItemScoresOnlyItsHighestAdoptionLevel_informationCumulativeFalse() {
        Facts f = three().item("I-1", "k", "2025-02-10T10:00:00+08:00")
                .adopt("I-1", PREFECTURE_BRIEFING, "2025-02-15")
                .adopt("I-1", REGION_PUBLICATION, "2025-04-02")
                .adopt("I-1", REGION_INSTRUCTION, "2025-07-01", List.of(), "vice_chairman");
        assertEquals(5, f.points("2025-Q1", "k"));
        assertEquals(5, f.points("2025-Q2", "k"), "up to 10: the difference, in the quarter of the adoption");
        assertEquals(10, f.points("2025-Q3", "k"), "up to 20 (vice_chairman): the difference");
        assertEquals(20, f.points("2025", "k"), "the highest level, not 5 + 10 + 20");
        assertEquals(35, f.points("2025", "k", Map.of("information.cumulative", true)), "Bayingolin adds them up");
    }

    @Test
    void aCombinedAdoptionIsSplitBetweenTwoUnits_adoptionSplitCombined() {
        Facts f = three().item("I-1", "k", "2025-02-10T10:00:00+08:00")
                .adopt("I-1", REGION_PUBLICATION, "2025-02-15", List.of("k", "m"), null);
        List<PointLine> q1 = f.lines("2025-Q1");
        assertEquals(5, ref(q1, "k", "item:I-1"));
        assertEquals(5, ref(q1, "m", "item:I-1"));
        f.adopt("I-1", PREFECTURE_BRIEFING, "2025-02-20", List.of("m"), null);
        // the briefing 5 after the regional 10 adds nothing (highest level only)
        assertEquals(10, f.points("2025-Q1", "k") + f.points("2025-Q1", "m"));
    }

    @Test
    void aCombinedAdoptionIsSplitAmongThreeUnitsTheRemainderToTheItemsUnit_adoptionSplitCombined() {
        Facts f = three().item("I-1", "m", "2025-02-10T10:00:00+08:00")
                .adopt("I-1", PREFECTURE_BRIEFING, "2025-02-15", List.of("k", "d"), null);
        List<PointLine> q1 = f.lines("2025-Q1");
        assertEquals(3, ref(q1, "m", "item:I-1"), "1 + the remainder 2, to the item's own unit");
        assertEquals(1, ref(q1, "k", "item:I-1"));
        assertEquals(1, ref(q1, "d", "item:I-1"));
        for (PointLine l : q1) {
            assertEquals(Category.INFORMATION, l.category());
            assertEquals("Art.19(1)", l.rule());
            assertTrue(l.reason().contains("split equally") && l.reason().contains("adoption.split_combined"),
                    l.reason());
        }
        assertEquals(5, ref(f.lines("2025-Q1", Map.of("adoption.split_combined", false)), "m", "item:I-1"),
                "Bayingolin: the item's unit gets it all");
    }

    @Test
    void instructionPointsGoByTheLeadersLevel_instructionTiers() {
        Facts f = three().item("I-1", "k", "2025-02-10T10:00:00+08:00")
                .item("I-2", "k", "2025-02-10T10:00:00+08:00")
                .item("I-3", "k", "2025-02-10T10:00:00+08:00")
                .item("I-4", "k", "2025-02-10T10:00:00+08:00")
                .item("I-5", "k", "2025-02-10T10:00:00+08:00")
                .adopt("I-1", REGION_INSTRUCTION, "2025-03-01", List.of(), "secretary")
                .adopt("I-2", REGION_INSTRUCTION, "2025-03-01", List.of(), "chairman")
                .adopt("I-3", REGION_INSTRUCTION, "2025-03-01", List.of(), "deputy_secretary")
                .adopt("I-4", REGION_INSTRUCTION, "2025-03-01", List.of(), "vice_chairman")
                .adopt("I-5", REGION_INSTRUCTION, "2025-03-01", List.of(), null);
        List<PointLine> q1 = f.lines("2025-Q1");
        assertEquals(List.of(30, 30, 20, 20, 20), List.of(ref(q1, "k", "item:I-1"), ref(q1, "k", "item:I-2"),
                ref(q1, "k", "item:I-3"), ref(q1, "k", "item:I-4"), ref(q1, "k", "item:I-5")));
        PointLine secretary = q1.stream().filter(l -> l.ref().equals("item:I-1")).findFirst().orElseThrow();
        assertTrue(secretary.reason().contains("leader secretary: tier secretary 30"), secretary.reason());
        PointLine unknown = q1.stream().filter(l -> l.ref().equals("item:I-5")).findFirst().orElseThrow();
        assertTrue(unknown.reason().contains("leader unknown: tier default 20"), unknown.reason());
    }

    /** k misses N-1 and N-2, m misses N-1 only; both have a regional adoption worth 10. */
    private static Facts misses() {
        return three().notice("N-1", "2025-03-20T18:00:00+08:00", "k", "m")
                .notice("N-2", "2025-08-20T18:00:00+08:00", "k", "m")
                .commissioned("C-2", "m", "N-2", "2025-08-19T10:00:00+08:00")
                .item("I-1", "k", "2025-02-10T10:00:00+08:00").adopt("I-1", REGION_PUBLICATION, "2025-05-01")
                .item("I-2", "k", "2025-02-10T10:00:00+08:00").adopt("I-2", REGION_INSTRUCTION, "2025-05-02",
                        List.of(), "secretary")
                .item("I-3", "m", "2025-02-10T10:00:00+08:00").adopt("I-3", REGION_PUBLICATION, "2025-05-01");
    }

    @Test
    void twoMissedCommissionedDeadlinesScoreTheYearZero_commissionedMissedZeroYear() {
        Facts f = misses();
        List<PointLine> year = f.lines("2025");
        List<PointLine> zero = year.stream().filter(l -> l.ref().equals("notice-misses:k:2025")).toList();
        assertEquals(1, zero.size());
        assertEquals("Art.20", zero.get(0).rule());
        assertEquals(Category.DEDUCTIONS, zero.get(0).category());
        assertEquals(-(10 + 30 - 10 - 10), zero.get(0).points());
        assertTrue(zero.get(0).reason().contains("missed 2 commissioned deadlines in 2025 (N-1, N-2)"),
                zero.get(0).reason());
        assertEquals(0, f.points("2025", "k"));
        int quarters = 0;
        for (String q : List.of("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4")) {
            quarters += f.points(q, "k");
        }
        assertEquals(20, quarters, "the quarters stay as ranked");
    }

    @Test
    void oneMissedCommissionedDeadlineDoesNotZeroTheYear_commissionedMissedZeroYear() {
        Facts f = misses();
        assertTrue(f.lines("2025").stream().noneMatch(l -> l.ref().equals("notice-misses:m:2025")));
        assertEquals(10 - 10 + 5, f.points("2025", "m"), "10, −10 for N-1, 5 for C-2 delivered by N-2's deadline");
    }

    @Test
    void aDeadlineNotYetPassedIsNotMissed_commissionedMissedZeroYear() {
        Facts f = misses();
        f.asOf = Facts.at("2025-08-01T00:00:00+08:00");
        assertTrue(f.lines("2025").stream().noneMatch(l -> l.ref().startsWith("notice-misses:")),
                "N-2's deadline has not passed yet");
    }
}
