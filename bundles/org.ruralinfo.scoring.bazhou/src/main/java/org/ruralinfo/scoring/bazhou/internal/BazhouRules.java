package org.ruralinfo.scoring.bazhou.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.Group;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.Publicity;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.scoring.Category;
import org.ruralinfo.api.scoring.EvaluationRules;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.PeriodFacts;
import org.ruralinfo.api.scoring.PointLine;
import org.ruralinfo.api.scoring.ScoreSheet;

/**
 * The Bayingolin measures as a pure function of a period's facts, free of OSGi: Art. 19(1)
 * information points ({@link InformationScorer}), Art. 19(2)/(3) publicity ({@link PublicityScorer})
 * and Art. 20 deductions ({@link DeductionScorer}), each line booked in the quarter whose score holds
 * it; a year is the sum of its four quarters, except where {@code commissioned.missed_zero_year} (another
 * region's rule, off for Bayingolin) adds a year-only line, see {@link #zeroYears}.
 */
public final class BazhouRules {
    private final BazhouParameters params;

    public BazhouRules(BazhouParameters params) {
        this.params = params;
    }

    public BazhouParameters parameters() {
        return params;
    }

    /** Art. 21 and its rulings. */
    public EvaluationRules evaluation() {
        return params.evaluation();
    }

    /**
     * @return the lines of {@code facts.period()} (for a year, those of its four quarters) in the order
     *         quarter, category, ref, and the tie-break key of each unit
     */
    public ScoreSheet score(PeriodFacts facts) {
        Period period = facts.period();
        int year = period.year();
        Booking booking = booking(facts);
        // the booking is in (quarter, category, ref, rule) order, so a period's lines are a filter of it
        Set<Period> quarters = Set.copyOf(period.quarters());
        List<PointLine> lines = new ArrayList<>();
        for (Booked b : booking.booked()) {
            if (quarters.contains(b.quarter())) {
                lines.add(b.line());
            }
        }
        if (period.isYear()) {
            lines.addAll(zeroYears(year, lines));
        }
        return new ScoreSheet(lines, tieBreak(period, booking.ties()));
    }

    /**
     * Every line of a year's facts, booked in its quarter and sorted, with the counting items (by id) and
     * the regional adoption events of the tie-break. A quarter's lines are computed from the whole year, so
     * the year's five reports share one booking: it is kept for the next call while that call has the very
     * same records (the engine passes the same immutable lists for every period of a year at one revision)
     * and an {@code asOf} at which the same shortfalls have fallen due ({@link DeductionScorer#sameDue}).
     * When only items, adoptions or publicity reports changed, only the units they concern are booked
     * again ({@link #rebook}).
     */
    private record Booking(PeriodFacts facts, List<Item> counting, List<TieEvent> ties, List<Booked> booked,
            boolean ordered) {
    }

    /** A regional adoption event of a counting item (ruling on Art. 21), for the tie-break. */
    private record TieEvent(String item, String unit, java.time.LocalDate at) {
    }

    /**
     * The order of the booking: quarter, category, ref, rule, then unit, a total order over the lines of
     * different units, so that booking a few units again and merging gives the very same list.
     */
    private static final Comparator<Booked> ORDER = Comparator.comparing((Booked x) -> x.quarter().quarter())
            .thenComparing(x -> x.line().category())
            .thenComparing(x -> x.line().ref())
            .thenComparing(x -> x.line().rule())
            .thenComparing(x -> x.line().unit());

    private static final Comparator<Item> ITEM_ORDER = Comparator.comparing(Item::id);
    private static final Comparator<Publicity> PUBLICITY_ORDER = Comparator.comparing(Publicity::id);

    /** Re-booking more than this share of the units is done as a whole booking. */
    private static final int REBOOK_MAX_SHARE = 4;

    private volatile Booking last;
    /** How many bookings were made by booking a few units again (for the tests). */
    private final java.util.concurrent.atomic.AtomicInteger rebooked = new java.util.concurrent.atomic.AtomicInteger();

    int rebooked() {
        return rebooked.get();
    }

