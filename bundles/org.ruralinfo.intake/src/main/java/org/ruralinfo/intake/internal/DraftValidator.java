package org.ruralinfo.intake.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ruralinfo.api.Group;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.Notice;
import org.ruralinfo.api.RecordStore;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.api.ValidationError;
import org.ruralinfo.api.ValidationException;
import org.ruralinfo.intake.Draft;

/**
 * The rules a draft must meet (exchange v1 and Art. 5, 8, 9): every problem is named by its JSON path and
 * the whole draft is refused, so nothing is half-written.
 */
final class DraftValidator {
    /** How far in the future an {@code occurred_at} may be (clock skew). */
    private static final java.time.Duration SKEW = java.time.Duration.ofMinutes(10);

    private final RecordStore store;
    private final Units units;
    private final Settings settings;

    DraftValidator(RecordStore store, Units units, Settings settings) {
        this.store = store;
        this.units = units;
        this.settings = settings;
    }

    /** @return the notice a commissioned draft answers (for its deadline), or null */
    Notice validate(Draft d, String unitId, String selfId, Instant now) {
        List<ValidationError> errors = new ArrayList<>();
        Optional<Unit> unit = units.of(unitId);
        if (unit.isEmpty()) {
            errors.add(new ValidationError("$.unit", "unknown unit \"" + unitId + "\""));
        }
        ItemType type = d.type();
        if (type == null) {
            errors.add(new ValidationError("$.type", "is required"));
        }
        text(errors, "$.title", d.title(), settings.titleMax());
        text(errors, "$.body", d.body(), settings.bodyMax());
        if (d.occurredAt() != null && d.occurredAt().isAfter(now.plus(SKEW))) {
            errors.add(new ValidationError("$.occurred_at", "must not be in the future"));
        }
        Notice notice = null;
        if (type != null) {
            if ((type == ItemType.MEETING || type == ItemType.EMERGENCY) && d.occurredAt() == null) {
                errors.add(new ValidationError("$.occurred_at", "is required for a " + type.wire()
                        + " item (Art. 8: its time standard runs from it)"));
            }
            notice = notice(errors, d, type, unitId);
            group(errors, d, type, unitId);
            follows(errors, d, type, unitId, selfId);
            if (type == ItemType.BUSINESS && unit.isPresent() && unit.get().kind() != UnitKind.DEPARTMENT) {
                errors.add(new ValidationError("$.type", "business items (业务工作信息) come from departments only"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.size() == 1 ? errors.get(0).toString()
                    : errors.size() + " problems: " + errors, errors);
        }
        return notice;
    }

    private static void text(List<ValidationError> errors, String path, String s, int max) {
        if (s == null || s.isBlank()) {
            errors.add(new ValidationError(path, "is required"));
        } else if (s.length() > max) {
            errors.add(new ValidationError(path, "at most " + max + " characters"));
        }
    }

    private Notice notice(List<ValidationError> errors, Draft d, ItemType type, String unit) {
        if (type != ItemType.COMMISSIONED) {
            if (d.notice() != null) {
                errors.add(new ValidationError("$.notice", "only a commissioned item answers a notice"));
            }
            return null;
        }
        if (d.notice() == null) {
            errors.add(new ValidationError("$.notice", "is required for a commissioned item (Art. 9)"));
            return null;
        }
        Optional<Notice> n = store.notice(d.notice());
        if (n.isEmpty()) {
            errors.add(new ValidationError("$.notice", "unknown notice \"" + d.notice() + "\""));
            return null;
        }
        if (!n.get().units().contains(unit)) {
            errors.add(new ValidationError("$.notice", "notice \"" + d.notice() + "\" is not addressed to unit \""
                    + unit + "\""));
            return null;
        }
        return n.get();
    }

    private void group(List<ValidationError> errors, Draft d, ItemType type, String unit) {
        if (type != ItemType.GROUP_SUMMARY) {
            if (d.group() != null) {
                errors.add(new ValidationError("$.group", "only a group summary names a group"));
            }
            return;
        }
        if (d.group() == null) {
            errors.add(new ValidationError("$.group", "is required for a group summary"));
            return;
        }
        Optional<Group> g = store.group(d.group());
        if (g.isEmpty()) {
            errors.add(new ValidationError("$.group", "unknown group \"" + d.group() + "\""));
        } else if (!g.get().lead().equals(unit)) {
            errors.add(new ValidationError("$.group", "unit \"" + unit + "\" does not lead group \"" + d.group()
                    + "\" (its lead unit reports its summary)"));
        }
    }

    private void follows(List<ValidationError> errors, Draft d, ItemType type, String unit, String selfId) {
        if (d.follows() == null) {
            return;
        }
        if (type != ItemType.EMERGENCY) {
            errors.add(new ValidationError("$.follows", "only an emergency follow-up (续报) follows another item"));
            return;
        }
        Optional<Item> f = d.follows().equals(selfId) ? Optional.empty() : store.item(d.follows());
        if (f.isEmpty() || !f.get().unit().equals(unit) || f.get().type() != ItemType.EMERGENCY) {
            errors.add(new ValidationError("$.follows", "\"" + d.follows() + "\" is not an emergency item of unit \""
                    + unit + "\""));
        }
    }
}
