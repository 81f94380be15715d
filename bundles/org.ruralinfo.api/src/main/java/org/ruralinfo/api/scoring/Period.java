package org.ruralinfo.api.scoring;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scoring period: a quarter ({@code 2025-Q3}) or a year ({@code 2025}, quarter 0).
 */
public record Period(int year, int quarter) {
    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-Q([1-4]))?");

    public Period {
        if (quarter < 0 || quarter > 4) {
            throw new IllegalArgumentException("quarter " + quarter);
        }
    }

    /** @return the period named like {@code 2025-Q3} or {@code 2025}, or null when the text is not one */
    public static Period parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return null;
        }
        int y = Integer.parseInt(m.group(1));
        return new Period(y, m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
    }

    public static Period ofYear(int year) {
        return new Period(year, 0);
    }

    public static Period quarterOf(LocalDate day) {
        return new Period(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    public boolean isYear() {
        return quarter == 0;
    }

    public LocalDate firstDay() {
        return isYear() ? LocalDate.of(year, 1, 1) : LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    public LocalDate lastDay() {
        return isYear() ? LocalDate.of(year, 12, 31) : firstDay().plusMonths(3).minusDays(1);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay()) && !day.isAfter(lastDay());
    }

    /** @return the four quarters of this year, or this quarter alone */
    public List<Period> quarters() {
        if (!isYear()) {
            return List.of(this);
        }
        return List.of(new Period(year, 1), new Period(year, 2), new Period(year, 3), new Period(year, 4));
    }

    @Override
    public String toString() {
        return isYear() ? Integer.toString(year) : year + "-Q" + quarter;
    }
}
