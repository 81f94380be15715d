package org.ruralinfo.intake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralinfo.intake.internal.Harness.ADMIN;
import static org.ruralinfo.intake.internal.Harness.EDITOR;
import static org.ruralinfo.intake.internal.Harness.OFFICER;
import static org.ruralinfo.intake.internal.Harness.REVIEWER;
import static org.ruralinfo.intake.internal.Harness.SIGNER;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.ValidationException;
import org.ruralinfo.intake.Action;
import org.ruralinfo.intake.AdoptionRequest;
import org.ruralinfo.intake.Draft;
import org.ruralinfo.intake.IntakeException;
import org.ruralinfo.intake.ItemView;
import org.ruralinfo.intake.RejectReason;
import org.ruralinfo.intake.TransitionRequest;

/** Art. 19(1): adoptions recorded by the editor on accepted items, once per level, withdrawn at once. */
class AdoptionsTest extends HarnessTest {
    private String signed() {
        String id = h.intake.create(OFFICER, new Draft(null, ItemType.WORK_RESULTS, "t", "b", null, null, null, null))
                .item().id();
        h.intake.transition(OFFICER, id, TransitionRequest.of(Action.SUBMIT));
        h.intake.transition(REVIEWER, id, TransitionRequest.of(Action.APPROVE));
        h.intake.transition(SIGNER, id, TransitionRequest.of(Action.SIGN));
        return id;
    }

    private static AdoptionRequest briefing() {
        return new AdoptionRequest(AdoptionLevel.PREFECTURE_BRIEFING, LocalDate.parse("2025-10-15"), "2025年第12期");
    }

    @Test
    void editorAdoptsAnAcceptedItemOncePerLevelAndWithdrawsIt_Art19() {
        String id = signed();
        h.intake.transition(EDITOR, id, TransitionRequest.of(Action.ACCEPT));
        long rev = h.revision();
        ItemView v = h.intake.adopt(EDITOR, id, briefing());
        assertEquals(List.of(new Adoption(id, AdoptionLevel.PREFECTURE_BRIEFING, LocalDate.parse("2025-10-15"),
                "2025年第12期")), v.adoptions());
        assertTrue(h.revision() > rev, "scores follow");
        IntakeException twice = assertThrows(IntakeException.class, () -> h.intake.adopt(EDITOR, id, briefing()));
        assertEquals(IntakeException.Kind.CONFLICT, twice.kind());
        h.intake.adopt(EDITOR, id, new AdoptionRequest(AdoptionLevel.REGION_PUBLICATION, LocalDate.parse("2025-11-01"),
                null));
        long before = h.revision();
        ItemView w = h.intake.withdrawAdoption(EDITOR, id, AdoptionLevel.PREFECTURE_BRIEFING);
        assertEquals(List.of(AdoptionLevel.REGION_PUBLICATION), w.adoptions().stream().map(Adoption::level).toList());
        assertTrue(h.revision() > before, "its points go at once");
        assertEquals(IntakeException.Kind.NOT_FOUND, assertThrows(IntakeException.class,
                () -> h.intake.withdrawAdoption(EDITOR, id, AdoptionLevel.PREFECTURE_BRIEFING)).kind());
        assertEquals(List.of("adopt", "adopt", "withdraw_adoption"), w.history().stream().map(e -> e.action())
                .filter(a -> a.contains("adopt")).toList());
    }

    @Test
    void rejectedOrUnscreenedItemsAreNotAdopted_Art7_5() {
        String unscreened = signed();
        assertEquals(IntakeException.Kind.CONFLICT,
                assertThrows(IntakeException.class, () -> h.intake.adopt(EDITOR, unscreened, briefing())).kind());
        String rejected = signed();
        h.intake.transition(EDITOR, rejected, new TransitionRequest(Action.REJECT, null,
                RejectReason.NOT_RURAL_REVITALIZATION, null));
        assertEquals(IntakeException.Kind.CONFLICT,
                assertThrows(IntakeException.class, () -> h.intake.adopt(EDITOR, rejected, briefing())).kind());
    }

    @Test
    void onlyTheEditorRecordsAdoptions() {
        String id = signed();
        h.intake.transition(EDITOR, id, TransitionRequest.of(Action.ACCEPT));
        for (UserAccount u : List.of(OFFICER, REVIEWER, SIGNER, ADMIN)) {
            assertEquals(IntakeException.Kind.FORBIDDEN,
                    assertThrows(IntakeException.class, () -> h.intake.adopt(u, id, briefing())).kind(), u.username());
            assertEquals(IntakeException.Kind.FORBIDDEN, assertThrows(IntakeException.class,
                    () -> h.intake.withdrawAdoption(u, id, AdoptionLevel.PREFECTURE_BRIEFING)).kind());
        }
        ValidationException e = assertThrows(ValidationException.class,
                () -> h.intake.adopt(EDITOR, id, new AdoptionRequest(null, null, null)));
        assertEquals(List.of("$.level", "$.at"), e.errors().stream().map(x -> x.path()).toList());
    }
}
