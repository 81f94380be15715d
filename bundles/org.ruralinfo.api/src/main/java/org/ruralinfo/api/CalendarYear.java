package org.ruralinfo.api;

import java.time.LocalDate;
import java.util.List;

/**
 * One year of the national working-day calendar: public holidays (off even on a weekday)
 * and adjusted working days (调休, a Saturday or Sunday that is on).
 */
public record CalendarYear(int year, List<LocalDate> holidays, List<LocalDate> workdays) {
    public CalendarYear {
        holidays = List.copyOf(holidays);
        workdays = List.copyOf(workdays);
    }
}
