package org.ruralinfo.scoring.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ruralinfo.api.Unit;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.api.scoring.Evaluation;
import org.ruralinfo.api.scoring.EvaluationRules;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.PointLine;
import org.ruralinfo.api.scoring.PolicyRef;
import org.ruralinfo.api.scoring.RankingReport;
import org.ruralinfo.api.scoring.RankingRow;
import org.ruralinfo.api.scoring.ScoreSheet;

/**
 * Turns a policy's {@link ScoreSheet} into a ranking report: a pure function, policy-free.
 * <ul>
 * <li>Every unit of every kind gets a row, even with no lines (ranking report v1).</li>
 * <li>{@code score = information + news + online + deductions}, each the sum of the unit's lines of
 * that category; the unit's lines keep the policy's order.</li>
 * <li>Units are ranked per kind (Art. 3) by score, higher first; ties rank equal (1, 2, 2, 4).
 * Among equals the display order is by the sheet's tie-break key, higher first (a missing key is
 * 0), then by unit id (Ruling on Art. 21).</li>
 * <li>A year adds the evaluation (Art. 21): a unit is in the top N of its kind when fewer than N
 * units of its kind scored strictly more, in the bottom N when fewer than N scored strictly less;
 * ties at the edge are all in; a commended unit is never also named. Both lists are in display
 * order. A quarter has no evaluation.</li>
 * </ul>
 */
public final class Ranker {

    private Ranker() {
    }

    /**
     * @return the ranking of {@code units} for {@code period} from the policy's {@code sheet}
     */
    public static RankingReport rank(Period period, PolicyRef policy, List<Unit> units, ScoreSheet sheet,
            EvaluationRules rules) {
        Map<String, List<PointLine>> linesByUnit = new LinkedHashMap<>();
        for (Unit u : units) {
            linesByUnit.put(u.id(), new ArrayList<>());
        }
        for (PointLine line : sheet.lines()) {
            List<PointLine> own = linesByUnit.get(line.unit());
            if (own != null) {
                own.add(line);
            }
        }

        Map<UnitKind, List<RankingRow>> kinds = new EnumMap<>(UnitKind.class);
        for (UnitKind kind : UnitKind.values()) {
            List<RankingRow> rows = new ArrayList<>();
            for (Unit u : units) {
                if (u.kind() == kind) {
                    rows.add(row(u, linesByUnit.get(u.id())));
                }
            }
            kinds.put(kind, List.copyOf(ranked(rows, sheet.tieBreak())));
        }
        Evaluation evaluation = period.isYear() ? evaluate(kinds, rules) : null;
        return new RankingReport(period, policy, kinds, evaluation);
    }

    /** A row with rank 0: the sums of its lines by category. */
    private static RankingRow row(Unit unit, List<PointLine> lines) {
        int information = 0;
        int news = 0;
        int online = 0;
        int deductions = 0;
        for (PointLine line : lines) {
            switch (line.category()) {
                case INFORMATION -> information += line.points();
                case NEWS -> news += line.points();
                case ONLINE -> online += line.points();
                case DEDUCTIONS -> deductions += line.points();
                default -> throw new IllegalStateException("category " + line.category());
            }
        }
        int score = information + news + online + deductions;
        return new RankingRow(0, unit.id(), unit.name(), score, information, news, online, deductions, lines);
    }

    /** The rows of one kind in display order, with their ranks. */
    private static List<RankingRow> ranked(List<RankingRow> rows, Map<String, Integer> tieBreak) {
        List<RankingRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(RankingRow::score).reversed()
                .thenComparing(Comparator.comparingInt((RankingRow r) -> tieBreak.getOrDefault(r.unit(), 0))
                        .reversed())
                .thenComparing(RankingRow::unit));
        List<RankingRow> result = new ArrayList<>(sorted.size());
        int rank = 0;
        for (int k = 0; k < sorted.size(); k++) {
            RankingRow r = sorted.get(k);
            if (k == 0 || r.score() != sorted.get(k - 1).score()) {
                rank = k + 1; // 1 + how many scored strictly more: ties rank equal (1, 2, 2, 4)
            }
            result.add(new RankingRow(rank, r.unit(), r.name(), r.score(), r.information(), r.news(), r.online(),
                    r.deductions(), r.lines()));
        }
        return result;
    }

    private static Evaluation evaluate(Map<UnitKind, List<RankingRow>> kinds, EvaluationRules rules) {
        Map<UnitKind, List<String>> commended = new EnumMap<>(UnitKind.class);
        Map<UnitKind, List<String>> named = new EnumMap<>(UnitKind.class);
        for (UnitKind kind : UnitKind.values()) {
            List<RankingRow> rows = kinds.get(kind);
            int top = rules.commended().getOrDefault(kind, 0);
            int bottom = rules.named().getOrDefault(kind, 0);
            List<String> up = new ArrayList<>();
            List<String> down = new ArrayList<>();
            int[] below = below(rows);
            for (int k = 0; k < rows.size(); k++) {
                RankingRow r = rows.get(k);
                if (r.rank() - 1 < top) { // fewer than top scored strictly more
                    up.add(r.unit());
                } else if (below[k] < bottom) {
                    // commendation wins where the two lists meet
                    down.add(r.unit());
                }
            }
            commended.put(kind, List.copyOf(up));
            named.put(kind, List.copyOf(down));
        }
        return new Evaluation(commended, named);
    }

    /** @return for each row of {@code rows} (by score, higher first), how many rows scored strictly less */
    private static int[] below(List<RankingRow> rows) {
        int[] out = new int[rows.size()];
        int lower = 0;
        for (int k = rows.size() - 1; k >= 0; k--) {
            if (k < rows.size() - 1 && rows.get(k).score() != rows.get(k + 1).score()) {
                lower = rows.size() - 1 - k;
            }
            out[k] = lower;
        }
        return out;
    }
}
