package org.ruralinfo.supervision;

import java.util.List;

/**
 * A circular to issue.
 *
 * @param units the units to name; empty: every unit still overdue after reminders
 */
public record NewCircular(String title, String note, List<String> units) {
    public NewCircular {
        units = units == null ? List.of() : List.copyOf(units);
    }
}
