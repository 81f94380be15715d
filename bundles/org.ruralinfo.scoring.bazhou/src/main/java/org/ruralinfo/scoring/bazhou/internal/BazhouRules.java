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
import org.ruralinfo.api.Item;
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
        return new ScoreSheet(lines, tieBreak(period, booking.unitOf(), booking.adoptions()));
    }

    /**
     * Every line of a year's facts, booked in its quarter and sorted, with the unit of each counting item
     * and their adoptions. A quarter's lines are computed from the whole year, so the year's five reports share
     * one booking: it is kept for the next call while that call has the very same records (the engine
     * passes the same immutable lists for every period of a year at one revision) and an {@code asOf}
     * at which the same shortfalls have fallen due ({@link DeductionScorer#sameDue}).
     */
    private record Booking(PeriodFacts facts, Map<String, String> unitOf, List<Adoption> adoptions,
            List<Booked> booked) {
    }

    private volatile Booking last;

    private Booking booking(PeriodFacts facts) {
        int year = facts.period().year();
        Timeline time = new Timeline(params.zone(), facts.calendar());
        Booking b = last;
        if (b != null && b.facts().period().year() == year && sameRecords(b.facts(), facts)
                && DeductionScorer.sameDue(time, year, b.facts().asOf(), facts.asOf(), facts.notices())) {
            return b;
        }
        // Art. 7(5): rejected items count for nothing anywhere. Open question: do items still in the
        // unit's workflow (submitted, approved, signed) count? Reading: only what the editor screened in
        // (`counting.statuses` = accepted) scores or meets a quota; the example holds only accepted and
        // rejected items, and counting rejected ones too breaks 50 of its rows.
        List<Item> counting = facts.items().stream()
                .filter(i -> params.counting().contains(i.status()) && i.submittedAt() != null)
                .sorted(Comparator.comparing(Item::id)).toList();
        List<Adoption> adoptions = adoptionsOf(counting, facts.adoptions());

        List<Booked> booked = new ArrayList<>();
        booked.addAll(new InformationScorer(params.information(), time).score(counting, adoptions, facts.notices()));
        booked.addAll(new PublicityScorer(params.publicity(), time).score(year, facts.publicity(), facts.outlets()));
        booked.addAll(new DeductionScorer(params, time).score(year, facts.asOf(), facts.units(), facts.groups(),
                facts.notices(), counting));
        booked.sort(Comparator.comparing((Booked x) -> x.quarter().quarter())
                .thenComparing(x -> x.line().category())
                .thenComparing(x -> x.line().ref())
                .thenComparing(x -> x.line().rule()));
        Map<String, String> unitOf = new HashMap<>();
        counting.forEach(i -> unitOf.put(i.id(), i.unit()));
        Booking fresh = new Booking(facts, unitOf, adoptions, List.copyOf(booked));
        last = fresh;
        return fresh;
    }

    /** Whether two facts hold the very same records (the same immutable lists), whatever their period. */
    private static boolean sameRecords(PeriodFacts a, PeriodFacts b) {
        return a.items() == b.items() && a.adoptions() == b.adoptions() && a.publicity() == b.publicity()
                && a.notices() == b.notices() && a.units() == b.units() && a.groups() == b.groups()
                && a.outlets() == b.outlets() && a.calendar() == b.calendar();
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
    private static Map<String, Integer> tieBreak(Period period, Map<String, String> unitOf, List<Adoption> adoptions) {
        java.time.LocalDate first = period.firstDay();
        java.time.LocalDate last = period.lastDay();
        Map<String, Integer> key = new HashMap<>();
        for (Adoption a : adoptions) {
            if (a.level() != AdoptionLevel.PREFECTURE_BRIEFING && !a.at().isBefore(first) && !a.at().isAfter(last)) {
                key.merge(unitOf.get(a.item()), 1, Integer::sum);
            }
        }
        return key;
    }
}
