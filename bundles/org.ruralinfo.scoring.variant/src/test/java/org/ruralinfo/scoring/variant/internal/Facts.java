package org.ruralinfo.scoring.variant.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.CalendarYear;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.Notice;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.api.WorkCalendar;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.PeriodFacts;
import org.ruralinfo.api.scoring.PointLine;

/**
 * The records of one test, built record by record and scored by the variant policy (its defaults unless
 * overridden). Quotas are off unless a test turns them on, so a test sees only the lines of its rule.
 */
final class Facts {
    static final Map<String, Object> NO_QUOTAS = Map.of("quota.county.monthly", 0, "quota.member.monthly", 0,
            "quota.department.monthly", 0, "quota.department.yearly", 0, "research.county.per_halfyear", 0,
            "research.member.per_halfyear", 0, "research.department.per_year", 0);

    final List<Unit> units = new ArrayList<>();
    final List<Notice> notices = new ArrayList<>();
    final List<Item> items = new ArrayList<>();
    final List<Adoption> adoptions = new ArrayList<>();
    Instant asOf = at("2026-06-30T00:00:00+08:00");

    static Instant at(String timestamp) {
        return OffsetDateTime.parse(timestamp).toInstant();
    }

    Facts unit(String id, UnitKind kind) {
        units.add(new Unit(id, id, kind));
        return this;
    }

    Facts item(String id, String unit, String submitted) {
        items.add(new Item(id, unit, ItemType.WORK_RESULTS, id, "…", at(submitted), null, null, null, null,
                ItemStatus.ACCEPTED, false));
        return this;
    }

    Facts commissioned(String id, String unit, String notice, String submitted) {
        items.add(new Item(id, unit, ItemType.COMMISSIONED, id, "…", at(submitted), null, notice, null, null,
                ItemStatus.ACCEPTED, false));
        return this;
    }

    Facts notice(String id, String deadline, String... addressed) {
        notices.add(new Notice(id, "约稿 " + id, "…", at(deadline).minusSeconds(7 * 86400), at(deadline),
                List.of(addressed)));
        return this;
    }

    Facts adopt(String item, AdoptionLevel level, String day) {
        return adopt(item, level, day, List.of(), null);
    }

    /** A combined (综合) adoption crediting {@code units}, or an instruction by a {@code leader}. */
    Facts adopt(String item, AdoptionLevel level, String day, List<String> units, String leader) {
        adoptions.add(new Adoption(item, level, LocalDate.parse(day), null, units, leader));
        return this;
    }

    PeriodFacts facts(String period) {
        return new PeriodFacts(Period.parse(period), asOf, units, List.of(), List.of(),
                new WorkCalendar(List.of(new CalendarYear(2025, List.of(), List.of()))), notices, items, adoptions,
                List.of());
    }

    List<PointLine> lines(String period, Map<String, Object> overrides) {
        Map<String, Object> config = new java.util.HashMap<>(NO_QUOTAS);
        config.putAll(overrides);
        return Variant.policy(config).score(facts(period)).lines();
    }

    List<PointLine> lines(String period) {
        return lines(period, Map.of());
    }

    int points(String period, String unit) {
        return lines(period).stream().filter(l -> l.unit().equals(unit)).mapToInt(PointLine::points).sum();
    }

    int points(String period, String unit, Map<String, Object> overrides) {
        return lines(period, overrides).stream().filter(l -> l.unit().equals(unit)).mapToInt(PointLine::points)
                .sum();
    }
}
