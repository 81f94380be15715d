package org.ruralinfo.intake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralinfo.intake.internal.Harness.EDITOR;
import static org.ruralinfo.intake.internal.Harness.OFFICER;
import static org.ruralinfo.intake.internal.Harness.REVIEWER;
import static org.ruralinfo.intake.internal.Harness.SIGNER;
import static org.ruralinfo.intake.internal.Harness.at;

import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.intake.Action;
import org.ruralinfo.intake.Deadline;
import org.ruralinfo.intake.Draft;
import org.ruralinfo.intake.ItemView;
import org.ruralinfo.intake.TransitionRequest;

/**
 * Art. 8 time standards on the 2025 calendar of the example year: National Day 2025-10-01..08 off,
 * 2025-09-28 (Sunday) and 2025-10-11 (Saturday) adjusted working days; 2026-01-01/02 off, 2026-01-04 on.
 */
class DeadlinesTest extends HarnessTest {
    private ItemView meeting(String occurred) {
        return h.intake.create(OFFICER, new Draft(null, ItemType.MEETING, "传达学习会议精神", "会议要求……",
                at(occurred), null, null, null));
    }

    private ItemView send(String id, String at) {
        h.clock.set(at);
        h.intake.transition(OFFICER, id, TransitionRequest.of(Action.SUBMIT));
        h.intake.transition(REVIEWER, id, TransitionRequest.of(Action.APPROVE));
        return h.intake.transition(SIGNER, id, TransitionRequest.of(Action.SIGN));
    }

    @Test
    void meetingOnTheFridayBeforeNationalDayCountsTheAdjustedSunday_Art8() {
        h.clock.set("2025-09-26T18:00:00+08:00");
        // Fri 09-26 → Sun 09-28 (adjusted, 1), Mon 09-29 (2), Tue 09-30 (3): due before 10-01 00:00
        ItemView v = meeting("2025-09-26T09:00:00+08:00");
        assertEquals(at("2025-10-01T00:00:00+08:00"), v.deadline().due());
        assertEquals("meeting", v.deadline().rule());
        assertFalse(v.deadline().late());
        ItemView sent = send(v.item().id(), "2025-09-30T23:59:59+08:00");
        assertFalse(sent.deadline().late(), "the end of the third working day is on time");
    }

    @Test
    void meetingOnTheLastDayBeforeTheHolidayRunsToTheAdjustedSaturday_Art8() {
        h.clock.set("2025-09-30T20:00:00+08:00");
        // Tue 09-30 → 10-01..08 off, Thu 10-09 (1), Fri 10-10 (2), Sat 10-11 (adjusted, 3)
        ItemView v = meeting("2025-09-30T15:00:00+08:00");
        assertEquals(at("2025-10-12T00:00:00+08:00"), v.deadline().due());
        ItemView sent = send(v.item().id(), "2025-10-12T00:00:00+08:00");
        assertTrue(sent.deadline().late(), "00:00 of the following day is late");
    }

    @Test
    void meetingDayIsTheLocalDayInShanghai_Art8() {
        // 2025-09-26T17:30Z is Saturday 09-27 01:30 in Shanghai: Sun 09-28 (1), Mon (2), Tue (3)
        h.clock.set("2025-09-27T08:00:00+08:00");
        ItemView v = meeting("2025-09-26T17:30:00Z");
        assertEquals(at("2025-10-01T00:00:00+08:00"), v.deadline().due());
    }

    @Test
    void meetingDeadlineCrossesNewYearOnNextYearsCalendar_Art8() {
        h.clock.set("2025-12-30T18:00:00+08:00");
        // Tue 12-30 → Wed 12-31 (1), 01-01/02 off, Sat 01-03 off, Sun 01-04 (adjusted, 2), Mon 01-05 (3)
        ItemView v = meeting("2025-12-30T10:00:00+08:00");
        assertEquals(at("2026-01-06T00:00:00+08:00"), v.deadline().due());
    }

    @Test
    void meetingStandardIsConfigurable_Art8() throws Exception {
        h.close();
        Settings five = new Settings(Duration.ofHours(2), 5, ZoneId.of("Asia/Shanghai"), 0.6, 1 << 20, 500, 200_000);
        h = new Harness(home, five);
        h.clock.set("2025-09-26T18:00:00+08:00");
        // 09-28 (1), 09-29 (2), 09-30 (3), 10-09 (4), 10-10 (5)
        assertEquals(at("2025-10-11T00:00:00+08:00"), meeting("2025-09-26T09:00:00+08:00").deadline().due());
    }

    @Test
    void emergencyWithinTwoHoursInclusive_Art8() {
        h.clock.set("2025-10-03T08:05:00+08:00");
        String occurred = "2025-10-03T08:00:00+08:00";
        ItemView v = h.intake.create(OFFICER, new Draft(null, ItemType.EMERGENCY, "某乡镇突发洪水", "灾情初报……",
                at(occurred), null, null, null));
        assertEquals(at("2025-10-03T10:00:00+08:00"), v.deadline().due(), "holidays do not stop the clock");
        assertFalse(send(v.item().id(), "2025-10-03T10:00:00+08:00").deadline().late(), "2:00:00 is on time");

        h.clock.set("2025-10-03T08:06:00+08:00");
        ItemView followUp = h.intake.create(OFFICER, new Draft(null, ItemType.EMERGENCY, "某乡镇突发洪水（续报）",
                "处置进展……", at("2025-10-03T08:01:00+08:00"), null, null, v.item().id()));
        assertEquals(v.item().id(), followUp.item().follows());
        assertEquals(at("2025-10-03T10:01:00+08:00"), followUp.deadline().due(), "a follow-up has its own 2 hours");
        assertTrue(send(followUp.item().id(), "2025-10-03T10:01:01+08:00").deadline().late());
    }

    @Test
    void commissionedItemIsDueByItsNoticesDeadline_Art9() {
        h.clock.set("2025-10-10T09:00:00+08:00");
        ItemView v = h.intake.create(OFFICER, new Draft(null, ItemType.COMMISSIONED, "设施农业情况", "……", null,
                "N-1", null, null));
        assertEquals(at("2025-10-20T18:00:00+08:00"), v.deadline().due());
        assertFalse(send(v.item().id(), "2025-10-20T18:00:00+08:00").deadline().late(), "the boundary is on time");
    }

    @Test
    void unsentItemBecomesLateWhenItsDeadlinePasses_Art10() {
        h.clock.set("2025-09-26T18:00:00+08:00");
        String id = meeting("2025-09-26T09:00:00+08:00").item().id();
        assertFalse(h.intake.get(EDITOR, id).deadline().late());
        h.clock.set("2025-10-01T00:00:00+08:00");
        Deadline d = h.intake.get(EDITOR, id).deadline();
        assertTrue(d.late());
        assertTrue(h.intake.list(EDITOR, org.ruralinfo.intake.ItemQuery.all()).items().get(0).deadline().late());
    }

    @Test
    void anyTimeTypesHaveNoDeadline_Art8() {
        assertNull(h.intake.create(OFFICER, new Draft(null, ItemType.EXPERIENCE, "经验做法", "……", null, null, null,
                null)).deadline());
    }
}
