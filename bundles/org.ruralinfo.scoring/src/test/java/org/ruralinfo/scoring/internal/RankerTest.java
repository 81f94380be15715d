package org.ruralinfo.scoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.api.scoring.Category;
import org.ruralinfo.api.scoring.Evaluation;
import org.ruralinfo.api.scoring.EvaluationRules;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.PointLine;
import org.ruralinfo.api.scoring.PolicyRef;
import org.ruralinfo.api.scoring.RankingReport;
import org.ruralinfo.api.scoring.RankingRow;
import org.ruralinfo.api.scoring.ScoreSheet;

class RankerTest {
    private static final PolicyRef POLICY = new PolicyRef("test", "1.0.0");
    private static final Period YEAR = Period.ofYear(2025);
    private static final Period Q1 = new Period(2025, 1);

    private static Unit county(String id) {
        return new Unit(id, "县 " + id, UnitKind.COUNTY);
    }

    private static PointLine line(String unit, Category category, int points) {
        return new PointLine(unit, category, points, "Art.19(1)", "item:" + unit, "test");
    }

    private static EvaluationRules rules(int top, int bottom) {
        return new EvaluationRules(Map.of(UnitKind.COUNTY, top, UnitKind.MEMBER, top, UnitKind.DEPARTMENT, top),
                Map.of(UnitKind.COUNTY, bottom, UnitKind.MEMBER, bottom, UnitKind.DEPARTMENT, bottom));
    }

    private static List<String> ids(List<RankingRow> rows) {
        return rows.stream().map(RankingRow::unit).toList();
    }

    @Test
    void everyUnitOfEveryKindGetsARowEvenWithoutLines() {
        List<Unit> units = List.of(county("a"), new Unit("m", "成员", UnitKind.MEMBER));
        RankingReport report = Ranker.rank(Q1, POLICY, units, new ScoreSheet(List.of(), Map.of()), rules(3, 3));
        assertEquals(List.of("a"), ids(report.kinds().get(UnitKind.COUNTY)));
        assertEquals(List.of("m"), ids(report.kinds().get(UnitKind.MEMBER)));
        assertEquals(List.of(), report.kinds().get(UnitKind.DEPARTMENT));
        RankingRow row = report.kinds().get(UnitKind.COUNTY).get(0);
        assertEquals(1, row.rank());
        assertEquals(0, row.score());
        assertEquals("县 a", row.name());
        assertNull(report.evaluation(), "a quarter has no evaluation");
    }

    @Test
    void scoreIsTheSumOfTheColumnsAndLinesKeepThePolicyOrder() {
        List<PointLine> lines = List.of(line("a", Category.INFORMATION, 5), line("a", Category.NEWS, 10),
                line("b", Category.INFORMATION, 5), line("a", Category.ONLINE, 20),
                line("a", Category.DEDUCTIONS, -5), line("a", Category.INFORMATION, 10),
                line("ghost", Category.INFORMATION, 100));
        RankingReport report = Ranker.rank(Q1, POLICY, List.of(county("a"), county("b")),
                new ScoreSheet(lines, Map.of()), rules(3, 3));
        RankingRow a = report.kinds().get(UnitKind.COUNTY).get(0);
        assertEquals("a", a.unit());
        assertEquals(15, a.information());
        assertEquals(10, a.news());
        assertEquals(20, a.online());
        assertEquals(-5, a.deductions());
        assertEquals(40, a.score());
        assertEquals(List.of(5, 10, 20, -5, 10), a.lines().stream().map(PointLine::points).toList());
    }

    @Test
    void tiesRankEqualAndAreShownByTieBreakThenUnitId_Art21() {
        List<Unit> units = List.of(county("e"), county("d"), county("c"), county("b"), county("a"));
        List<PointLine> lines = List.of(line("e", Category.INFORMATION, 30), line("d", Category.INFORMATION, 20),
                line("c", Category.INFORMATION, 20), line("b", Category.INFORMATION, 20),
                line("a", Category.INFORMATION, 5));
        RankingReport report = Ranker.rank(Q1, POLICY, units, new ScoreSheet(lines, Map.of("d", 2, "b", 1)),
                rules(3, 3));
        List<RankingRow> rows = report.kinds().get(UnitKind.COUNTY);
        assertEquals(List.of("e", "d", "b", "c", "a"), ids(rows));
        assertEquals(List.of(1, 2, 2, 2, 5), rows.stream().map(RankingRow::rank).toList());
    }

    @Test
    void yearEvaluationTakesTiesAtTheEdgeAndCommendationWins_Art21() {
        // scores: a 50, b 40, c 40, d 30, e 10, f 10, g 0
        List<Unit> units = List.of(county("a"), county("b"), county("c"), county("d"), county("e"), county("f"),
                county("g"));
        List<PointLine> lines = List.of(line("a", Category.INFORMATION, 50), line("b", Category.INFORMATION, 40),
                line("c", Category.INFORMATION, 40), line("d", Category.INFORMATION, 30),
                line("e", Category.INFORMATION, 10), line("f", Category.INFORMATION, 10));
        RankingReport report = Ranker.rank(YEAR, POLICY, units, new ScoreSheet(lines, Map.of("c", 1)),
                rules(2, 2));
        Evaluation ev = report.evaluation();
        assertEquals(List.of("a", "c", "b"), ev.commended().get(UnitKind.COUNTY), "b and c tie at the edge");
        assertEquals(List.of("e", "f", "g"), ev.named().get(UnitKind.COUNTY), "e and f tie at the edge");
        assertEquals(List.of(), ev.commended().get(UnitKind.MEMBER));
        assertEquals(List.of(), ev.named().get(UnitKind.DEPARTMENT));
        assertEquals(3, ev.commended().size());
        assertEquals(3, ev.named().size());

        // few units: every unit is in both lists, commendation wins
        RankingReport small = Ranker.rank(YEAR, POLICY, List.of(county("x"), county("y")),
                new ScoreSheet(List.of(line("x", Category.INFORMATION, 5)), Map.of()), rules(3, 3));
        assertEquals(List.of("x", "y"), small.evaluation().commended().get(UnitKind.COUNTY));
        assertTrue(small.evaluation().named().get(UnitKind.COUNTY).isEmpty());
    }
}
