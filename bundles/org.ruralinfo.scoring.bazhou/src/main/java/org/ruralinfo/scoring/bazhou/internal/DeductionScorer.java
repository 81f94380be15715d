package org.ruralinfo.scoring.bazhou.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.ruralinfo.api.Group;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.Notice;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.scoring.Category;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.PointLine;

/**
 * Art. 20 deductions, against the Art. 6 quotas, the Art. 8 time standards and the Art. 9 notices.
 * <ul>
 * <li>Monthly quota: per item short, in the quarter of the month. Counties and member units count
 * {@code work_results} and {@code experience}, departments {@code business} only (ruling).</li>
 * <li>A lead unit owes, besides its own, the summary items of each group it leads, counted for the
 * group they name (ruling).</li>
 * <li>Research: per qualifying research item short (ruling: only qualifying research counts), −20,
 * per half-year in Q2 and Q4 for counties and member units, per year in Q4 for departments.</li>
 * <li>A department's yearly shortfall of business items, in Q4, only where it exceeds the monthly
 * shortfalls already deducted that year (ruling: never twice for the same missing item).</li>
 * <li>Commissioned: per notice and addressed unit with no counting item delivered by the deadline,
 * in the quarter of the deadline.</li>
 * <li>Late time-bound items (ruling): an emergency more than 2:00:00 after {@code occurred_at}, a
 * meeting item at or after 00:00 following the 3rd working day after the local day it occurred;
 * in the quarter of {@code submitted_at}.</li>
 * <li>A shortfall counts only once its period (month, half-year, year, deadline) has ended at
 * {@code asOf}; until then it is progress, not lost points.</li>
 * </ul>
 * Items given here are the counting ones: rejected items count for nothing anywhere. Commissioned
 * and research items never count towards the monthly quotas, so a late one is deducted once (its own
 * line), never also as a quota shortfall (ruling on Art. 20).
 */
final class DeductionScorer {
    static final String RULE = "Art.20";
    /** The ref prefix of a commissioned deadline missed: {@code notice:<notice>:<unit>}. */
    static final String NOTICE_REF = "notice:";

    private final BazhouParameters params;
    private final Timeline time;

    DeductionScorer(BazhouParameters params, Timeline time) {
        this.params = params;
        this.time = time;
    }

    List<Booked> score(int year, Instant asOf, List<Unit> units, List<Group> groups, List<Notice> notices,
            List<Item> counting) {
        List<Booked> out = new ArrayList<>();
        // Each unit's own items, gathered once: counting them by scanning every item of the region for
        // each unit and month took units × months × items steps (minutes for a region, issue #9).
        Map<String, List<Item>> byUnit = new HashMap<>();
        for (Item i : counting) {
            byUnit.computeIfAbsent(i.unit(), k -> new ArrayList<>()).add(i);
        }
        Map<String, Unit> unitById = new HashMap<>();
        for (Unit unit : units) {
            unitById.putIfAbsent(unit.id(), unit);
            List<Item> own = byUnit.getOrDefault(unit.id(), List.of());
            quotas(year, asOf, unit, own, out);
            research(year, asOf, unit, own, out);
        }
        for (Group group : groups) {
            Unit lead = unitById.get(group.lead());
            if (lead != null) {
                groupSummaries(year, asOf, lead, group, byUnit.getOrDefault(lead.id(), List.of()), out);
            }
        }
        commissioned(year, asOf, units, notices, counting, out);
        late(counting, out);
        return out;
    }

