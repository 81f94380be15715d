package org.ruralinfo.scoring.bazhou.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.api.scoring.PointLine;
import org.ruralinfo.api.scoring.ScoreSheet;

/** The policy as a whole: its configuration, its periods, its tie-break and its evaluation rules. */
class BazhouPolicyTest {

    @Test
    void everyPointValueAndRulingIsAConfigurationPropertyWithTheDefaultOfTheMeasures() {
        Map<String, String> expected = new LinkedHashMap<>();
        String[] pairs = { "adoption.prefecture_briefing", "5", "adoption.region_publication", "10",
                "adoption.region_instruction", "20", "commissioned.submitted", "5", "commissioned.adopted", "10",
                "commissioned.adoption_replaces_briefing", "true", "research.qualified", "10",
                "research.region_publication", "20", "research.region_instruction", "30",
                "information.cumulative", "true", "adoption.split_combined", "false", "instruction.tiers", "",
                "commissioned.missed_zero_year", "0", "counting.statuses", "accepted", "news.national", "20",
                "news.region", "10", "news.prefecture", "5", "online.national", "20", "online.region", "10",
                "online.prefecture", "5", "publicity.window_workdays", "5", "publicity.manuscript_once", "true",
                "deduction.quota_item", "-5", "deduction.commissioned", "-10", "deduction.research", "-20",
                "deduction.late_item", "-5", "quota.county.monthly", "5", "quota.county.types",
                "work_results,experience", "quota.member.monthly", "2", "quota.member.types",
                "work_results,experience", "quota.lead.group_monthly", "3", "quota.lead.types", "group_summary",
                "quota.department.monthly", "1", "quota.department.yearly", "12", "quota.department.types",
                "business", "research.county.per_halfyear", "1", "research.member.per_halfyear", "1",
                "research.department.per_year", "1", "deadline.emergency_minutes", "120",
                "deadline.meeting_workdays", "3", "evaluation.top.county", "3", "evaluation.top.member", "10",
                "evaluation.top.department", "3", "evaluation.bottom.county", "3", "evaluation.bottom.member", "3",
                "evaluation.bottom.department", "3" };
        for (int i = 0; i < pairs.length; i += 2) {
            expected.put(pairs[i], pairs[i + 1]);
        }
        Map<String, String> actual = new TreeMap<>();
        for (Method m : BazhouConfig.class.getDeclaredMethods()) {
            actual.put(BazhouParameters.propertyName(m), text(m.getDefaultValue()));
        }
        assertEquals(new TreeMap<>(expected), actual);
    }

    private static String text(Object value) {
        if (value.getClass().isArray()) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                parts.add(String.valueOf(Array.get(value, i)));
            }
            return String.join(",", parts);
        }
        return String.valueOf(value);
    }

    @Test
    void anUnknownPropertyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BazhouParameters.config(Map.of("no.such", 1)));
    }

    @Test
    void evaluationRulesCommendTopThreeTenThreeAndNameTheBottomThree_Art21() {
        var rules = new BazhouPolicy(BazhouParameters.defaults(Fixture.ZONE)).evaluation();
        assertEquals(Map.of(UnitKind.COUNTY, 3, UnitKind.MEMBER, 10, UnitKind.DEPARTMENT, 3), rules.commended());
        assertEquals(Map.of(UnitKind.COUNTY, 3, UnitKind.MEMBER, 3, UnitKind.DEPARTMENT, 3), rules.named());
    }

    @Test
    void theYearHoldsEveryLineOfItsFourQuarters() {
        Fixture f = new Fixture().unit("k", UnitKind.COUNTY).unit("d", UnitKind.DEPARTMENT)
                .item("I-1", "k", ItemType.WORK_RESULTS, "2025-02-10T10:00:00+08:00")
                .adopt("I-1", AdoptionLevel.PREFECTURE_BRIEFING, "2025-05-15")
                .many("d", ItemType.BUSINESS, "2025-11", 1);
        List<PointLine> quarters = new ArrayList<>();
        for (String q : List.of("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4")) {
            quarters.addAll(f.score(q).lines());
        }
        List<PointLine> year = f.score("2025").lines();
        assertEquals(quarters.size(), year.size());
        assertTrue(year.containsAll(quarters) && quarters.containsAll(year));
    }

    @Test
    void tieBreakCountsTheRegionalAdoptionEventsOfTheUnitsItemsDatedInThePeriod_Art21() {
        Fixture f = new Fixture().unit("k", UnitKind.COUNTY).unit("y", UnitKind.COUNTY)
                .item("I-1", "k", ItemType.WORK_RESULTS, "2025-02-10T10:00:00+08:00")
                .item("I-2", "k", ItemType.EXPERIENCE, "2025-02-11T10:00:00+08:00")
                .adopt("I-1", AdoptionLevel.PREFECTURE_BRIEFING, "2025-02-12")
                .adopt("I-1", AdoptionLevel.REGION_PUBLICATION, "2025-02-20")
                .adopt("I-1", AdoptionLevel.REGION_INSTRUCTION, "2025-03-01")
                .adopt("I-2", AdoptionLevel.REGION_PUBLICATION, "2025-04-01");
        ScoreSheet q1 = f.score("2025-Q1");
        assertEquals(2, q1.tieBreak().get("k"));
        assertFalse(q1.tieBreak().containsKey("y"));
        assertEquals(3, f.score("2025").tieBreak().get("k"));
    }

    @Test
    void everyLineNamesItsArticleItsRecordAndAReason() {
        Fixture f = new Fixture().unit("k", UnitKind.COUNTY).unit("m", UnitKind.MEMBER).group("g", "m")
                .item("I-1", "k", ItemType.WORK_RESULTS, "2025-02-10T10:00:00+08:00")
                .adopt("I-1", AdoptionLevel.PREFECTURE_BRIEFING, "2025-05-15")
                .notice("N-1", "2025-05-01T18:00:00+08:00", "k");
        for (PointLine line : f.score("2025").lines()) {
            assertTrue(line.rule().matches("Art\\.\\d+(\\(\\d\\))?"), line.toString());
            assertTrue(line.ref().matches("(item|publicity|quota|group|research|notice):.+"), line.toString());
            assertFalse(line.reason().isBlank(), line.toString());
        }
    }
}