    private Booking booking(PeriodFacts facts) {
        int year = facts.period().year();
        Timeline time = new Timeline(params.zone(), facts.calendar());
        Booking b = last;
        if (b != null && b.ordered() && b.facts().period().year() == year && sameSetting(b.facts(), facts)
                && DeductionScorer.sameDue(time, year, b.facts().asOf(), facts.asOf(), facts.notices())) {
            if (sameRecords(b.facts(), facts)) {
                return b;
            }
            Booking again = rebook(b, facts, time);
            if (again != null) {
                rebooked.incrementAndGet();
                last = again;
                return again;
            }
        }
        List<Item> counting = facts.items().stream().filter(this::counts).sorted(ITEM_ORDER).toList();
        List<Adoption> adoptions = adoptionsOf(counting, facts.adoptions());
        List<Booked> booked = book(facts, time, counting, adoptions, facts.units(), facts.groups(),
                facts.publicity());
        booked.sort(ORDER);
        // the records in the engine's order (SortedDiff), so that the next booking may be of a few units only
        boolean ordered = SortedDiff.sorted(facts.items(), ITEM_ORDER)
                && SortedDiff.sorted(facts.adoptions(), SortedDiff.ADOPTION_ORDER)
                && SortedDiff.sorted(facts.publicity(), PUBLICITY_ORDER);
        Booking fresh = new Booking(facts, counting, ties(counting, adoptions), List.copyOf(booked), ordered);
        last = fresh;
        return fresh;
    }

    /**
     * Art. 7(5): rejected items count for nothing anywhere. Open question: do items still in the unit's
     * workflow (submitted, approved, signed) count? Reading: only what the editor screened in
     * (`counting.statuses` = accepted) scores or meets a quota; the example holds only accepted and
     * rejected items, and counting rejected ones too breaks 50 of its rows.
     */
    private boolean counts(Item i) {
        return params.counting().contains(i.status()) && i.submittedAt() != null;
    }

    /** The lines of Art. 19(1), 19(2), 19(3) and 20 from the given records, unsorted. */
    private List<Booked> book(PeriodFacts facts, Timeline time, List<Item> counting, List<Adoption> adoptions,
            List<Unit> units, List<Group> groups, List<Publicity> publicity) {
        int year = facts.period().year();
        List<Booked> booked = new ArrayList<>();
        booked.addAll(new InformationScorer(params.information(), time).score(counting, adoptions, facts.notices()));
        booked.addAll(new PublicityScorer(params.publicity(), time).score(year, publicity, facts.outlets()));
        booked.addAll(new DeductionScorer(params, time).score(year, facts.asOf(), units, groups, facts.notices(),
                counting));
        return booked;
    }

    /** The regional adoption events of the counting items. */
    private static List<TieEvent> ties(List<Item> counting, List<Adoption> adoptions) {
        Map<String, String> unitOf = new HashMap<>();
        counting.forEach(i -> unitOf.put(i.id(), i.unit()));
        List<TieEvent> out = new ArrayList<>();
        for (Adoption a : adoptions) {
            String unit = unitOf.get(a.item());
            if (unit != null && a.level() != AdoptionLevel.PREFECTURE_BRIEFING) {
                out.add(new TieEvent(a.item(), unit, a.at()));
            }
        }
        return out;
    }

