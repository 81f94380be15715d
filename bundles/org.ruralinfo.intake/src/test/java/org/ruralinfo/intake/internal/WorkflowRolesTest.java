package org.ruralinfo.intake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralinfo.intake.internal.Harness.ADMIN;
import static org.ruralinfo.intake.internal.Harness.EDITOR;
import static org.ruralinfo.intake.internal.Harness.LUNTAI_OFFICER;
import static org.ruralinfo.intake.internal.Harness.LUNTAI_REVIEWER;
import static org.ruralinfo.intake.internal.Harness.LUNTAI_SIGNER;
import static org.ruralinfo.intake.internal.Harness.OFFICER;
import static org.ruralinfo.intake.internal.Harness.REVIEWER;
import static org.ruralinfo.intake.internal.Harness.SIGNER;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.ValidationException;
import org.ruralinfo.intake.Action;
import org.ruralinfo.intake.Draft;
import org.ruralinfo.intake.IntakeException;
import org.ruralinfo.intake.ItemQuery;
import org.ruralinfo.intake.ItemView;
import org.ruralinfo.intake.RejectReason;
import org.ruralinfo.intake.TransitionRequest;

/**
 * Art. 7: drafted by the unit's officer, reviewed with the confidentiality check by its reviewer, signed
 * off by its principal, screened by the prefecture's editor. Every role × action, allowed and refused.
 */
class WorkflowRolesTest extends HarnessTest {
    static final List<UserAccount> EVERYONE = List.of(OFFICER, REVIEWER, SIGNER, EDITOR, ADMIN, LUNTAI_OFFICER,
            LUNTAI_REVIEWER, LUNTAI_SIGNER);

