package org.ruralinfo.intake.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.Notice;
import org.ruralinfo.api.WorkCalendar;

/** The time standards of Art. 8, computed when an item is created. */
final class Deadlines {
    /** A deadline and the rule it comes from. */
    record Due(Instant at, String rule) {
    }

    private final Settings settings;

    Deadlines(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param calendar the working-day calendar of the year {@code occurredAt} falls in and the next
     * @return the deadline of an item, or null for types that have no time standard
     */
    Due of(ItemType type, Instant occurredAt, Notice notice, WorkCalendar calendar) {
        return switch (type) {
            case EMERGENCY -> occurredAt == null ? null : new Due(emergency(occurredAt), "emergency");
            case MEETING -> occurredAt == null ? null : new Due(meeting(occurredAt, calendar), "meeting");
            case COMMISSIONED -> notice == null ? null : new Due(notice.deadline(), "commissioned");
            default -> null;
        };
    }

    /** Art. 8: within 2 hours after it happened (2:00:00 inclusive). */
    Instant emergency(Instant occurredAt) {
        return occurredAt.plus(settings.emergency());
    }

    /**
     * Art. 8: by the end of the 3rd working day after the local day it was made; the answer is 00:00 of the
     * day after that working day, and an item is on time strictly before it.
     */
    Instant meeting(Instant occurredAt, WorkCalendar calendar) {
        LocalDate day = occurredAt.atZone(settings.zone()).toLocalDate();
        LocalDate last = calendar.workdaysAfter(day, settings.meetingWorkdays());
        return last.plusDays(1).atStartOfDay(settings.zone()).toInstant();
    }
}
