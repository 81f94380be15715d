package org.ruralinfo.scoring.bazhou.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.Notice;
import org.ruralinfo.api.scoring.Category;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.PointLine;

/**
 * Art. 19(1) information points, counted by the prefecture bureau.
 * <ul>
 * <li>Adoption points in the quarter of the adoption's date; by ruling they add up over the distinct
 * events of one item (5 + 10 + 20).</li>
 * <li>A commissioned item: 5 on submission, once per notice and unit, for its first counting item
 * delivered by the deadline (at the deadline instant is on time), in the quarter of
 * {@code submitted_at}; 10 when the prefecture adopts it, replacing the briefing 5 (ruling).</li>
 * <li>Qualifying research: 10 on submission (quarter of {@code submitted_at}), 20 regional
 * publication, 30 regional instruction, and like any item 5 for the briefing; research that does
 * not qualify is ordinary information.</li>
 * <li>Rejected items (Art. 7(5)) earn nothing.</li>
 * </ul>
 * Rules of other regions, each a parameter whose default is the Bayingolin reading:
 * <ul>
 * <li>{@code information.cumulative = false}: an item scores only its highest adoption level; a later,
 * higher event adds the difference in its own quarter (a ranked quarter never changes).</li>
 * <li>{@code adoption.split_combined = true}: the points of a combined (综合) adoption, one crediting
 * several units ({@link Adoption#units()} besides the item's own unit), are split equally among them:
 * each gets {@code points / n} (integer division) and the remainder goes to the item's own unit, so
 * the shares add up to the points (5 among 2: 3 + 2; 5 among 3: 3 + 1 + 1). With {@code false}
 * (Bayingolin) the item's own unit gets the full points and the listed units nothing.</li>
 * <li>{@code instruction.tiers}: an ordinary item's {@code region_instruction} scores by the level of
 * the leader who instructed ({@link Adoption#leader()}); qualifying research keeps
 * {@code research.region_instruction}.</li>
 * </ul>
 */
final class InformationScorer {
    static final String RULE = "Art.19(1)";

    private final BazhouParameters.InformationPoints points;
    private final Timeline time;

    InformationScorer(BazhouParameters.InformationPoints points, Timeline time) {
        this.points = points;
        this.time = time;
    }

    List<Booked> score(List<Item> counting, List<Adoption> adoptions, List<Notice> notices) {
        List<Booked> out = new ArrayList<>();
        Map<String, List<Adoption>> byItem = new HashMap<>();
        for (Adoption a : adoptions) {
            byItem.computeIfAbsent(a.item(), k -> new ArrayList<>()).add(a);
        }
        for (Item item : counting) {
            submission(item, out);
            List<Adoption> events = new ArrayList<>(byItem.getOrDefault(item.id(), List.of()));
            events.sort(Comparator.comparing(Adoption::at).thenComparing(Adoption::level));
            int best = 0;
            for (Adoption a : events) {
                int earned = adoptionPoints(item, a);
                // ruling: points add up over distinct events; otherwise (another prefecture's
                // reading) only the highest counts, a later higher event adding the difference
                int pts = points.cumulative() ? earned : Math.max(0, earned - best);
                best = Math.max(best, earned);
                credit(item, a, pts, reason(item, a), out);
            }
        }
        commissionedSubmissions(counting, notices, out);
        return out;
    }

    /**
     * Books an adoption's points in the quarter of its date: to the item's unit, or, where
     * {@code adoption.split_combined} holds and the adoption credits other units too, split equally
     * among them (integer division, the remainder to the item's own unit).
     */
    private void credit(Item item, Adoption a, int pts, String reason, List<Booked> out) {
        Period quarter = Period.quarterOf(a.at());
        Set<String> credited = new LinkedHashSet<>();
        credited.add(item.unit());
        credited.addAll(a.units());
        if (!points.splitCombined() || credited.size() == 1) {
            out.add(new Booked(quarter, line(item, pts, reason)));
            return;
        }
        int n = credited.size();
        int share = pts / n;
        int remainder = pts - share * n;
        String combined = " — combined (综合) adoption credited to " + n + " units (" + String.join(", ", credited)
                + "), " + pts + " split equally, the remainder to " + item.unit() + " (rule adoption.split_combined)";
        for (String unit : credited) {
            int own = unit.equals(item.unit()) ? share + remainder : share;
            if (own != 0 || unit.equals(item.unit())) {
                out.add(new Booked(quarter, new PointLine(unit, Category.INFORMATION, own, RULE, "item:" + item.id(),
                        reason + combined + ": share " + own)));
            }
        }
    }