    /**
     * Books again only the units whose records changed since booking {@code b}, and keeps every other
     * unit's lines: every line of these measures is the unit's own, computed from the unit's items (and
     * their adoptions), its publicity reports, the notices addressed to it and the groups it leads, with
     * the registry, outlets, calendar and notices unchanged ({@link #sameSetting}). A combined adoption
     * (where {@code adoption.split_combined} holds) also concerns the units it credits. The changed records
     * are found by walking the old and the new lists side by side ({@link SortedDiff}); the result equals a
     * whole booking of {@code facts} ({@code IncrementalBookingTest}).
     *
     * @return the booking of {@code facts}, or {@code null} when the records are not in the order the
     *         engine gives them, or too many units changed to gain anything
     */
    private Booking rebook(Booking b, PeriodFacts facts, Timeline time) {
        Map<String, Item[]> changed = new HashMap<>(); // id -> {before, after}
        if (!SortedDiff.changes(b.facts().items(), facts.items(), ITEM_ORDER,
                (before, after) -> changed.put(before != null ? before.id() : after.id(), new Item[] {before, after}))) {
            return null;
        }
        Set<String> adoptionsChanged = new HashSet<>();
        if (!SortedDiff.changes(b.facts().adoptions(), facts.adoptions(), SortedDiff.ADOPTION_ORDER,
                (before, after) -> adoptionsChanged.add(before != null ? before.item() : after.item()))) {
            return null;
        }
        Set<String> touched = new HashSet<>();
        if (!SortedDiff.changes(b.facts().publicity(), facts.publicity(), PUBLICITY_ORDER,
                (before, after) -> {
                    if (before != null) {
                        touched.add(before.unit());
                    }
                    if (after != null) {
                        touched.add(after.unit());
                    }
                })) {
            return null;
        }
        Set<String> changedItems = new HashSet<>(changed.keySet());
        changedItems.addAll(adoptionsChanged);
        // a changed item concerns its unit (before and after) and every unit its adoptions credit
        Map<String, Item> now = new HashMap<>();
        for (Item i : facts.items()) {
            if (changedItems.contains(i.id())) {
                now.put(i.id(), i);
                touched.add(i.unit());
            }
        }
        for (Item i : b.facts().items()) {
            if (changedItems.contains(i.id())) {
                touched.add(i.unit());
            }
        }
        for (List<Adoption> list : List.of(b.facts().adoptions(), facts.adoptions())) {
            for (Adoption a : list) {
                if (!a.units().isEmpty() && changedItems.contains(a.item())) {
                    touched.addAll(a.units());
                }
            }
        }
        if (touched.size() * REBOOK_MAX_SHARE > facts.units().size()) {
            return null;
        }
        // the counting items: the previous ones without the changed, with those that count now
        List<Item> counting = new ArrayList<>(b.counting().size() + changedItems.size());
        for (Item i : b.counting()) {
            if (!changedItems.contains(i.id())) {
                counting.add(i);
            }
        }
        for (Item i : now.values()) {
            if (counts(i)) {
                int at = java.util.Collections.binarySearch(counting, i, ITEM_ORDER);
                counting.add(-at - 1, i);
            }
        }
        counting = List.copyOf(counting);
        // the records that concern the touched units: their own, and items whose adoptions credit them
        Set<String> creditingTouched = new HashSet<>();
        for (Adoption a : facts.adoptions()) {
            if (!a.units().isEmpty() && !java.util.Collections.disjoint(a.units(), touched)) {
                creditingTouched.add(a.item());
            }
        }
        List<Item> theirItems = new ArrayList<>();
        Set<String> theirIds = new HashSet<>();
        for (Item i : counting) {
            if (touched.contains(i.unit()) || creditingTouched.contains(i.id())) {
                theirItems.add(i);
                theirIds.add(i.id());
            }
        }
        List<Adoption> theirAdoptions = new ArrayList<>();
        for (Adoption a : facts.adoptions()) {
            if (theirIds.contains(a.item())) {
                theirAdoptions.add(a);
            }
        }
        List<Booked> fresh = new ArrayList<>();
        for (Booked x : book(facts, time, theirItems, theirAdoptions,
                facts.units().stream().filter(u -> touched.contains(u.id())).toList(),
                facts.groups().stream().filter(g -> touched.contains(g.lead())).toList(),
                facts.publicity().stream().filter(p -> touched.contains(p.unit())).toList())) {
            if (touched.contains(x.line().unit())) {
                fresh.add(x);
            }
        }
        fresh.sort(ORDER);
        List<Booked> kept = new ArrayList<>(b.booked().size());
        for (Booked x : b.booked()) {
            if (!touched.contains(x.line().unit())) {
                kept.add(x);
            }
        }
        // each fresh line where it belongs among the kept ones (never equal: another unit), in one pass
        List<Booked> merged = new ArrayList<>(kept.size() + fresh.size());
        int from = 0;
        for (Booked f : fresh) {
            int at = java.util.Collections.binarySearch(kept.subList(from, kept.size()), f, ORDER);
            int to = from + (at < 0 ? -at - 1 : at);
            merged.addAll(kept.subList(from, to));
            merged.add(f);
            from = to;
        }
        merged.addAll(kept.subList(from, kept.size()));
        // the tie-break events: the previous ones without the changed items', with theirs now
        List<TieEvent> ties = new ArrayList<>(b.ties().size() + 8);
        for (TieEvent t : b.ties()) {
            if (!changedItems.contains(t.item())) {
                ties.add(t);
            }
        }
        List<Item> changedCounting = now.values().stream().filter(this::counts).toList();
        ties.addAll(ties(changedCounting, theirAdoptions.stream().filter(a -> now.containsKey(a.item())).toList()));
        return new Booking(facts, counting, List.copyOf(ties), List.copyOf(merged), true);
    }

