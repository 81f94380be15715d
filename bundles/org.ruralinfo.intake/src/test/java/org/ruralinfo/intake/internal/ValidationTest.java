package org.ruralinfo.intake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.ruralinfo.intake.internal.Harness.AGRI_OFFICER;
import static org.ruralinfo.intake.internal.Harness.LUNTAI_OFFICER;
import static org.ruralinfo.intake.internal.Harness.OFFICER;
import static org.ruralinfo.intake.internal.Harness.STATS_OFFICER;
import static org.ruralinfo.intake.internal.Harness.at;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.ValidationError;
import org.ruralinfo.api.ValidationException;
import org.ruralinfo.intake.Draft;

/** Bad drafts are refused as a whole, naming each field; nothing is written. */
class ValidationTest extends HarnessTest {
    private List<String> refused(UserAccount u, Draft d) throws Exception {
        long before = h.count("SELECT COUNT(*) FROM items");
        long audit = h.count("SELECT COUNT(*) FROM audit");
        ValidationException e = assertThrows(ValidationException.class, () -> h.intake.create(u, d));
        assertEquals(before, h.count("SELECT COUNT(*) FROM items"), "nothing half-written");
        assertEquals(audit, h.count("SELECT COUNT(*) FROM audit"));
        return e.errors().stream().map(ValidationError::path).toList();
    }

    @Test
    void meetingAndEmergencyNeedOccurredAt_Art8() throws Exception {
        assertEquals(List.of("$.occurred_at"), refused(OFFICER, new Draft(null, ItemType.MEETING, "t", "b", null, null,
                null, null)));
        assertEquals(List.of("$.occurred_at"), refused(OFFICER, new Draft(null, ItemType.EMERGENCY, "t", "b", null,
                null, null, null)));
    }

    @Test
    void commissionedNeedsANoticeAddressedToTheUnit_Art9() throws Exception {
        assertEquals(List.of("$.notice"), refused(OFFICER, new Draft(null, ItemType.COMMISSIONED, "t", "b", null, null,
                null, null)));
        assertEquals(List.of("$.notice"), refused(OFFICER, new Draft(null, ItemType.COMMISSIONED, "t", "b", null,
                "N-404", null, null)));
        assertEquals(List.of("$.notice"), refused(LUNTAI_OFFICER, new Draft(null, ItemType.COMMISSIONED, "t", "b",
                null, "N-1", null, null)));
    }

    @Test
    void groupSummaryOnlyFromTheGroupsLead_Art6() throws Exception {
        assertEquals(List.of("$.group"), refused(OFFICER, new Draft(null, ItemType.GROUP_SUMMARY, "t", "b", null, null,
                "industry", null)));
        assertEquals(List.of("$.group"), refused(AGRI_OFFICER, new Draft(null, ItemType.GROUP_SUMMARY, "t", "b", null,
                null, null, null)));
        h.intake.create(AGRI_OFFICER, new Draft(null, ItemType.GROUP_SUMMARY, "产业发展专项组月度汇总", "b", null, null,
                "industry", null));
    }

    @Test
    void followsMustBeAnEmergencyOfTheSameUnit() throws Exception {
        h.clock.set("2025-10-03T09:00:00+08:00");
        String korlaEmergency = h.intake.create(OFFICER, new Draft(null, ItemType.EMERGENCY, "t", "b",
                at("2025-10-03T08:00:00+08:00"), null, null, null)).item().id();
        String korlaWork = h.intake.create(OFFICER, new Draft(null, ItemType.WORK_RESULTS, "t", "b", null, null, null,
                null)).item().id();
        Draft followsWork = new Draft(null, ItemType.EMERGENCY, "t", "b", at("2025-10-03T08:30:00+08:00"), null, null,
                korlaWork);
        assertEquals(List.of("$.follows"), refused(OFFICER, followsWork));
        Draft otherUnit = new Draft(null, ItemType.EMERGENCY, "t", "b", at("2025-10-03T08:30:00+08:00"), null, null,
                korlaEmergency);
        assertEquals(List.of("$.follows"), refused(LUNTAI_OFFICER, otherUnit));
        assertEquals(List.of("$.follows"), refused(OFFICER, new Draft(null, ItemType.WORK_RESULTS, "t", "b", null, null,
                null, korlaEmergency)));
    }

    @Test
    void businessItemsOnlyFromDepartments_Art6() throws Exception {
        assertEquals(List.of("$.type"), refused(OFFICER, new Draft(null, ItemType.BUSINESS, "t", "b", null, null, null,
                null)));
        h.intake.create(STATS_OFFICER, new Draft(null, ItemType.BUSINESS, "t", "b", null, null, null, null));
    }

    @Test
    void oversizedAndMissingTextAreNamed() throws Exception {
        assertEquals(List.of("$.title", "$.body"), refused(OFFICER, new Draft(null, ItemType.WORK_RESULTS,
                "题".repeat(501), "文".repeat(200_001), null, null, null, null)));
        assertEquals(List.of("$.type", "$.title", "$.body"), refused(OFFICER, new Draft(null, null, " ", null, null,
                null, null, null)));
        h.intake.create(OFFICER, new Draft(null, ItemType.WORK_RESULTS, "题".repeat(500), "文".repeat(200_000), null,
                null, null, null));
    }

    @Test
    void occurredAtMayNotBeInTheFuture() throws Exception {
        assertEquals(List.of("$.occurred_at"), refused(OFFICER, new Draft(null, ItemType.MEETING, "t", "b",
                at("2025-12-01T09:00:00+08:00"), null, null, null)));
    }
}
