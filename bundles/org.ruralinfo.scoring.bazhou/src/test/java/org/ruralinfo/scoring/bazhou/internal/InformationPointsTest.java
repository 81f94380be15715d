package org.ruralinfo.scoring.bazhou.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralinfo.api.AdoptionLevel.PREFECTURE_BRIEFING;
import static org.ruralinfo.api.AdoptionLevel.REGION_INSTRUCTION;
import static org.ruralinfo.api.AdoptionLevel.REGION_PUBLICATION;
import static org.ruralinfo.api.scoring.Category.INFORMATION;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.api.scoring.PointLine;

/** Art. 19(1) information points and their rulings. */
class InformationPointsTest {

    private static Fixture county() {
        return new Fixture().unit("k", UnitKind.COUNTY);
    }

    @Test
    void informationPointsAddUpOverDistinctAdoptionEventsInTheQuarterOfEachAdoption_Art19_1() {
        Fixture f = county().item("I-1", "k", ItemType.WORK_RESULTS, "2025-02-10T10:00:00+08:00")
                .adopt("I-1", PREFECTURE_BRIEFING, "2025-02-15")
                .adopt("I-1", REGION_PUBLICATION, "2025-04-02")
                .adopt("I-1", REGION_INSTRUCTION, "2025-07-01");
        assertEquals(5, f.points("2025-Q1", "k", INFORMATION));
        assertEquals(10, f.points("2025-Q2", "k", INFORMATION));
        assertEquals(20, f.points("2025-Q3", "k", INFORMATION));
        assertEquals(35, f.points("2025", "k", INFORMATION), "5 + 10 + 20");
        PointLine briefing = f.lines("2025-Q1", "k", INFORMATION).get(0);
        assertEquals("Art.19(1)", briefing.rule());
        assertEquals("item:I-1", briefing.ref());
        assertEquals("adopted by prefecture briefing 2025年第1期", briefing.reason());
    }

    @Test
    void withoutTheCumulativeRulingOnlyTheHighestEventCounts_Art19_1() {
        Fixture f = county().item("I-1", "k", ItemType.EXPERIENCE, "2025-02-10T10:00:00+08:00")
                .adopt("I-1", PREFECTURE_BRIEFING, "2025-02-15")
                .adopt("I-1", REGION_PUBLICATION, "2025-04-02")
                .adopt("I-1", REGION_INSTRUCTION, "2025-07-01")
                .config(Map.of("information.cumulative", false));
        assertEquals(5, f.points("2025-Q1", "k", INFORMATION));
        assertEquals(5, f.points("2025-Q2", "k", INFORMATION), "the difference up to 10");
        assertEquals(10, f.points("2025-Q3", "k", INFORMATION), "the difference up to 20");
    }

    @Test
    void commissionedAdoptionReplacesBriefingPoints_Art19() {
        Fixture f = county().notice("N-1", "2025-03-20T18:00:00+08:00", "k")
                .commissioned("C-1", "k", "N-1", "2025-03-15T10:00:00+08:00", ItemStatus.ACCEPTED)
                .adopt("C-1", PREFECTURE_BRIEFING, "2025-03-25");
        assertEquals(15, f.points("2025-Q1", "k", INFORMATION), "5 + 10, not 5 + 10 + 5");
        assertEquals(20, f.config(Map.of("commissioned.adoption_replaces_briefing", false))
                .points("2025-Q1", "k", INFORMATION), "another prefecture's ruling: 5 + 10 + 5");
    }

    @Test
    void commissionedFiveIsEarnedOncePerNoticeAndUnitByTheFirstItemDeliveredByTheDeadline_Art19() {
        Fixture f = county().notice("N-1", "2025-03-20T18:00:00+08:00", "k")
                .commissioned("C-1", "k", "N-1", "2025-03-18T09:00:00+08:00", ItemStatus.ACCEPTED)
                .commissioned("C-2", "k", "N-1", "2025-03-20T18:00:00+08:00", ItemStatus.ACCEPTED)
                .commissioned("C-3", "k", "N-1", "2025-03-20T18:00:01+08:00", ItemStatus.ACCEPTED)
                .adopt("C-2", PREFECTURE_BRIEFING, "2025-03-25")
                .adopt("C-3", PREFECTURE_BRIEFING, "2025-03-26");
        assertEquals(5, f.points("2025-Q1", "item:C-1"));
        assertEquals(10, f.points("2025-Q1", "item:C-2"), "a further item earns only its adoption points");
        assertEquals(10, f.points("2025-Q1", "item:C-3"), "a late item earns no 5, its adoption still scores");
        assertEquals(List.of(), f.linesOf("2025-Q1", "notice:N-1:k"));
    }

