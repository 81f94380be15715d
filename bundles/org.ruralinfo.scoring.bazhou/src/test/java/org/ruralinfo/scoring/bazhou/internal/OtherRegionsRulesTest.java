package org.ruralinfo.scoring.bazhou.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralinfo.api.AdoptionLevel.PREFECTURE_BRIEFING;
import static org.ruralinfo.api.AdoptionLevel.REGION_INSTRUCTION;
import static org.ruralinfo.api.scoring.Category.DEDUCTIONS;
import static org.ruralinfo.api.scoring.Category.INFORMATION;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.api.scoring.PointLine;

/**
 * The rules other regions use, as parameters of these rules whose defaults are the Bayingolin reading:
 * off by default (the data may carry combined units and leader levels, Bayingolin ignores them), and
 * what each does when set.
 */
class OtherRegionsRulesTest {

    private static Fixture units() {
        return new Fixture().unit("k", UnitKind.COUNTY).unit("m", UnitKind.MEMBER).unit("d", UnitKind.DEPARTMENT);
    }

    private static Adoption combined(String item, String day, String... units) {
        return new Adoption(item, PREFECTURE_BRIEFING, LocalDate.parse(day), "综合第1期", List.of(units), null);
    }

    private static Adoption instruction(String item, String day, String leader) {
        return new Adoption(item, REGION_INSTRUCTION, LocalDate.parse(day), null, List.of(), leader);
    }

    @Test
    void bayingolinCreditsACombinedAdoptionToTheItemsUnitAloneWithFullPoints_Art19_1() {
        Fixture f = units().item("I-1", "k", ItemType.WORK_RESULTS, "2025-02-10T10:00:00+08:00");
        f.adoptions.add(combined("I-1", "2025-02-15", "m", "d"));
        assertEquals(5, f.points("2025-Q1", "k", INFORMATION));
        assertEquals(0, f.points("2025-Q1", "m", INFORMATION));
        assertEquals(0, f.points("2025-Q1", "d", INFORMATION));
    }

    @Test
    void splitCombinedSharesThePointsEquallyTheRemainderToTheItemsUnit() {
        Fixture f = units().item("I-1", "k", ItemType.WORK_RESULTS, "2025-02-10T10:00:00+08:00")
                .item("I-2", "m", ItemType.EXPERIENCE, "2025-02-10T10:00:00+08:00")
                .config(Map.of("adoption.split_combined", true));
        f.adoptions.add(combined("I-1", "2025-02-15", "m"));          // 5 among k, m
        f.adoptions.add(combined("I-2", "2025-02-16", "k", "m", "d")); // 5 among m (own), k, d
        assertEquals(3 + 1, f.points("2025-Q1", "k", INFORMATION), "3 of I-1 (own, with the remainder), 1 of I-2");
        assertEquals(2 + 3, f.points("2025-Q1", "m", INFORMATION), "2 of I-1, 3 of I-2 (own: 1 + remainder 2)");
        assertEquals(1, f.points("2025-Q1", "d", INFORMATION));
        assertEquals(10, f.points("2025-Q1", "item:I-1") + f.points("2025-Q1", "item:I-2"), "nothing lost or made");
        for (PointLine l : f.linesOf("2025-Q1", "item:I-2")) {
            assertEquals("Art.19(1)", l.rule());
            assertTrue(l.reason().contains("combined (综合) adoption credited to 3 units (m, k, d)"), l.reason());
        }
    }

    @Test
    void anAdoptionCreditingOnlyTheItemsOwnUnitIsNotSplit() {
        Fixture f = units().item("I-1", "k", ItemType.WORK_RESULTS, "2025-02-10T10:00:00+08:00")
                .config(Map.of("adoption.split_combined", true));
        f.adoptions.add(combined("I-1", "2025-02-15", "k"));
        assertEquals(List.of(5), f.linesOf("2025-Q1", "item:I-1").stream().map(PointLine::points).toList());
    }

    @Test
    void instructionTiersGiveThePointsByTheLeadersLevel_Art19_1() {
        Fixture f = units().item("I-1", "k", ItemType.WORK_RESULTS, "2025-02-10T10:00:00+08:00")
                .item("I-2", "k", ItemType.WORK_RESULTS, "2025-02-10T10:00:00+08:00")
                .item("I-3", "k", ItemType.WORK_RESULTS, "2025-02-10T10:00:00+08:00")
                .research("R-1", "k", "2025-02-10T10:00:00+08:00", true);
        f.adoptions.add(instruction("I-1", "2025-03-01", "secretary"));
        f.adoptions.add(instruction("I-2", "2025-03-01", "vice_chairman"));
        f.adoptions.add(instruction("I-3", "2025-03-01", null));
        f.adoptions.add(instruction("R-1", "2025-03-01", "secretary"));
        assertEquals(List.of(20, 20, 20, 30), List.of(f.points("2025-Q1", "item:I-1"), f.points("2025-Q1", "item:I-2"),
                f.points("2025-Q1", "item:I-3"), f.points("2025-Q1", "item:R-1") - 10),
                "Bayingolin: one flat value, whoever instructed");
        f.config(Map.of("instruction.tiers", new String[] { "secretary:30,chairman:30", "vice_chairman:15" }));
        assertEquals(30, f.points("2025-Q1", "item:I-1"));
        assertEquals(15, f.points("2025-Q1", "item:I-2"));
        assertEquals(20, f.points("2025-Q1", "item:I-3"), "no default tier: adoption.region_instruction");
        assertEquals(10 + 30, f.points("2025-Q1", "item:R-1"), "qualifying research keeps research.region_instruction");
        assertTrue(f.linesOf("2025-Q1", "item:I-1").get(0).reason().contains("leader secretary: tier secretary 30"));
        f.config(Map.of("instruction.tiers", new String[] { "secretary:30,default:12" }));
        assertEquals(12, f.points("2025-Q1", "item:I-3"), "unknown leader: the default tier");
        assertEquals(12, f.points("2025-Q1", "item:I-2"), "a level not listed: the default tier");
    }

