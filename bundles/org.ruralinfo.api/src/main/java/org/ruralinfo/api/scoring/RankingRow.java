package org.ruralinfo.api.scoring;

import java.util.List;

/** One unit's row of a ranking report v1; its {@code lines} add up to its {@code score}. */
public record RankingRow(int rank, String unit, String name, int score, int information, int news, int online,
        int deductions, List<PointLine> lines) {
    public RankingRow {
        lines = List.copyOf(lines);
    }
}