    /** Qualifying research earns its submission points in the quarter of {@code submitted_at}. */
    private void submission(Item item, List<Booked> out) {
        if (item.type() == ItemType.RESEARCH && item.researchQualified()) {
            out.add(new Booked(time.quarter(item.submittedAt()),
                    line(item, points.researchQualified(), "qualifying research submitted 有质量的调研信息")));
        }
    }

    /**
     * The commissioned 5 is earned once per notice and unit, by the first counting item (by
     * {@code submitted_at}, then id) delivered at or before the deadline, for a unit the notice addresses.
     */
    private void commissionedSubmissions(List<Item> counting, List<Notice> notices, List<Booked> out) {
        Map<String, Notice> byId = new HashMap<>();
        for (Notice n : notices) {
            byId.put(n.id(), n);
        }
        Map<String, Item> first = new LinkedHashMap<>();
        for (Item item : counting) {
            Notice notice = item.type() == ItemType.COMMISSIONED ? byId.get(item.notice()) : null;
            if (notice == null || !notice.units().contains(item.unit()) || !onTime(item, notice)) {
                continue;
            }
            first.merge(notice.id() + "\u0000" + item.unit(), item,
                    (a, b) -> order(a).compareTo(order(b)) <= 0 ? a : b);
        }
        for (Item item : first.values()) {
            out.add(new Booked(time.quarter(item.submittedAt()), line(item, points.commissionedSubmitted(),
                    "commissioned item delivered by the deadline of " + item.notice() + " 约稿报送")));
        }
    }

    private static String order(Item item) {
        return item.submittedAt() + "\u0000" + item.id();
    }

    static boolean onTime(Item item, Notice notice) {
        Instant at = item.submittedAt();
        return at != null && !at.isAfter(notice.deadline());
    }

    private int adoptionPoints(Item item, Adoption a) {
        AdoptionLevel level = a.level();
        if (item.type() == ItemType.RESEARCH && item.researchQualified()) {
            return points.research().get(level);
        }
        if (item.type() == ItemType.COMMISSIONED && level == AdoptionLevel.PREFECTURE_BRIEFING) {
            // ruling: the commissioned 10 replaces the briefing 5 (5 + 10, not 5 + 10 + 5)
            return points.commissionedReplacesBriefing() ? points.commissionedAdopted()
                    : points.commissionedAdopted() + points.adoption().get(level);
        }
        if (level == AdoptionLevel.REGION_INSTRUCTION) {
            // instruction.tiers (another region's rule): by the leader's level; empty: the flat value
            return points.instruction(a.leader());
        }
        return points.adoption().get(level);
    }

    private String reason(Item item, Adoption a) {
        String what = switch (a.level()) {
            case PREFECTURE_BRIEFING -> "adopted by prefecture briefing";
            case REGION_PUBLICATION -> "adopted by regional publication";
            case REGION_INSTRUCTION -> "instructed on by a regional leader";
        };
        if (item.type() == ItemType.COMMISSIONED && a.level() == AdoptionLevel.PREFECTURE_BRIEFING) {
            what = "commissioned item " + what;
        } else if (item.type() == ItemType.RESEARCH && item.researchQualified()) {
            what = "qualifying research " + what;
        }
        if (a.level() == AdoptionLevel.REGION_INSTRUCTION && !points.instructionTiers().isEmpty()
                && !(item.type() == ItemType.RESEARCH && item.researchQualified())) {
            String tier = a.leader() != null && points.instructionTiers().containsKey(a.leader()) ? a.leader()
                    : points.instructionTiers().containsKey(BazhouParameters.InformationPoints.DEFAULT_TIER)
                            ? BazhouParameters.InformationPoints.DEFAULT_TIER : null;
            what += " (leader " + (a.leader() == null ? "unknown" : a.leader()) + ": "
                    + (tier == null ? "adoption.region_instruction" : "tier " + tier) + " "
                    + points.instruction(a.leader()) + ", rule instruction.tiers)";
        }
        return a.issue() == null || a.issue().isBlank() ? what + " " + a.at() : what + " " + a.issue();
    }

    private static PointLine line(Item item, int pts, String reason) {
        return new PointLine(item.unit(), Category.INFORMATION, pts, RULE, "item:" + item.id(), reason);
    }
}
