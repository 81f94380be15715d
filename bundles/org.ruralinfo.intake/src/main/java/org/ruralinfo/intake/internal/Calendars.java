package org.ruralinfo.intake.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.ruralinfo.api.Columns;
import org.ruralinfo.api.CalendarYear;
import org.ruralinfo.api.Database;
import org.ruralinfo.api.WorkCalendar;

/**
 * The working-day calendar (holidays, adjusted workdays) a deadline needs: the year a day falls in and the
 * next, for deadlines that cross New Year. Read from the {@code calendar_days} table the administrator
 * loads (the same rows {@code RecordStore.year(y).calendar()} gives, without reading that year's items).
 */
final class Calendars {
    private final Database db;

    Calendars(Database db) {
        this.db = db;
    }

    WorkCalendar around(LocalDate day) {
        int year = day.getYear();
        return db.read(c -> {
            List<LocalDate> holidays = new ArrayList<>();
            List<LocalDate> workdays = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT cal_date, workday FROM calendar_days WHERE cal_year IN (?, ?)")) {
                ps.setInt(1, year);
                ps.setInt(2, year + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        (rs.getBoolean("workday") ? workdays : holidays).add(Columns.date(rs, "cal_date"));
                    }
                }
            }
            return new WorkCalendar(List.of(new CalendarYear(year, holidays, workdays)));
        });
    }
}
