package org.ruralinfo.api.scoring;

import java.util.List;
import java.util.Map;

/**
 * What a policy answers for a period.
 *
 * @param lines    every explained point line of every unit in the period
 * @param tieBreak per unit, the key that orders units of equal score (higher first, then unit id);
 *                 a unit missing here counts as 0
 */
public record ScoreSheet(List<PointLine> lines, Map<String, Integer> tieBreak) {
    public ScoreSheet {
        lines = List.copyOf(lines);
        tieBreak = Map.copyOf(tieBreak);
    }
}
