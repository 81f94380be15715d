package org.ruralinfo.intake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.ruralinfo.intake.internal.Harness.OFFICER;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.Role;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.ValidationException;
import org.ruralinfo.intake.Draft;
import org.ruralinfo.intake.ItemView;

/**
 * The answer of a create is read in the creating transaction: it must be exactly what reading the item
 * afterwards gives (row, deadline, history, actions, no adoptions, attachments or copy check).
 */
class CreateAnswerTest extends HarnessTest {
    @Test
    void theAnswerOfACreateIsWhatAReadGives() {
        ItemView work = h.intake.create(OFFICER, new Draft(null, ItemType.WORK_RESULTS, "劳务输出", "今年以来……", null,
                null, null, null));
        assertEquals(h.intake.get(OFFICER, work.item().id()), work);
        assertEquals(1, work.history().size());

        ItemView meeting = h.intake.create(OFFICER, new Draft("korla", ItemType.MEETING, "传达学习会议精神", "会议要求……",
                Harness.at("2025-09-26T09:30:00.123456+08:00"), null, null, null));
        assertNotNull(meeting.deadline());
        assertEquals(h.intake.get(OFFICER, meeting.item().id()), meeting);

        ItemView commissioned = h.intake.create(OFFICER, new Draft(null, ItemType.COMMISSIONED, "设施农业", "……", null,
                "N-1", null, null));
        assertNotNull(commissioned.deadline());
        assertEquals(h.intake.get(OFFICER, commissioned.item().id()), commissioned);

        // a user who drafts and also reviews in the unit sees the copy check field (none for a draft)
        UserAccount both = new UserAccount("both", "both", Set.of(Role.OFFICER, Role.REVIEWER), "korla");
        ItemView mine = h.intake.create(both, new Draft(null, ItemType.EXPERIENCE, "经验", "做法……", null, null, null,
                null));
        assertEquals(h.intake.get(both, mine.item().id()), mine);
    }

    @Test
    void aNumberAnImportedItemHasIsSkipped() {
        h.store.importDocument(new ExchangeDocument(null, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(new Item("IN-2025-000001", "korla", ItemType.EXPERIENCE, "导入", "导入的信息",
                        Harness.at("2025-08-01T10:00:00+08:00"), null, null, null, null, ItemStatus.ACCEPTED, false)),
                List.of(), List.of()), "test");
        ItemView v = h.intake.create(OFFICER, new Draft(null, ItemType.WORK_RESULTS, "t", "b", null, null, null, null));
        assertEquals("IN-2025-000002", v.item().id());
        assertEquals(h.intake.get(OFFICER, v.item().id()), v);
    }

    @Test
    void theUnitIsLookedUpByItsId() {
        UserAccount stranger = new UserAccount("x", "x", Set.of(Role.OFFICER), "nowhere");
        ValidationException e = assertThrows(ValidationException.class, () -> h.intake.create(stranger,
                new Draft(null, ItemType.WORK_RESULTS, "t", "b", null, null, null, null)));
        assertEquals("$.unit", e.errors().get(0).path());
        assertEquals("unknown unit \"nowhere\"", e.errors().get(0).message());
        UserAccount upper = new UserAccount("y", "y", Set.of(Role.OFFICER), "KORLA");
        assertThrows(ValidationException.class, () -> h.intake.create(upper,
                new Draft(null, ItemType.WORK_RESULTS, "t", "b", null, null, null, null)), "ids match exactly");
    }
}
