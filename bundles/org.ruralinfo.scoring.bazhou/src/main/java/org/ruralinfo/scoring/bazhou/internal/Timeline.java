package org.ruralinfo.scoring.bazhou.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.ruralinfo.api.WorkCalendar;
import org.ruralinfo.api.scoring.Period;

/**
 * Local time of the rules: a UTC timestamp may fall on the next day in Beijing, and every day,
 * month, quarter and deadline is a local one.
 */
record Timeline(ZoneId zone, WorkCalendar calendar) {

    LocalDate day(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    Period quarter(Instant instant) {
        return Period.quarterOf(day(instant));
    }

    YearMonth month(Instant instant) {
        return YearMonth.from(day(instant));
    }

    /** @return 00:00 of the day after {@code day}: a deadline "by the end of {@code day}" is before it */
    Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** @return the end of the {@code n}-th working day after {@code day} */
    Instant endOfWorkdaysAfter(LocalDate day, int n) {
        return endOf(calendar.workdaysAfter(day, n));
    }
}