    @Test
    void commissionedItemDeliveredExactlyAtTheDeadlineIsOnTime_Art19() {
        Fixture f = county().notice("N-1", "2025-03-20T18:00:00+08:00", "k")
                .commissioned("C-1", "k", "N-1", "2025-03-20T10:00:00Z", ItemStatus.ACCEPTED);
        assertEquals(5, f.points("2025-Q1", "item:C-1"));
        assertEquals(List.of(), f.linesOf("2025-Q1", "notice:N-1:k"), "delivered: no deduction");
    }

    @Test
    void commissionedSubmissionCountsInTheQuarterOfItsLocalSubmissionDay() {
        // 2025-03-31T17:00Z is 2025-04-01 01:00 in Beijing
        Fixture f = county().notice("N-1", "2025-04-03T18:00:00+08:00", "k")
                .commissioned("C-1", "k", "N-1", "2025-03-31T17:00:00Z", ItemStatus.ACCEPTED);
        assertEquals(0, f.points("2025-Q1", "item:C-1"));
        assertEquals(5, f.points("2025-Q2", "item:C-1"));
    }

    @Test
    void rejectedCommissionedItemEarnsNothingAndTheNoticeIsDeducted_Art7_Art20() {
        Fixture f = county().notice("N-1", "2025-03-20T18:00:00+08:00", "k")
                .commissioned("C-1", "k", "N-1", "2025-03-15T10:00:00+08:00", ItemStatus.REJECTED)
                .adopt("C-1", PREFECTURE_BRIEFING, "2025-03-25");
        assertEquals(0, f.points("2025-Q1", "k", INFORMATION));
        assertEquals(-10, f.points("2025-Q1", "notice:N-1:k"));
    }

    @Test
    void qualifyingResearchEarnsTenOnSubmissionTwentyRegionalThirtyInstructionAndFiveBriefing_Art19_1() {
        Fixture f = county().research("R-1", "k", "2025-05-10T10:00:00+08:00", true)
                .adopt("R-1", PREFECTURE_BRIEFING, "2025-05-12")
                .adopt("R-1", REGION_PUBLICATION, "2025-05-20")
                .adopt("R-1", REGION_INSTRUCTION, "2025-06-01");
        assertEquals(List.of(10, 5, 20, 30),
                f.lines("2025-Q2", "k", INFORMATION).stream().map(PointLine::points).toList());
    }

    @Test
    void researchThatDoesNotQualifyIsScoredAsOrdinaryInformation_Art19_1() {
        Fixture f = county().research("R-2", "k", "2025-05-10T10:00:00+08:00", false)
                .adopt("R-2", PREFECTURE_BRIEFING, "2025-05-12")
                .adopt("R-2", REGION_PUBLICATION, "2025-05-20")
                .adopt("R-2", REGION_INSTRUCTION, "2025-06-01");
        assertEquals(35, f.points("2025-Q2", "k", INFORMATION), "no 10; 5 + 10 + 20");
    }

    @Test
    void researchSubmissionPointsCountInTheQuarterOfSubmittedAtAndAdoptionsInTheirOwn() {
        Fixture f = county().research("R-1", "k", "2025-06-30T16:30:00Z", true) // 2025-07-01 00:30 local
                .adopt("R-1", REGION_PUBLICATION, "2025-10-02");
        assertEquals(0, f.points("2025-Q2", "k", INFORMATION));
        assertEquals(10, f.points("2025-Q3", "k", INFORMATION));
        assertEquals(20, f.points("2025-Q4", "k", INFORMATION));
    }

    @Test
    void rejectedItemsEarnNothing_Art7() {
        Fixture f = county().rejected("X-1", "k", ItemType.WORK_RESULTS, "2025-02-10T10:00:00+08:00")
                .adopt("X-1", REGION_PUBLICATION, "2025-02-15");
        assertEquals(0, f.points("2025", "k", INFORMATION));
        assertTrue(f.score("2025").tieBreak().isEmpty(), "its adoption is no regional event either");
    }
}
