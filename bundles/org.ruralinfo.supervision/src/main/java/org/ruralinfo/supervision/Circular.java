package org.ruralinfo.supervision;

import java.time.Instant;
import java.util.List;

/** A circular (通报, Art. 10) naming the units still overdue after reminders, with their escalation history. */
public record Circular(long id, String docNo, String title, String note, String issuedBy, Instant issuedAt,
        List<Entry> units) {
    public Circular {
        units = List.copyOf(units);
    }

    /** One unit named for one subject, with the reminders it had, oldest first. */
    public record Entry(String unit, String name, String subject, List<Reminder> history) {
        public Entry {
            history = List.copyOf(history);
        }
    }
}
