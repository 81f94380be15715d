package org.ruralinfo.api.scoring;

import java.time.Instant;
import java.util.List;

import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.Group;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.Notice;
import org.ruralinfo.api.Outlet;
import org.ruralinfo.api.Publicity;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.WorkCalendar;

/**
 * What a policy scores: the records of the period's year, gathered by the engine.
 *
 * @param period   the quarter or year to score
 * @param asOf     the moment the ranking is asked for: a shortfall counts only once its period has ended
 * @param units    every reporting unit (each gets a row, even with no points)
 * @param calendar the working-day calendar of the year and its neighbours
 * @param notices  the notices whose deadline or issue falls in the year
 * @param items    the items submitted in the year, and those their adoptions in the year refer to, without
 *                 their body text ({@code null}: no rule scores it)
 * @param adoptions the adoptions of those items (all of them: the policy picks by date)
 * @param publicity the publicity reports published in the year
 *        <p>
 *        The engine gives items and publicity reports sorted by id and adoptions by item, then level (the
 *        exchange names, in Java's {@code String} order), and keeps giving the very same record objects
 *        and lists for what did not change: a policy may rely on both to find what changed since its
 *        last call (and must still be right, if slower, without them).
 */
public record PeriodFacts(Period period, Instant asOf, List<Unit> units, List<Group> groups, List<Outlet> outlets,
        WorkCalendar calendar, List<Notice> notices, List<Item> items, List<Adoption> adoptions,
        List<Publicity> publicity) {
    public PeriodFacts {
        units = List.copyOf(units);
        groups = List.copyOf(groups);
        outlets = List.copyOf(outlets);
        notices = List.copyOf(notices);
        items = List.copyOf(items);
        adoptions = List.copyOf(adoptions);
        publicity = List.copyOf(publicity);
    }
}
