package org.ruralinfo.intake.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.Role;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.intake.Action;

/**
 * The workflow of Art. 7 as a pure function of an item's state: which actions it allows, who may take
 * them, and where they lead. Drafted by the officer, reviewed level by level with the confidentiality check
 * (reviewer), signed off by the principal (signer), screened by the prefecture's editor.
 */
final class Workflow {
    private Workflow() {
    }

    /** @return the actions the item allows in its state, whoever asks */
    static List<Action> allowed(ItemStatus status, ItemType type, boolean qualified, boolean forwarded) {
        Set<Action> out = EnumSet.noneOf(Action.class);
        boolean research = type == ItemType.RESEARCH && !qualified;
        switch (status) {
            case DRAFT, RETURNED -> out.add(Action.SUBMIT);
            case SUBMITTED -> out.addAll(List.of(Action.APPROVE, Action.RETURN));
            case APPROVED -> out.addAll(List.of(Action.SIGN, Action.RETURN));
            case SIGNED -> {
                out.addAll(List.of(Action.ACCEPT, Action.REJECT, Action.RETURN));
                if (research) {
                    out.add(Action.QUALIFY);
                }
            }
            case ACCEPTED -> {
                if (research) {
                    out.add(Action.QUALIFY);
                }
                if (!forwarded) {
                    out.add(Action.FORWARD);
                }
            }
            case REJECTED -> {
                // final (Art. 7(5)): counts for nothing anywhere
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * @return whether {@code user} may take {@code action} on an item of {@code unit} in {@code status}:
     *         unit steps by the unit's own officer, reviewer, signer; screening by the editor
     */
    static boolean may(UserAccount user, Action action, String unit, ItemStatus status) {
        boolean own = unit.equals(user.unit());
        return switch (action) {
            case SUBMIT -> own && user.has(Role.OFFICER);
            case APPROVE -> own && user.has(Role.REVIEWER);
            case SIGN -> own && user.has(Role.SIGNER);
            case RETURN -> status == ItemStatus.SIGNED ? user.has(Role.EDITOR)
                    : own && (user.has(Role.REVIEWER) || user.has(Role.SIGNER));
            case ACCEPT, REJECT, QUALIFY, FORWARD -> user.has(Role.EDITOR);
        };
    }

    /** @return the state an action leads to ({@code qualify} and {@code forward} keep it) */
    static ItemStatus target(Action action, ItemStatus from) {
        return switch (action) {
            case SUBMIT -> ItemStatus.SUBMITTED;
            case APPROVE -> ItemStatus.APPROVED;
            case SIGN -> ItemStatus.SIGNED;
            case RETURN -> ItemStatus.RETURNED;
            case ACCEPT -> ItemStatus.ACCEPTED;
            case REJECT -> ItemStatus.REJECTED;
            case QUALIFY, FORWARD -> from;
        };
    }

    /** @return whether an action changes what scoring reads (status, qualification) */
    static boolean changesFacts(Action action) {
        return action == Action.ACCEPT || action == Action.REJECT || action == Action.QUALIFY;
    }

    /** @return whether the officer may edit an item in this state */
    static boolean editable(ItemStatus status) {
        return status == ItemStatus.DRAFT || status == ItemStatus.RETURNED;
    }

    /** @return whether {@code user} sees items of {@code unit}: the prefecture bureau sees all */
    static boolean visible(UserAccount user, String unit) {
        return user.prefectureWide() || unit.equals(user.unit());
    }
}