    /** Monthly quota, and the yearly quota beyond the monthly shortfalls already deducted. */
    private void quotas(int year, Instant asOf, Unit unit, List<Item> counting, List<Booked> out) {
        var q = params.quotas();
        Set<ItemType> types = q.types().getOrDefault(unit.kind(), Set.of());
        Predicate<Item> own = i -> i.unit().equals(unit.id()) && types.contains(i.type());
        int monthly = q.monthly().getOrDefault(unit.kind(), 0);
        // the unit's items of the year by local month, in one pass
        int[] perMonth = new int[13];
        int inYear = 0;
        for (Item i : counting) {
            if (i.submittedAt() != null && own.test(i)) {
                LocalDate day = time.day(i.submittedAt());
                if (day.getYear() == year) {
                    perMonth[day.getMonthValue()]++;
                    inYear++;
                }
            }
        }
        int monthlyShort = 0;
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            if (!ended(month.atEndOfMonth(), asOf)) {
                continue;
            }
            int count = perMonth[m];
            int missing = Math.max(0, monthly - count);
            monthlyShort += missing;
            if (missing > 0) {
                out.add(new Booked(Period.quarterOf(month.atDay(1)), line(unit.id(),
                        missing * params.deductions().quotaItem(), "quota:" + unit.id() + ":" + month,
                        count + " of " + monthly + " monthly items")));
            }
        }
        int yearly = q.yearly().getOrDefault(unit.kind(), 0);
        LocalDate lastDay = LocalDate.of(year, 12, 31);
        if (yearly > 0 && ended(lastDay, asOf)) {
            int count = inYear;
            // ruling on Art. 6(3): only the excess over the monthly shortfalls already deducted
            int missing = Math.max(0, yearly - count) - monthlyShort;
            if (missing > 0) {
                out.add(new Booked(Period.quarterOf(lastDay), line(unit.id(),
                        missing * params.deductions().quotaItem(), "quota:" + unit.id() + ":" + year,
                        count + " of " + yearly + " yearly items, " + monthlyShort
                                + " already deducted monthly")));
            }
        }
    }

    /** Qualifying research per half-year (booked in Q2 and Q4) and per year (booked in Q4). */
    private void research(int year, Instant asOf, Unit unit, List<Item> counting, List<Booked> out) {
        var q = params.quotas();
        Predicate<Item> research = i -> i.unit().equals(unit.id()) && i.type() == ItemType.RESEARCH
                && i.researchQualified();
        int perHalf = q.researchPerHalfYear().getOrDefault(unit.kind(), 0);
        for (int half = 1; half <= 2 && perHalf > 0; half++) {
            LocalDate first = LocalDate.of(year, half == 1 ? 1 : 7, 1);
            LocalDate last = first.plusMonths(6).minusDays(1);
            researchShortfall(unit, research, first, last, perHalf, asOf, counting,
                    "research:" + unit.id() + ":" + year + "-H" + half, "half-year", out);
        }
        int perYear = q.researchPerYear().getOrDefault(unit.kind(), 0);
        if (perYear > 0) {
            researchShortfall(unit, research, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), perYear, asOf,
                    counting, "research:" + unit.id() + ":" + year, "yearly", out);
        }
    }

    private void researchShortfall(Unit unit, Predicate<Item> research, LocalDate first, LocalDate last, int quota,
            Instant asOf, List<Item> counting, String ref, String what, List<Booked> out) {
        if (!ended(last, asOf)) {
            return;
        }
        int count = count(counting, research.and(i -> within(time.day(i.submittedAt()), first, last)));
        int missing = Math.max(0, quota - count);
        if (missing > 0) {
            out.add(new Booked(Period.quarterOf(last), line(unit.id(), missing * params.deductions().research(), ref,
                    count + " of " + quota + " qualifying research items, " + what)));
        }
    }

    /** The lead unit's summary items for one group it leads, per month (ruling on Art. 6(2)). */
    private void groupSummaries(int year, Instant asOf, Unit lead, Group group, List<Item> counting,
            List<Booked> out) {
        int quota = params.quotas().leadGroupMonthly();
        Set<ItemType> types = params.quotas().leadTypes();
        int[] perMonth = new int[13];
        for (Item i : counting) {
            if (i.submittedAt() != null && i.unit().equals(lead.id()) && types.contains(i.type())
                    && group.id().equals(i.group())) {
                LocalDate day = time.day(i.submittedAt());
                if (day.getYear() == year) {
                    perMonth[day.getMonthValue()]++;
                }
            }
        }
        for (int m = 1; m <= 12 && quota > 0; m++) {
            YearMonth month = YearMonth.of(year, m);
            if (!ended(month.atEndOfMonth(), asOf)) {
                continue;
            }
            int count = perMonth[m];
            int missing = Math.max(0, quota - count);
            if (missing > 0) {
                out.add(new Booked(Period.quarterOf(month.atDay(1)), line(lead.id(),
                        missing * params.deductions().quotaItem(),
                        "group:" + group.id() + ":" + lead.id() + ":" + month,
                        count + " of " + quota + " summary items for " + group.name())));
            }
        }
    }

    /** Per notice and addressed unit without a counting item by the deadline, once the deadline passed. */
    private void commissioned(int year, Instant asOf, List<Unit> units, List<Notice> notices, List<Item> counting,
            List<Booked> out) {
        // the (notice, unit) pairs delivered on time, in one pass over the items
        Map<String, Notice> noticeById = new HashMap<>();
        for (Notice n : notices) {
            noticeById.putIfAbsent(n.id(), n);
        }
        Set<String> deliveredOnTime = new HashSet<>();
        for (Item i : counting) {
            Notice n = i.type() == ItemType.COMMISSIONED && i.notice() != null ? noticeById.get(i.notice()) : null;
            if (n != null && InformationScorer.onTime(i, n)) {
                deliveredOnTime.add(n.id() + "\u0000" + i.unit());
            }
        }
        for (Notice notice : notices) {
            // the deadline instant itself is still on time, so the shortfall counts only after it
            if (time.day(notice.deadline()).getYear() != year || !notice.deadline().isBefore(asOf)) {
                continue;
            }
            for (Unit unit : units) {
                if (!notice.units().contains(unit.id())) {
                    continue;
                }
                boolean delivered = deliveredOnTime.contains(notice.id() + "\u0000" + unit.id());
                if (!delivered) {
                    out.add(new Booked(time.quarter(notice.deadline()), line(unit.id(),
                            params.deductions().commissioned(), NOTICE_REF + notice.id() + ":" + unit.id(),
                            "no accepted item by the deadline " + notice.deadline().atZone(time.zone())
                                    .toLocalDateTime())));
                }
            }
        }
    }

    /** Late time-bound items, in the quarter of {@code submitted_at} (ruling on Art. 20). */
    private void late(List<Item> counting, List<Booked> out) {
        for (Item item : counting) {
            if (item.occurredAt() == null || item.submittedAt() == null) {
                continue;
            }
            String late = null;
            if (item.type() == ItemType.EMERGENCY) {
                // on time at most 2:00:00 after it occurred (inclusive); follow-ups against their own time
                Instant deadline = item.occurredAt().plus(params.deadlines().emergency());
                if (item.submittedAt().isAfter(deadline)) {
                    late = "emergency reported later than " + params.deadlines().emergency().toMinutes()
                            + " minutes after it occurred";
                }
            } else if (item.type() == ItemType.MEETING) {
                // on time before 00:00 following the n-th working day after the local day it was made
                Instant deadline = time.endOfWorkdaysAfter(time.day(item.occurredAt()),
                        params.deadlines().meetingWorkdays());
                if (!item.submittedAt().isBefore(deadline)) {
                    late = "meeting item reported after " + params.deadlines().meetingWorkdays()
                            + " working days";
                }
            }
            if (late != null) {
                out.add(new Booked(time.quarter(item.submittedAt()),
                        line(item.unit(), params.deductions().lateItem(), "item:" + item.id(), late)));
            }
        }
    }

    /**
     * Whether the same shortfalls of {@code year} have fallen due at {@code a} and at {@code b}: the only
     * ways {@code asOf} enters the deductions are {@link #ended} of a month (half-years and the year end
     * with a month) and a commissioned deadline having passed ({@link #commissioned}). Lines booked at
     * {@code a} are then exactly those booked at {@code b}.
     */
    static boolean sameDue(Timeline time, int year, Instant a, Instant b, List<Notice> notices) {
        if (a.equals(b)) {
            return true;
        }
        for (int m = 1; m <= 12; m++) {
            Instant end = time.endOf(YearMonth.of(year, m).atEndOfMonth());
            if (a.isBefore(end) != b.isBefore(end)) {
                return false;
            }
        }
        for (Notice n : notices) {
            if (n.deadline().isBefore(a) != n.deadline().isBefore(b)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the period ending with the local day {@code last} has ended at {@code asOf}. */
    private boolean ended(LocalDate last, Instant asOf) {
        return !asOf.isBefore(time.endOf(last));
    }

    private static boolean within(LocalDate day, LocalDate first, LocalDate last) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    private static int count(List<Item> items, Predicate<Item> which) {
        return (int) items.stream().filter(i -> i.submittedAt() != null).filter(which).count();
    }

    private static PointLine line(String unit, int pts, String ref, String reason) {
        return new PointLine(unit, Category.DEDUCTIONS, pts, RULE, ref, reason);
    }
}