    /** Whether two facts have the same registry, outlets, calendar and notices (the same immutable lists). */
    private static boolean sameSetting(PeriodFacts a, PeriodFacts b) {
        return a.notices() == b.notices() && a.units() == b.units() && a.groups() == b.groups()
                && a.outlets() == b.outlets() && a.calendar() == b.calendar();
    }

    /** Whether two facts hold the very same records (the same immutable lists), whatever their period. */
    private static boolean sameRecords(PeriodFacts a, PeriodFacts b) {
        return sameSetting(a, b) && a.items() == b.items() && a.adoptions() == b.adoptions()
                && a.publicity() == b.publicity();
    }

    /**
     * {@code commissioned.missed_zero_year} = N ≥ 1, another region's rule on Art. 20 ("a unit that missed
     * N or more commissioned items in the year scores zero for the year"; Bayingolin: 0, off): one extra
     * Art. 20 line per such unit, ref {@code notice-misses:<unit>:<year>}, that cancels the unit's other
     * lines of the year, so its year score is 0.
     * <p>
     * It is a line of the year alone, booked in no quarter: a quarter once ranked never changes, and
     * the rule is about the year. So with this rule on, the year of such a unit is no longer the sum of
     * its quarters: year = sum of the quarters + this line (for every other unit it still is the sum).
     * <p>
     * Ruling of this implementation: the line is {@code -(sum)} where the unit's year is positive, and 0
     * (with the same explanation) where it is already 0 or below: the rule is a penalty and never raises
     * a score, and the deductions column stays ≤ 0 (ranking report v1). A deadline counts as missed once
     * it has passed ({@code asOf}), like its own −10 line ({@code notice:<notice>:<unit>}).
     */
    private List<PointLine> zeroYears(int year, List<PointLine> lines) {
        int threshold = params.deductions().missedCommissionedZeroYear();
        if (threshold <= 0) {
            return List.of();
        }
        Map<String, List<String>> missed = new TreeMap<>();
        Map<String, Integer> sums = new HashMap<>();
        for (PointLine l : lines) {
            sums.merge(l.unit(), l.points(), Integer::sum);
            if (l.category() == Category.DEDUCTIONS && DeductionScorer.RULE.equals(l.rule())
                    && l.ref().startsWith(DeductionScorer.NOTICE_REF)) {
                // notice:<notice>:<unit>
                String notice = l.ref().substring(DeductionScorer.NOTICE_REF.length(),
                        Math.max(DeductionScorer.NOTICE_REF.length(), l.ref().length() - l.unit().length() - 1));
                missed.computeIfAbsent(l.unit(), k -> new ArrayList<>()).add(notice);
            }
        }
        List<PointLine> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : missed.entrySet()) {
            if (e.getValue().size() < threshold) {
                continue;
            }
            int sum = sums.getOrDefault(e.getKey(), 0);
            int n = e.getValue().size();
            String why = "missed " + n + " commissioned deadline" + (n == 1 ? "" : "s") + " in " + year + " ("
                    + String.join(", ", e.getValue()) + "), " + threshold + " or more: the year scores zero "
                    + "(another region's rule, commissioned.missed_zero_year = " + threshold + ")";
            out.add(new PointLine(e.getKey(), Category.DEDUCTIONS, sum > 0 ? -sum : 0, DeductionScorer.RULE,
                    "notice-misses:" + e.getKey() + ":" + year,
                    sum > 0 ? why + "; cancels the year's other " + sum + " points"
                            : why + "; the year is already " + sum + ", the rule never raises a score"));
        }
        return out;
    }

    /** The adoptions of counting items. */
    private static List<Adoption> adoptionsOf(List<Item> counting, List<Adoption> adoptions) {
        Set<String> ids = new HashSet<>();
        counting.forEach(i -> ids.add(i.id()));
        return adoptions.stream().filter(a -> ids.contains(a.item())).toList();
    }

    /**
     * Ruling on Art. 21: among equal scores, more regional adoption events ({@code region_publication}
     * and {@code region_instruction}) of the unit's items dated in the period come first.
     */
    private static Map<String, Integer> tieBreak(Period period, List<TieEvent> ties) {
        java.time.LocalDate first = period.firstDay();
        java.time.LocalDate last = period.lastDay();
        Map<String, Integer> key = new HashMap<>();
        for (TieEvent t : ties) {
            if (!t.at().isBefore(first) && !t.at().isAfter(last)) {
                key.merge(t.unit(), 1, Integer::sum);
            }
        }
        return key;
    }
}
