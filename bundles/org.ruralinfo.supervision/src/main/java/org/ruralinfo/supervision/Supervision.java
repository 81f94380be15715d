package org.ruralinfo.supervision;

import java.time.YearMonth;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.ruralinfo.api.UserAccount;

/**
 * The quota and deadline watch (Art. 6, 10) and the monthly summary (Art. 17, 一月一汇总). The prefecture
 * (editor, admin) sees every unit; a unit's own users see their unit alone.
 */
@ProviderType
public interface Supervision {
    /** @return per unit: quota progress, research, overdue notices and items, reminders sent, as of now */
    SupervisionReport report(UserAccount actor, YearMonth month);

    /** @return per unit: submitted, accepted, rejected, adopted per level, shortfall of the month */
    MonthlySummary summary(UserAccount actor, YearMonth month);

    /** @return the open suggestions of the daily check, newest check first (editor) */
    List<Suggestion> suggestions(UserAccount actor);

    /**
     * Runs the check now (editor or admin; the daily schedule calls it as {@code system}): finds units behind
     * and items overdue and queues suggested reminders, at most one per unit, subject and day.
     *
     * @return the suggestions queued by this run
     */
    List<Suggestion> check(UserAccount actor);
}
