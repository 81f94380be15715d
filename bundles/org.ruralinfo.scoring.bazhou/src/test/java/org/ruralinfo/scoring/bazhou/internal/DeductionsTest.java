package org.ruralinfo.scoring.bazhou.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ruralinfo.api.scoring.Category.DEDUCTIONS;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.api.scoring.PointLine;

/** Art. 20 deductions against the Art. 6 quotas, Art. 8 time standards and Art. 9 notices. */
class DeductionsTest {

    @Test
    void monthlyQuotaShortfallIsFivePerMissingItemInTheQuarterOfTheMonth_Art6_Art20() {
        Fixture f = new Fixture().unit("k", UnitKind.COUNTY)
                .many("k", ItemType.WORK_RESULTS, "2025-03", 3).many("k", ItemType.EXPERIENCE, "2025-03", 1)
                .many("k", ItemType.OPINION, "2025-03", 2).many("k", ItemType.MEETING, "2025-03", 1);
        List<PointLine> march = f.linesOf("2025-Q1", "quota:k:2025-03");
        assertEquals(1, march.size());
        assertEquals(-5, march.get(0).points());
        assertEquals("Art.20", march.get(0).rule());
        assertEquals("4 of 5 monthly items", march.get(0).reason());
        assertEquals(-25, f.points("2025-Q1", "quota:k:2025-01"), "an empty month: 5 missing");
        assertEquals(List.of(), f.linesOf("2025-Q2", "quota:k:2025-03"));
    }

    @Test
    void utcTimestampThatIsTheNextDayInBeijingCountsForTheNextMonth() {
        Fixture f = new Fixture().unit("m", UnitKind.MEMBER)
                .item("A", "m", ItemType.WORK_RESULTS, "2025-03-10T10:00:00+08:00")
                .item("B", "m", ItemType.WORK_RESULTS, "2025-03-31T16:30:00Z") // 2025-04-01 00:30 local
                .item("C", "m", ItemType.EXPERIENCE, "2025-04-15T10:00:00+08:00");
        assertEquals("1 of 2 monthly items", f.linesOf("2025-Q1", "quota:m:2025-03").get(0).reason());
        assertEquals(List.of(), f.linesOf("2025-Q2", "quota:m:2025-04"));
    }

    @Test
    void shortfallIsNotCountedBeforeItsPeriodEnds_asOf() {
        Fixture f = new Fixture().unit("k", UnitKind.COUNTY).asOf("2025-03-31T23:59:59+08:00");
        assertEquals(-25, f.points("2025-Q1", "quota:k:2025-02"));
        assertEquals(List.of(), f.linesOf("2025-Q1", "quota:k:2025-03"), "March is still progress");
        f.asOf("2025-04-01T00:00:00+08:00");
        assertEquals(-25, f.points("2025-Q1", "quota:k:2025-03"));
        assertEquals(List.of(), f.linesOf("2025-Q2", "research:k:2025-H1"), "the half-year has not ended");
        f.asOf("2025-07-01T00:00:00+08:00");
        assertEquals(-20, f.points("2025-Q2", "research:k:2025-H1"));
    }

    @Test
    void leadUnitOwesThreeSummariesPerGroupItLeadsCountedForTheGroupNamed_Art6_2() {
        Fixture f = new Fixture().unit("m", UnitKind.MEMBER).group("g1", "m").group("g2", "m")
                .many("m", ItemType.WORK_RESULTS, "2025-06", 2)
                .summary("S-1", "m", "g1", "2025-06-03T10:00:00+08:00")
                .summary("S-2", "m", "g1", "2025-06-13T10:00:00+08:00")
                .summary("S-3", "m", "g1", "2025-06-23T10:00:00+08:00")
                .summary("S-4", "m", "g2", "2025-06-23T10:00:00+08:00")
                .summary("S-5", "m", "g2", "2025-07-03T10:00:00+08:00");
        assertEquals(List.of(), f.linesOf("2025-Q2", "quota:m:2025-06"));
        assertEquals(List.of(), f.linesOf("2025-Q2", "group:g1:m:2025-06"));
        PointLine g2 = f.linesOf("2025-Q2", "group:g2:m:2025-06").get(0);
        assertEquals(-10, g2.points());
        assertEquals("1 of 3 summary items for 专项组 g2", g2.reason());
        assertEquals(-10, f.points("2025-Q3", "quota:m:2025-07"), "summaries are in addition to its own 2");
    }