    @Test
    void malformedInstructionTiersAreRefused() {
        assertEquals(Map.of(), BazhouParameters.tiers(new String[] { "", " , " }));
        assertThrows(IllegalArgumentException.class, () -> BazhouParameters.tiers(new String[] { "secretary" }));
        assertThrows(IllegalArgumentException.class, () -> BazhouParameters.tiers(new String[] { "secretary:x" }));
        assertThrows(IllegalArgumentException.class, () -> BazhouParameters.tiers(new String[] { ":5" }));
        assertThrows(IllegalArgumentException.class,
                () -> BazhouParameters.tiers(new String[] { "secretary:30,secretary:20" }));
        assertThrows(IllegalArgumentException.class, () -> BazhouParameters
                .from(BazhouParameters.config(Map.of("commissioned.missed_zero_year", -1)), Fixture.ZONE));
    }

    /**
     * k misses two notices and has 20 + 10 information points (year: 30 − 20 = 10); m misses one; d
     * misses two and has nothing else (year: −20). Quotas off, so that only these lines count.
     */
    private static Fixture misses(Map<String, Object> rules) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of("quota.county.monthly", 0,
                "quota.member.monthly", 0, "quota.department.monthly", 0, "quota.department.yearly", 0,
                "research.county.per_halfyear", 0, "research.member.per_halfyear", 0,
                "research.department.per_year", 0));
        config.putAll(rules);
        return units().notice("N-1", "2025-03-20T18:00:00+08:00", "k", "m", "d")
                .notice("N-2", "2025-08-20T18:00:00+08:00", "k", "d")
                .notice("N-3", "2025-09-20T18:00:00+08:00", "m")
                .commissioned("C-3", "m", "N-3", "2025-09-19T10:00:00+08:00", ItemStatus.ACCEPTED)
                .item("I-1", "k", ItemType.WORK_RESULTS, "2025-02-10T10:00:00+08:00")
                .adopt("I-1", REGION_INSTRUCTION, "2025-05-01")
                .item("I-2", "k", ItemType.WORK_RESULTS, "2025-02-10T10:00:00+08:00")
                .adopt("I-2", org.ruralinfo.api.AdoptionLevel.REGION_PUBLICATION, "2025-11-01")
                .config(config);
    }

    private static int score(Fixture f, String period, String unit) {
        return f.lines(period, unit).stream().mapToInt(PointLine::points).sum();
    }

    private static int quarters(Fixture f, String unit) {
        int sum = 0;
        for (String q : List.of("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4")) {
            sum += score(f, q, unit);
        }
        return sum;
    }

    @Test
    void bayingolinHasNoZeroYearRule_Art20() {
        Fixture f = misses(Map.of());
        assertEquals(List.of(), f.linesOf("2025", "notice-misses:k:2025"));
        assertEquals(10, score(f, "2025", "k"));
        assertEquals(10, quarters(f, "k"), "the year is the sum of its quarters");
    }

    @Test
    void twoMissedCommissionedDeadlinesZeroTheYearButNotTheQuarters_Art20() {
        Fixture f = misses(Map.of("commissioned.missed_zero_year", 2));
        List<PointLine> zero = f.linesOf("2025", "notice-misses:k:2025");
        assertEquals(1, zero.size());
        PointLine line = zero.get(0);
        assertEquals("k", line.unit());
        assertEquals(DEDUCTIONS, line.category());
        assertEquals("Art.20", line.rule());
        assertEquals(-10, line.points(), "cancels 20 + 10 − 10 − 10");
        assertTrue(line.reason().contains("missed 2 commissioned deadlines in 2025 (N-1, N-2)"), line.reason());
        assertEquals(0, score(f, "2025", "k"));
        assertEquals(10, quarters(f, "k"), "the quarters stay as ranked: year = quarters + the zero-year line");
        assertEquals(misses(Map.of()).lines("2025-Q4", "k"), f.lines("2025-Q4", "k"));
        assertEquals(List.of(), f.linesOf("2025-Q4", "notice-misses:k:2025"), "a line of the year alone");
    }

    @Test
    void oneMissedCommissionedDeadlineDoesNotZeroTheYear_Art20() {
        Fixture f = misses(Map.of("commissioned.missed_zero_year", 2));
        assertEquals(List.of(), f.linesOf("2025", "notice-misses:m:2025"), "m missed N-1 only");
        assertEquals(-10 + 5, score(f, "2025", "m"), "N-1 missed, 5 for C-3 delivered for N-3");
        assertEquals(1, misses(Map.of("commissioned.missed_zero_year", 1)).linesOf("2025", "notice-misses:m:2025")
                .size(), "with a threshold of 1 it does");
    }

    @Test
    void theZeroYearRuleNeverRaisesAScore_Art20() {
        Fixture f = misses(Map.of("commissioned.missed_zero_year", 2));
        PointLine line = f.linesOf("2025", "notice-misses:d:2025").get(0);
        assertEquals(0, line.points());
        assertTrue(line.reason().contains("never raises"), line.reason());
        assertEquals(-20, score(f, "2025", "d"));
    }
}
