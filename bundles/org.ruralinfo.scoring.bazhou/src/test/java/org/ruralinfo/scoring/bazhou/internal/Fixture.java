package org.ruralinfo.scoring.bazhou.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.CalendarYear;
import org.ruralinfo.api.Channel;
import org.ruralinfo.api.Group;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.Notice;
import org.ruralinfo.api.Outlet;
import org.ruralinfo.api.OutletLevel;
import org.ruralinfo.api.Publicity;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.api.WorkCalendar;
import org.ruralinfo.api.scoring.Category;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.PeriodFacts;
import org.ruralinfo.api.scoring.PointLine;
import org.ruralinfo.api.scoring.ScoreSheet;

/** The facts of one test, built up record by record; scored by the default policy unless overridden. */
final class Fixture {
    /** The local time of the example and of every test here (the site's setting in the product). */
    static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

    /** The national calendar of 2025 (Spring Festival 1-28..2-4, adjusted workdays 1-26 and 2-8, ...). */
    static final CalendarYear CALENDAR_2025 = new CalendarYear(2025,
            dates("2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02",
                    "2025-02-03", "2025-02-04", "2025-04-04", "2025-04-05", "2025-04-06", "2025-05-01", "2025-05-02",
                    "2025-05-03", "2025-05-04", "2025-05-05", "2025-05-31", "2025-06-01", "2025-06-02", "2025-10-01",
                    "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05", "2025-10-06", "2025-10-07",
                    "2025-10-08"),
            dates("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"));
    static final CalendarYear CALENDAR_2026 = new CalendarYear(2026, dates("2026-01-01", "2026-01-02"),
            dates("2026-01-04"));

    final List<Unit> units = new ArrayList<>();
    final List<Group> groups = new ArrayList<>();
    final List<Outlet> outlets = new ArrayList<>(List.of(new Outlet("人民日报", Channel.NEWS, OutletLevel.NATIONAL),
            new Outlet("新疆日报", Channel.NEWS, OutletLevel.REGION),
            new Outlet("巴音郭楞日报", Channel.NEWS, OutletLevel.PREFECTURE),
            new Outlet("人民网", Channel.ONLINE, OutletLevel.NATIONAL),
            new Outlet("天山网", Channel.ONLINE, OutletLevel.REGION),
            new Outlet("巴州零距离", Channel.ONLINE, OutletLevel.PREFECTURE)));
    final List<Notice> notices = new ArrayList<>();
    final List<Item> items = new ArrayList<>();
    final List<Adoption> adoptions = new ArrayList<>();
    final List<Publicity> publicity = new ArrayList<>();
    Instant asOf = at("2026-06-30T00:00:00+08:00");
    Map<String, Object> config = Map.of();

    static Instant at(String timestamp) {
        return OffsetDateTime.parse(timestamp).toInstant();
    }

    static List<LocalDate> dates(String... days) {
        return java.util.Arrays.stream(days).map(LocalDate::parse).toList();
    }

    Fixture unit(String id, UnitKind kind) {
        units.add(new Unit(id, id, kind));
        return this;
    }

    Fixture group(String id, String lead) {
        groups.add(new Group(id, "专项组 " + id, lead));
        return this;
    }

    Fixture notice(String id, String deadline, String... addressed) {
        notices.add(new Notice(id, "约稿 " + id, "…", at(deadline).minusSeconds(7 * 86400), at(deadline),
                List.of(addressed)));
        return this;
    }

    /** An accepted item without occurred_at, notice or group. */
    Fixture item(String id, String unit, ItemType type, String submitted) {
        return add(new Item(id, unit, type, id, "…", at(submitted), null, null, null, null, ItemStatus.ACCEPTED,
                false));
    }

    Fixture rejected(String id, String unit, ItemType type, String submitted) {
        return add(new Item(id, unit, type, id, "…", at(submitted), null, null, null, null, ItemStatus.REJECTED,
                false));
    }

    Fixture research(String id, String unit, String submitted, boolean qualified) {
        return add(new Item(id, unit, ItemType.RESEARCH, id, "…", at(submitted), null, null, null, null,
                ItemStatus.ACCEPTED, qualified));
    }

    Fixture commissioned(String id, String unit, String notice, String submitted, ItemStatus status) {
        return add(new Item(id, unit, ItemType.COMMISSIONED, id, "…", at(submitted), null, notice, null, null, status,
                false));
    }

    Fixture timeBound(String id, String unit, ItemType type, String occurred, String submitted, String follows) {
        return add(new Item(id, unit, type, id, "…", at(submitted), at(occurred), null, null, follows,
                ItemStatus.ACCEPTED, false));
    }

    Fixture summary(String id, String unit, String group, String submitted) {
        return add(new Item(id, unit, ItemType.GROUP_SUMMARY, id, "…", at(submitted), null, null, group, null,
                ItemStatus.ACCEPTED, false));
    }

    /** {@code count} accepted items of {@code type} submitted on the 10th of {@code month} (yyyy-MM). */
    Fixture many(String unit, ItemType type, String month, int count) {
        for (int i = 0; i < count; i++) {
            item(unit + "-" + type.wire() + "-" + month + "-" + i, unit, type, month + "-10T10:00:00+08:00");
        }
        return this;
    }

    Fixture add(Item item) {
        items.add(item);
        return this;
    }

    Fixture adopt(String item, AdoptionLevel level, String day) {
        adoptions.add(new Adoption(item, level, LocalDate.parse(day), "2025年第" + (adoptions.size() + 1) + "期"));
        return this;
    }

    Fixture report(String id, String unit, Channel channel, String outlet, OutletLevel level, String manuscript,
            String published, String reported) {
        publicity.add(new Publicity(id, unit, channel, outlet, level, id, manuscript, LocalDate.parse(published),
                at(reported)));
        return this;
    }

    Fixture asOf(String timestamp) {
        asOf = at(timestamp);
        return this;
    }

    Fixture config(Map<String, Object> overrides) {
        config = overrides;
        return this;
    }

    ScoreSheet score(String period) {
        BazhouPolicy policy = new BazhouPolicy(BazhouParameters.from(BazhouParameters.config(config), ZONE));
        return policy.score(new PeriodFacts(Period.parse(period), asOf, units, groups, outlets,
                new WorkCalendar(List.of(CALENDAR_2025, CALENDAR_2026)), notices, items, adoptions, publicity));
    }

    List<PointLine> lines(String period, String unit) {
        return score(period).lines().stream().filter(l -> l.unit().equals(unit)).toList();
    }

    List<PointLine> lines(String period, String unit, Category category) {
        return lines(period, unit).stream().filter(l -> l.category() == category).toList();
    }

    List<PointLine> linesOf(String period, String ref) {
        return score(period).lines().stream().filter(l -> l.ref().equals(ref)).toList();
    }

    int points(String period, String unit, Category category) {
        return lines(period, unit, category).stream().mapToInt(PointLine::points).sum();
    }

    int points(String period, String ref) {
        return linesOf(period, ref).stream().mapToInt(PointLine::points).sum();
    }
}