    @Test
    void departmentsCountBusinessItemsOnly_Art6_3() {
        Fixture f = new Fixture().unit("d", UnitKind.DEPARTMENT)
                .many("d", ItemType.WORK_RESULTS, "2025-01", 3).many("d", ItemType.BUSINESS, "2025-02", 1);
        assertEquals("0 of 1 monthly items", f.linesOf("2025-Q1", "quota:d:2025-01").get(0).reason());
        assertEquals(List.of(), f.linesOf("2025-Q1", "quota:d:2025-02"));
    }

    @Test
    void departmentYearlyShortfallIsDeductedOnlyBeyondTheMonthlyShortfalls_Art6_3() {
        Fixture f = new Fixture().unit("d", UnitKind.DEPARTMENT).research("R", "d", "2025-03-01T10:00:00+08:00",
                true);
        for (int m = 1; m <= 12; m++) {
            f.many("d", ItemType.BUSINESS, String.format("2025-%02d", m), 1);
        }
        assertEquals(0, f.points("2025", "d", DEDUCTIONS), "1 a month makes 12 a year");
        f.config(Map.of("quota.department.yearly", 15));
        PointLine yearly = f.linesOf("2025-Q4", "quota:d:2025").get(0);
        assertEquals(-15, yearly.points());

        Fixture g = new Fixture().unit("d", UnitKind.DEPARTMENT).config(Map.of("quota.department.yearly", 15))
                .research("R", "d", "2025-03-01T10:00:00+08:00", true);
        for (int m = 1; m <= 6; m++) {
            g.many("d", ItemType.BUSINESS, String.format("2025-%02d", m), 2);
        }
        assertEquals(-30, g.points("2025", "d", DEDUCTIONS), "6 months short; 15 - 12 = 3 ≤ 6 already deducted");
        assertEquals(List.of(), g.linesOf("2025", "quota:d:2025"));
    }

    @Test
    void halfYearResearchShortfallIsTwentyInQ2AndQ4AndOnlyQualifyingResearchCounts_Art6_Art20() {
        Fixture f = new Fixture().unit("k", UnitKind.COUNTY)
                .research("R-1", "k", "2025-03-01T10:00:00+08:00", false)
                .research("R-2", "k", "2025-09-01T10:00:00+08:00", true);
        PointLine h1 = f.linesOf("2025-Q2", "research:k:2025-H1").get(0);
        assertEquals(-20, h1.points(), "the research line, not −5");
        assertEquals("0 of 1 qualifying research items, half-year", h1.reason());
        assertEquals(List.of(), f.linesOf("2025-Q4", "research:k:2025-H2"));
        assertEquals(List.of(), f.linesOf("2025-Q1", "research:k:2025-H1"));
    }

    @Test
    void departmentResearchIsYearlyInQ4_Art6_3() {
        Fixture f = new Fixture().unit("d", UnitKind.DEPARTMENT);
        assertEquals(-20, f.points("2025-Q4", "research:d:2025"));
        assertEquals(List.of(), f.linesOf("2025", "research:d:2025-H1"));
    }

    @Test
    void commissionedShortfallIsTenPerAddressedUnitInTheQuarterOfTheDeadline_Art20() {
        // 2025-06-30T17:00Z is 2025-07-01 01:00 in Beijing: Q3
        Fixture f = new Fixture().unit("k", UnitKind.COUNTY).unit("m", UnitKind.MEMBER).unit("y", UnitKind.COUNTY)
                .notice("N-1", "2025-06-30T17:00:00Z", "k", "m", "y")
                .commissioned("C-1", "m", "N-1", "2025-07-02T10:00:00+08:00", ItemStatus.ACCEPTED)
                .commissioned("C-2", "y", "N-1", "2025-06-30T10:00:00+08:00", ItemStatus.ACCEPTED);
        assertEquals(-10, f.points("2025-Q3", "notice:N-1:k"));
        assertEquals(-10, f.points("2025-Q3", "notice:N-1:m"), "delivered after the deadline");
        assertEquals(List.of(), f.linesOf("2025-Q3", "notice:N-1:y"));
        assertEquals(List.of(), f.linesOf("2025-Q2", "notice:N-1:k"));
        f.asOf("2025-06-30T17:00:00Z");
        assertEquals(List.of(), f.linesOf("2025-Q3", "notice:N-1:k"), "the deadline has not passed yet");
    }

