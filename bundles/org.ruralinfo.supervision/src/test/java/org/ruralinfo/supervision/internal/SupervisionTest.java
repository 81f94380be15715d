package org.ruralinfo.supervision.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.PointLine;
import org.ruralinfo.supervision.MonthlySummary;
import org.ruralinfo.supervision.SupervisionReport;

/** Art. 6, 10, 17: the supervision table and the monthly summary, against the ranking of the same rules. */
class SupervisionTest {
    Fixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new Fixture();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private SupervisionReport.Row row(SupervisionReport r, String unit) {
        return r.units().stream().filter(u -> u.unit().equals(unit)).findFirst().orElseThrow();
    }

    private List<PointLine> lines(String period) {
        return f.scoring.ranking(Period.parse(period), null).kinds().values().stream().flatMap(List::stream)
                .flatMap(r -> r.lines().stream()).toList();
    }

    @Test
    void unitBehindInAnUnfinishedMonthShowsProgressNotADeduction_Art6_Art20() {
        f.items(Fixture.item("I-1", "korla", ItemType.WORK_RESULTS, "2025-03-03T10:00:00+08:00", ItemStatus.ACCEPTED),
                Fixture.item("I-2", "korla", ItemType.EXPERIENCE, "2025-03-04T10:00:00+08:00", ItemStatus.REJECTED));
        f.t.clock.set("2025-03-20T10:00:00+08:00");
        SupervisionReport.Row korla = row(f.service.report(Fixture.EDITOR, YearMonth.of(2025, 3)), "korla");
        assertEquals(5, korla.quota().required());
        assertEquals(1, korla.quota().counted(), "the rejected item counts for nothing (Art. 7(5))");
        assertFalse(korla.quota().ended());
        assertEquals(0, korla.quota().lost());
        assertEquals(0, korla.lost());
        assertTrue(korla.behind(), "1 of 5 with two thirds of March's working days gone");
        assertTrue(lines("2025-Q1").stream().noneMatch(l -> l.ref().equals("quota:korla:2025-03")),
                "no points lost while the month runs");
        assertEquals("2025-H1", korla.research().period());
        assertEquals(1, korla.research().required());

        // the month over: the same shortfall is the ranking's deduction of the same ref
        f.t.clock.set("2025-04-01T00:00:00+08:00");
        korla = row(f.service.report(Fixture.EDITOR, YearMonth.of(2025, 3)), "korla");
        assertTrue(korla.quota().ended());
        int deducted = lines("2025-Q1").stream().filter(l -> l.ref().equals("quota:korla:2025-03"))
                .mapToInt(PointLine::points).sum();
        assertEquals(-20, deducted);
        assertEquals(deducted, korla.quota().lost());
        assertEquals(4, korla.quota().missing());
    }

    @Test
    void leadUnitOwesItsGroupSummariesDepartmentItsBusinessItems_Art6() {
        f.t.clock.set("2025-03-20T10:00:00+08:00");
        SupervisionReport r = f.service.report(Fixture.EDITOR, YearMonth.of(2025, 3));
        SupervisionReport.Row agri = row(r, "agri");
        assertEquals(2, agri.quota().required());
        assertEquals(1, agri.groups().size());
        assertEquals("industry", agri.groups().get(0).group());
        assertEquals(3, agri.groups().get(0).required());
        SupervisionReport.Row stats = row(r, "stats");
        assertEquals(1, stats.quota().required());
        assertEquals("2025", stats.research().period());
        assertEquals(List.of("korla", "luntai", "agri", "stats"), r.units().stream().map(SupervisionReport.Row::unit).toList(),
                "county, member unit, department");
        // a unit's own users see their own row
        assertEquals(List.of("korla"), f.service.report(Fixture.KORLA, YearMonth.of(2025, 3)).units().stream()
                .map(SupervisionReport.Row::unit).toList());
    }

    @Test
    void missedNoticeIsOverdueForTheUnitThatSentNothing_Art9_Art10() {
        f.items(Fixture.commissioned("C-1", "luntai", "N-1", "2025-03-10T18:00:00+08:00"));
        f.t.clock.set("2025-03-12T10:00:00+08:00");
        SupervisionReport r = f.service.report(Fixture.EDITOR, YearMonth.of(2025, 3));
        assertEquals(List.of("notice:N-1:korla"), row(r, "korla").overdue().stream().map(SupervisionReport.Overdue::ref).toList());
        assertTrue(row(r, "luntai").overdue().isEmpty(), "delivered at the deadline instant itself");
        assertTrue(lines("2025-Q1").stream().anyMatch(l -> l.ref().equals("notice:N-1:korla") && l.points() == -10));
    }

    @Test
    void monthlySummaryCountsTheMonthAndTheShortfallOfTheRanking_Art17() {
        f.items(Fixture.item("I-1", "korla", ItemType.WORK_RESULTS, "2025-03-03T10:00:00+08:00", ItemStatus.ACCEPTED),
                Fixture.item("I-2", "korla", ItemType.EXPERIENCE, "2025-03-04T10:00:00+08:00", ItemStatus.REJECTED),
                // 2025-02-28 20:00 UTC is already March 1st in Beijing
                Fixture.item("I-3", "korla", ItemType.OPINION, "2025-02-28T20:00:00Z", ItemStatus.ACCEPTED),
                Fixture.item("I-4", "korla", ItemType.WORK_RESULTS, "2025-02-27T10:00:00+08:00", ItemStatus.ACCEPTED));
        f.t.store.importDocument(new ExchangeDocument("bazhou", List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(new Adoption("I-4", AdoptionLevel.PREFECTURE_BRIEFING, java.time.LocalDate.parse("2025-03-05"), "第1期"),
                        new Adoption("I-1", AdoptionLevel.REGION_PUBLICATION, java.time.LocalDate.parse("2025-03-25"), null)),
                List.of()), "test");
        f.t.clock.set("2025-04-02T10:00:00+08:00");
        MonthlySummary s = f.service.summary(Fixture.EDITOR, YearMonth.of(2025, 3));
        MonthlySummary.Row korla = s.units().get(0);
        assertEquals("korla", korla.unit());
        assertEquals(3, korla.submitted());
        assertEquals(2, korla.accepted());
        assertEquals(1, korla.rejected());
        assertEquals(1, korla.adopted().get(AdoptionLevel.PREFECTURE_BRIEFING));
        assertEquals(1, korla.adopted().get(AdoptionLevel.REGION_PUBLICATION));
        assertEquals(0, korla.adopted().get(AdoptionLevel.REGION_INSTRUCTION));
        assertEquals(4, korla.shortfall());
        assertEquals(4, s.units().size(), "units with nothing are listed too");
        // the shortfall agrees with the Art. 20 quota and group lines of the month
        for (MonthlySummary.Row u : s.units()) {
            int points = lines("2025-Q1").stream().filter(l -> l.ref().equals("quota:" + u.unit() + ":2025-03")
                    || (l.ref().startsWith("group:") && l.ref().endsWith(":" + u.unit() + ":2025-03")))
                    .mapToInt(PointLine::points).sum();
            assertEquals(-5 * u.shortfall(), points, u.unit());
        }
    }
}
