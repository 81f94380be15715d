package org.ruralinfo.api.scoring;

import java.util.List;
import java.util.Map;

import org.ruralinfo.api.UnitKind;

/**
 * A ranking report v1 ({@code "format": "ruralinfo-ranking/1"}): per unit kind, every unit's row
 * in display order; the year adds the {@code evaluation} (null for a quarter).
 */
public record RankingReport(Period period, PolicyRef policy, Map<UnitKind, List<RankingRow>> kinds,
        Evaluation evaluation) {
    public static final String FORMAT = "ruralinfo-ranking/1";

    public RankingReport {
        kinds = Map.copyOf(kinds);
    }
}