    @Test
    void emergencyExactlyTwoHoursIsOnTimeAndOneSecondMoreIsLate_Art8_Art20() {
        Fixture f = new Fixture().unit("k", UnitKind.COUNTY)
                .timeBound("E-1", "k", ItemType.EMERGENCY, "2025-05-06T10:00:00+08:00", "2025-05-06T12:00:00+08:00",
                        null)
                // a follow-up (续报) meets the rule against its own occurred_at
                .timeBound("E-2", "k", ItemType.EMERGENCY, "2025-05-06T15:00:00+08:00", "2025-05-06T16:30:00+08:00",
                        "E-1")
                .timeBound("E-3", "k", ItemType.EMERGENCY, "2025-05-07T10:00:00+08:00", "2025-05-07T04:00:01Z",
                        null);
        assertEquals(List.of(), f.linesOf("2025-Q2", "item:E-1"));
        assertEquals(List.of(), f.linesOf("2025-Q2", "item:E-2"));
        assertEquals(-5, f.points("2025-Q2", "item:E-3"));
        assertEquals("Art.20", f.linesOf("2025-Q2", "item:E-3").get(0).rule());
        assertEquals(0, f.config(Map.of("deadline.emergency_minutes", 121)).points("2025-Q2", "item:E-3"));
    }

    @Test
    void meetingDeadlineCrossesAHolidayAndAnAdjustedWorkday_Art8() {
        // made on Friday 2025-01-24: Sun 01-26 is a working day (1), Mon 01-27 (2), 01-28..02-04 are the
        // Spring Festival holidays, Wed 02-05 (3): on time before 2025-02-06 00:00
        Fixture f = new Fixture().unit("k", UnitKind.COUNTY)
                .timeBound("M-1", "k", ItemType.MEETING, "2025-01-24T15:00:00+08:00", "2025-02-05T23:59:59+08:00",
                        null)
                .timeBound("M-2", "k", ItemType.MEETING, "2025-01-24T15:00:00+08:00", "2025-02-06T00:00:00+08:00",
                        null);
        assertEquals(List.of(), f.linesOf("2025-Q1", "item:M-1"));
        assertEquals(-5, f.points("2025-Q1", "item:M-2"));
    }

    @Test
    void meetingDayIsTheLocalDayItWasMade_Art8() {
        // 2025-03-06T16:30Z is Friday 2025-03-07 00:30 in Beijing: the 3rd working day is Wed 03-12
        Fixture f = new Fixture().unit("k", UnitKind.COUNTY)
                .timeBound("M-1", "k", ItemType.MEETING, "2025-03-06T16:30:00Z", "2025-03-12T20:00:00+08:00", null);
        assertEquals(List.of(), f.linesOf("2025-Q1", "item:M-1"));
    }

    @Test
    void lateItemIsDeductedInTheQuarterOfItsSubmission_Art20() {
        Fixture f = new Fixture().unit("k", UnitKind.COUNTY)
                .timeBound("M-1", "k", ItemType.MEETING, "2025-03-27T10:00:00+08:00", "2025-04-10T10:00:00+08:00",
                        null);
        assertEquals(List.of(), f.linesOf("2025-Q1", "item:M-1"));
        assertEquals(-5, f.points("2025-Q2", "item:M-1"));
    }

    @Test
    void rejectedItemsCountForNothingAnywhere_Art7() {
        Fixture f = new Fixture().unit("m", UnitKind.MEMBER)
                .many("m", ItemType.WORK_RESULTS, "2025-05", 1)
                .rejected("X-1", "m", ItemType.WORK_RESULTS, "2025-05-20T10:00:00+08:00")
                .add(new org.ruralinfo.api.Item("X-2", "m", ItemType.MEETING, "", "", Fixture.at(
                        "2025-05-30T10:00:00+08:00"), Fixture.at("2025-05-06T10:00:00+08:00"), null, null, null,
                        ItemStatus.REJECTED, false));
        assertEquals("1 of 2 monthly items", f.linesOf("2025-Q2", "quota:m:2025-05").get(0).reason());
        assertEquals(List.of(), f.linesOf("2025-Q2", "item:X-2"), "not deducted as late either");
    }
}