    /** Who may take each action on a korla item in the state before it; everyone else is refused. */
    static Stream<Arguments> matrix() {
        return Stream.of(
                Arguments.of(Action.SUBMIT, ItemStatus.DRAFT, Set.of("officer")),
                Arguments.of(Action.SUBMIT, ItemStatus.RETURNED, Set.of("officer")),
                Arguments.of(Action.APPROVE, ItemStatus.SUBMITTED, Set.of("reviewer")),
                Arguments.of(Action.RETURN, ItemStatus.SUBMITTED, Set.of("reviewer", "signer")),
                Arguments.of(Action.SIGN, ItemStatus.APPROVED, Set.of("signer")),
                Arguments.of(Action.RETURN, ItemStatus.APPROVED, Set.of("reviewer", "signer")),
                Arguments.of(Action.ACCEPT, ItemStatus.SIGNED, Set.of("editor")),
                Arguments.of(Action.REJECT, ItemStatus.SIGNED, Set.of("editor")),
                Arguments.of(Action.RETURN, ItemStatus.SIGNED, Set.of("editor")),
                Arguments.of(Action.QUALIFY, ItemStatus.ACCEPTED, Set.of("editor")),
                Arguments.of(Action.FORWARD, ItemStatus.ACCEPTED, Set.of("editor")));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("matrix")
    void eachRoleMayTakeOnlyItsActions_Art7(Action action, ItemStatus from, Set<String> allowed) {
        for (UserAccount u : EVERYONE) {
            String id = itemIn(from, action == Action.QUALIFY ? ItemType.RESEARCH : ItemType.WORK_RESULTS);
            TransitionRequest req = new TransitionRequest(action, "请补充数据", RejectReason.COPIED, null);
            if (allowed.contains(u.username())) {
                ItemView v = h.intake.transition(u, id, req);
                assertEquals(Workflow.target(action, from), v.item().status(), u.username() + " " + action);
            } else {
                IntakeException e = assertThrows(IntakeException.class, () -> h.intake.transition(u, id, req),
                        u.username() + " " + action);
                boolean otherUnit = u.unit() != null && !u.unit().equals("korla");
                assertEquals(otherUnit ? IntakeException.Kind.NOT_FOUND : IntakeException.Kind.FORBIDDEN, e.kind(),
                        u.username() + " " + action);
                assertEquals(from, h.intake.get(EDITOR, id).item().status(), "nothing changed");
            }
        }
    }

    /** Puts a new korla item into {@code status} by the workflow itself. */
    String itemIn(ItemStatus status, ItemType type) {
        String id = h.intake.create(OFFICER, new Draft(null, type, "库尔勒市推进庭院经济", "正文：庭院经济带动农户增收。",
                null, null, null, null)).item().id();
        List<Action> path = switch (status) {
            case DRAFT -> List.of();
            case SUBMITTED -> List.of(Action.SUBMIT);
            case APPROVED -> List.of(Action.SUBMIT, Action.APPROVE);
            case SIGNED -> List.of(Action.SUBMIT, Action.APPROVE, Action.SIGN);
            case RETURNED -> List.of(Action.SUBMIT, Action.RETURN);
            case ACCEPTED -> List.of(Action.SUBMIT, Action.APPROVE, Action.SIGN, Action.ACCEPT);
            case REJECTED -> List.of(Action.SUBMIT, Action.APPROVE, Action.SIGN, Action.REJECT);
        };
        Map<Action, UserAccount> who = Map.of(Action.SUBMIT, OFFICER, Action.APPROVE, REVIEWER, Action.SIGN, SIGNER,
                Action.RETURN, REVIEWER, Action.ACCEPT, EDITOR, Action.REJECT, EDITOR);
        for (Action a : path) {
            h.intake.transition(who.get(a), id, new TransitionRequest(a, "退回修改", RejectReason.NOT_RURAL_REVITALIZATION,
                    null));
        }
        return id;
    }

    @Test
    void illegalTransitionIsAConflictNamingTheAllowedActions() {
        String id = itemIn(ItemStatus.SUBMITTED, ItemType.WORK_RESULTS);
        IntakeException e = assertThrows(IntakeException.class,
                () -> h.intake.transition(OFFICER, id, TransitionRequest.of(Action.SUBMIT)));
        assertEquals(IntakeException.Kind.CONFLICT, e.kind());
        assertEquals(List.of("approve", "return"), e.allowed());
        assertTrue(e.getMessage().contains("approve, return"), e.getMessage());
        IntakeException rejected = assertThrows(IntakeException.class, () -> h.intake.transition(EDITOR,
                itemIn(ItemStatus.REJECTED, ItemType.WORK_RESULTS), TransitionRequest.of(Action.ACCEPT)));
        assertEquals(List.of(), rejected.allowed());
    }

    @Test
    void onlyResearchQualifies_Art19() {
        String id = itemIn(ItemStatus.ACCEPTED, ItemType.WORK_RESULTS);
        IntakeException e = assertThrows(IntakeException.class,
                () -> h.intake.transition(EDITOR, id, TransitionRequest.of(Action.QUALIFY)));
        assertEquals(IntakeException.Kind.CONFLICT, e.kind());
        assertEquals(List.of("forward"), e.allowed());
    }

    @Test
    void returnNeedsACommentAndRejectAReason_Art7_5() {
        String id = itemIn(ItemStatus.SIGNED, ItemType.WORK_RESULTS);
        ValidationException r = assertThrows(ValidationException.class,
                () -> h.intake.transition(EDITOR, id, TransitionRequest.of(Action.RETURN)));
        assertEquals("$.comment", r.errors().get(0).path());
        ValidationException j = assertThrows(ValidationException.class,
                () -> h.intake.transition(EDITOR, id, TransitionRequest.of(Action.REJECT)));
        assertEquals("$.reason", j.errors().get(0).path());
        ItemView v = h.intake.transition(EDITOR, id, new TransitionRequest(Action.REJECT, null, RejectReason.COPIED, null));
        assertEquals(ItemStatus.REJECTED, v.item().status());
        assertEquals("copied", v.screened().note());
    }

    @Test
    void everyStepIsRecordedWithWhoWhenFromToAndOneAuditRow() throws Exception {
        String id = itemIn(ItemStatus.DRAFT, ItemType.WORK_RESULTS);
        long audit0 = h.count("SELECT COUNT(*) FROM audit WHERE target = ?", "item:" + id);
        h.clock.set("2025-09-26T15:00:00+08:00");
        h.intake.transition(OFFICER, id, TransitionRequest.of(Action.SUBMIT));
        h.intake.transition(REVIEWER, id, new TransitionRequest(Action.APPROVE, null, null, "不涉密"));
        h.clock.set("2025-09-26T16:30:00+08:00");
        long rev = h.revision();
        ItemView signed = h.intake.transition(SIGNER, id, TransitionRequest.of(Action.SIGN));
        assertEquals(Harness.at("2025-09-26T16:30:00+08:00"), signed.item().submittedAt(),
                "signing sends it: the prefecture receives it now");
        assertEquals(rev, h.revision(), "signing changes nothing scoring counts");
        ItemView accepted = h.intake.transition(EDITOR, id, TransitionRequest.of(Action.ACCEPT));
        assertTrue(h.revision() > rev, "accepting changes the scoring facts");
        assertEquals(4, h.count("SELECT COUNT(*) FROM audit WHERE target = ?", "item:" + id) - audit0);
        assertEquals("reviewer", accepted.confidentiality().by());
        assertEquals("不涉密", accepted.confidentiality().note());
        assertEquals(Harness.at("2025-09-26T15:00:00+08:00"), accepted.confidentiality().at());
        assertEquals("signer", accepted.signed().by());
        List<String> steps = accepted.history().stream()
                .map(e -> e.actor() + ":" + e.action() + ":" + e.from() + ">" + e.to()).toList();
        assertEquals(List.of("officer:create:null>DRAFT", "officer:submit:DRAFT>SUBMITTED",
                "reviewer:approve:SUBMITTED>APPROVED", "signer:sign:APPROVED>SIGNED", "editor:accept:SIGNED>ACCEPTED"),
                steps);
        assertEquals(List.of(Action.FORWARD), accepted.actions());
        ItemView fwd = h.intake.transition(EDITOR, id, TransitionRequest.of(Action.FORWARD));
        assertEquals("editor", fwd.forwarded().by());
        assertEquals(List.of(), fwd.actions(), "forwarded once");
    }

    @Test
    void returnedItemGoesBackToTheOfficerWhoEditsAndSubmitsAgain() {
        String id = itemIn(ItemStatus.SIGNED, ItemType.WORK_RESULTS);
        ItemView r = h.intake.transition(EDITOR, id, new TransitionRequest(Action.RETURN, "数据需核实", null, null));
        assertEquals(ItemStatus.RETURNED, r.item().status());
        assertNull(r.item().submittedAt(), "no longer with the prefecture");
        assertEquals("数据需核实", r.history().get(r.history().size() - 1).comment());
        assertEquals(List.of(), h.intake.get(REVIEWER, id).actions());
        assertEquals(List.of(Action.SUBMIT), h.intake.get(OFFICER, id).actions());
        ItemView edited = h.intake.update(OFFICER, id, new Draft(null, ItemType.WORK_RESULTS, "库尔勒市推进庭院经济（修改）",
                "正文：经核实，庭院经济带动农户增收。", null, null, null, null));
        assertEquals("库尔勒市推进庭院经济（修改）", edited.item().title());
        assertEquals(ItemStatus.SUBMITTED, h.intake.transition(OFFICER, id, TransitionRequest.of(Action.SUBMIT))
                .item().status());
        IntakeException e = assertThrows(IntakeException.class, () -> h.intake.update(OFFICER, id, new Draft(null,
                ItemType.WORK_RESULTS, "x", "y", null, null, null, null)));
        assertEquals(IntakeException.Kind.CONFLICT, e.kind(), "a submitted item is no longer edited");
    }

    @Test
    void onlyTheUnitsOfficerDraftsAndEdits() {
        IntakeException other = assertThrows(IntakeException.class, () -> h.intake.create(OFFICER,
                new Draft("luntai", ItemType.WORK_RESULTS, "t", "b", null, null, null, null)));
        assertEquals(IntakeException.Kind.FORBIDDEN, other.kind());
        for (UserAccount u : List.of(REVIEWER, SIGNER, EDITOR, ADMIN)) {
            IntakeException e = assertThrows(IntakeException.class, () -> h.intake.create(u,
                    new Draft("korla", ItemType.WORK_RESULTS, "t", "b", null, null, null, null)));
            assertEquals(IntakeException.Kind.FORBIDDEN, e.kind(), u.username());
        }
        String id = itemIn(ItemStatus.DRAFT, ItemType.WORK_RESULTS);
        Draft d = new Draft(null, ItemType.WORK_RESULTS, "t", "b", null, null, null, null);
        assertEquals(IntakeException.Kind.NOT_FOUND,
                assertThrows(IntakeException.class, () -> h.intake.update(LUNTAI_OFFICER, id, d)).kind());
        assertEquals(IntakeException.Kind.FORBIDDEN,
                assertThrows(IntakeException.class, () -> h.intake.update(REVIEWER, id, d)).kind());
    }

    @Test
    void anotherUnitsItemIsNotFoundAndNotListed() {
        String id = itemIn(ItemStatus.SUBMITTED, ItemType.WORK_RESULTS);
        for (UserAccount u : List.of(LUNTAI_OFFICER, LUNTAI_REVIEWER, LUNTAI_SIGNER)) {
            assertEquals(IntakeException.Kind.NOT_FOUND,
                    assertThrows(IntakeException.class, () -> h.intake.get(u, id)).kind());
            assertEquals(0, h.intake.list(u, ItemQuery.all()).total());
            assertEquals(0, h.intake.list(u, new ItemQuery("korla", null, null, null, null, null, 1, 20)).total());
        }
        assertNotNull(h.intake.get(ADMIN, id));
        assertEquals(1, h.intake.list(ADMIN, ItemQuery.all()).total());
        assertEquals(List.of(), h.intake.get(ADMIN, id).actions(), "admin reads all but does not screen");
        assertEquals(1, h.intake.list(REVIEWER, ItemQuery.all()).total());
    }
}
