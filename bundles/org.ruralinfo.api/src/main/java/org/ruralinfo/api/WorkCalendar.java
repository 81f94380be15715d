package org.ruralinfo.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The working-day calendar built from loaded {@link CalendarYear}s: weekends are off,
 * public holidays are off, adjusted working days (调休) are on. A year that was not
 * loaded follows the weekend rule alone.
 */
public final class WorkCalendar {
    private final Set<LocalDate> holidays = new HashSet<>();
    private final Set<LocalDate> workdays = new HashSet<>();

    public WorkCalendar(Collection<CalendarYear> years) {
        for (CalendarYear y : years) {
            holidays.addAll(y.holidays());
            workdays.addAll(y.workdays());
        }
    }

    /** @return whether {@code day} is a working day */
    public boolean isWorkday(LocalDate day) {
        if (workdays.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /**
     * @return the {@code n}-th working day strictly after {@code day} ({@code n >= 1}); for n = 0, {@code day}
     */
    public LocalDate workdaysAfter(LocalDate day, int n) {
        LocalDate d = day;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkday(d)) {
                left--;
            }
        }
        return d;
    }
}
