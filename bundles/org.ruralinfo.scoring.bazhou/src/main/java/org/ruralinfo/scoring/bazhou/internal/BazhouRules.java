package org.ruralinfo.scoring.bazhou.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.scoring.EvaluationRules;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.PeriodFacts;
import org.ruralinfo.api.scoring.PointLine;
import org.ruralinfo.api.scoring.ScoreSheet;

/**
 * The Bayingolin measures as a pure function of a period's facts, free of OSGi: Art. 19(1)
 * information points ({@link InformationScorer}), Art. 19(2)/(3) publicity ({@link PublicityScorer})
 * and Art. 20 deductions ({@link DeductionScorer}), each line booked in the quarter whose score holds
 * it; a year is the sum of its four quarters.
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
        Timeline time = new Timeline(params.zone(), facts.calendar());
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

        Set<Period> quarters = Set.copyOf(period.quarters());
        List<Booked> held = new ArrayList<>(booked.stream().filter(b -> quarters.contains(b.quarter())).toList());
        held.sort(Comparator.comparing((Booked b) -> b.quarter().quarter())
                .thenComparing(b -> b.line().category())
                .thenComparing(b -> b.line().ref())
                .thenComparing(b -> b.line().rule()));
        List<PointLine> lines = held.stream().map(Booked::line).toList();
        return new ScoreSheet(lines, tieBreak(period, counting, adoptions));
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
    private static Map<String, Integer> tieBreak(Period period, List<Item> counting, List<Adoption> adoptions) {
        Map<String, String> unitOf = new HashMap<>();
        counting.forEach(i -> unitOf.put(i.id(), i.unit()));
        Map<String, Integer> key = new HashMap<>();
        for (Adoption a : adoptions) {
            if (a.level() != AdoptionLevel.PREFECTURE_BRIEFING && period.contains(a.at())) {
                key.merge(unitOf.get(a.item()), 1, Integer::sum);
            }
        }
        return key;
    }
}
