package org.ruralinfo.scoring.bazhou.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralinfo.api.Channel.NEWS;
import static org.ruralinfo.api.Channel.ONLINE;
import static org.ruralinfo.api.OutletLevel.NATIONAL;
import static org.ruralinfo.api.OutletLevel.PREFECTURE;
import static org.ruralinfo.api.OutletLevel.REGION;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.api.scoring.Category;
import org.ruralinfo.api.scoring.PointLine;

/** Art. 19(2) news and 19(3) online publicity points and their rulings. */
class PublicityPointsTest {

    private static Fixture county() {
        return new Fixture().unit("k", UnitKind.COUNTY);
    }

    @Test
    void outletTableDecidesTheLevelAndTheChannelDecidesTheColumn_Art19_2_3() {
        Fixture f = county()
                // a known outlet: the table says prefecture, the unit cannot raise it
                .report("P-1", "k", ONLINE, "巴州零距离", NATIONAL, null, "2025-02-10", "2025-04-01T10:00:00+08:00")
                // an outlet the table does not know: the report's own level
                .report("P-2", "k", NEWS, "某县融媒体", REGION, null, "2025-02-11", "2025-04-01T10:00:00+08:00")
                // 人民日报 is known as news only: online it is unknown, its own level, online points
                .report("P-3", "k", ONLINE, "人民日报", NATIONAL, null, "2025-02-12", "2025-04-01T10:00:00+08:00");
        assertEquals(5, f.points("2025-Q1", "publicity:P-1"));
        assertEquals(10, f.points("2025-Q1", "publicity:P-2"));
        assertEquals(20, f.points("2025-Q1", "publicity:P-3"));
        assertEquals(10, f.points("2025-Q1", "k", Category.NEWS));
        assertEquals(25, f.points("2025-Q1", "k", Category.ONLINE));
        assertEquals("Art.19(3)", f.linesOf("2025-Q1", "publicity:P-1").get(0).rule());
        assertEquals("Art.19(2)", f.linesOf("2025-Q1", "publicity:P-2").get(0).rule());
    }

    @Test
    void manuscriptPlacedAtThreeLevelsWithOneLateReportScoresOnceAtItsHighestLevel_Art19() {
        Fixture f = county()
                .report("P-1", "k", NEWS, "巴音郭楞日报", PREFECTURE, "M", "2025-02-10", "2025-04-02T10:00:00+08:00")
                .report("P-2", "k", ONLINE, "天山网", REGION, "M", "2025-05-10", "2025-07-03T10:00:00+08:00")
                // Q3 window ends with 2025-10-14 (National Day holidays, 10-11 an adjusted workday): late
                .report("P-3", "k", NEWS, "人民日报", NATIONAL, "M", "2025-08-10", "2025-10-15T09:00:00+08:00")
                .report("P-4", "k", ONLINE, "人民网", NATIONAL, "M", "2025-11-05", "2026-01-05T10:00:00+08:00")
                .report("P-5", "k", NEWS, "新疆日报", REGION, "M", "2025-12-01", "2026-01-06T10:00:00+08:00");
        assertEquals(5, f.points("2025-Q1", "k", Category.NEWS), "the first scores its level");
        assertEquals(5, f.points("2025-Q2", "k", Category.ONLINE), "a higher level adds the difference 10 - 5");
        assertEquals(0, f.points("2025-Q3", "k", Category.NEWS), "reported late: nothing");
        PointLine late = f.linesOf("2025-Q3", "publicity:P-3").get(0);
        assertEquals(0, late.points());
        assertTrue(late.reason().startsWith("reported late"), late.reason());
        assertEquals(10, f.points("2025-Q4", "k", Category.ONLINE), "national after region adds 20 - 10");
        assertEquals(0, f.points("2025-Q4", "publicity:P-5"), "a lower level adds nothing");
        assertEquals(20, f.points("2025", "k", Category.NEWS) + f.points("2025", "k", Category.ONLINE),
                "once, at its highest on-time level");
    }

    @Test
    void reportMustBeMadeBeforeMidnightAfterTheFifthWorkingDayAfterTheQuarter_Art19() {
        // Q4 2025: 2026-01-01/02 are holidays, 2026-01-04 (Sunday) a working day: the 5th is 2026-01-08
        Fixture f = county()
                .report("P-1", "k", NEWS, "人民日报", NATIONAL, null, "2025-12-10", "2026-01-08T23:59:59+08:00")
                .report("P-2", "k", NEWS, "人民日报", NATIONAL, null, "2025-12-11", "2026-01-08T16:00:00Z");
        assertEquals(20, f.points("2025-Q4", "publicity:P-1"));
        assertEquals(0, f.points("2025-Q4", "publicity:P-2"), "2026-01-09 00:00 in Beijing is too late");
        assertEquals(1, f.linesOf("2025-Q4", "publicity:P-2").size(), "shown as late");
    }

    @Test
    void publicityCountsInTheQuarterOfItsPublicationDate_Art19() {
        Fixture f = county().report("P-1", "k", ONLINE, "天山网", REGION, null, "2025-03-31",
                "2025-04-02T10:00:00+08:00");
        assertEquals(10, f.points("2025-Q1", "k", Category.ONLINE));
        assertEquals(0, f.points("2025-Q2", "k", Category.ONLINE));
    }

    @Test
    void reportsWithoutAManuscriptAreManuscriptsOfTheirOwn_Art19() {
        Fixture f = county()
                .report("P-1", "k", NEWS, "新疆日报", REGION, null, "2025-02-10", "2025-04-01T10:00:00+08:00")
                .report("P-2", "k", NEWS, "新疆日报", REGION, null, "2025-02-10", "2025-04-01T10:00:00+08:00");
        assertEquals(20, f.points("2025-Q1", "k", Category.NEWS));
    }

    @Test
    void manuscriptsAreOneUnitsOwn_Art19() {
        Fixture f = county().unit("y", UnitKind.COUNTY)
                .report("P-1", "k", NEWS, "新疆日报", REGION, "M", "2025-02-10", "2025-04-01T10:00:00+08:00")
                .report("P-2", "y", NEWS, "新疆日报", REGION, "M", "2025-02-10", "2025-04-01T10:00:00+08:00");
        assertEquals(10, f.points("2025-Q1", "k", Category.NEWS));
        assertEquals(10, f.points("2025-Q1", "y", Category.NEWS));
    }

    @Test
    void reportsPublishedInAnotherYearNeverRaiseThisYearsLevel_Art19() {
        Fixture f = county()
                .report("P-0", "k", NEWS, "人民日报", NATIONAL, "M", "2024-12-20", "2025-01-03T10:00:00+08:00")
                .report("P-1", "k", NEWS, "巴音郭楞日报", PREFECTURE, "M", "2025-02-10", "2025-04-01T10:00:00+08:00");
        assertEquals(5, f.points("2025-Q1", "k", Category.NEWS), "2025 scores its own first placement");
        assertEquals(List.of(), f.linesOf("2025", "publicity:P-0"));
    }
}
