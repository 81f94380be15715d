package org.ruralinfo.supervision;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.ruralinfo.api.UnitKind;

/**
 * The supervision table of a month as of a moment.
 *
 * @param policy the policy whose rules gave the obligations ({@code id/version}), or null when none is installed
 */
public record SupervisionReport(YearMonth month, Instant asOf, String policy, List<Row> units) {
    public SupervisionReport {
        units = List.copyOf(units);
    }

    /**
     * One unit.
     *
     * @param quota     the monthly quota, or null where the unit's kind has none
     * @param groups    the summaries of each group the unit leads
     * @param research  the research obligation of the half-year or year of the month, or null
     * @param overdue   notices missed and time-bound items not sent by their deadline
     * @param reminders the reminders sent to the unit in the month
     * @param behind    whether the unit is short of an obligation (ended) or behind the pace of the month's
     *                  working days (unfinished), or has something overdue
     * @param lost      the Art. 20 points the ranking deducts for the month's quota and group lines (≤ 0):
     *                  0 while the month is not over
     */
    public record Row(String unit, String name, UnitKind kind, Progress quota, List<Progress> groups,
            Progress research, List<Overdue> overdue, List<ReminderRef> reminders, boolean behind, int lost) {
        public Row {
            groups = List.copyOf(groups);
            overdue = List.copyOf(overdue);
            reminders = List.copyOf(reminders);
        }
    }

    /**
     * Progress towards one obligation.
     *
     * @param ended whether its period is over (then a shortfall is lost points, else progress)
     * @param lost  the points the ranking deducts for {@code ref} (≤ 0; 0 while not ended)
     */
    public record Progress(String ref, String period, String group, int required, int counted, boolean ended,
            int lost) {
        public int missing() {
            return Math.max(0, required - counted);
        }
    }

    /** Something overdue: {@code notice:<id>:<unit>} or {@code item:<id>}. */
    public record Overdue(String ref, Instant deadline, String title) {
    }

    /** A reminder sent. */
    public record ReminderRef(long id, ReminderKind kind, Instant at, String subject) {
    }
}
