package org.ruralinfo.supervision;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.UnitKind;

/**
 * The monthly summary (一月一汇总): per unit, in the fixed unit order.
 *
 * @param units every unit, with nothing still listed
 */
public record MonthlySummary(YearMonth month, List<Row> units) {
    public MonthlySummary {
        units = List.copyOf(units);
    }

    /**
     * One unit's month (local time).
     *
     * @param submitted items that reached the prefecture in the month (submitted_at in the month)
     * @param accepted  of those, accepted by the editor
     * @param rejected  of those, rejected by the editor
     * @param adopted   adoptions dated in the month of the unit's items, per level
     * @param shortfall items missing against the month's quota and group summaries (progress while the month
     *                  runs; once it ended, the Art. 20 quota lines deduct exactly these)
     */
    public record Row(String unit, String name, UnitKind kind, int submitted, int accepted, int rejected,
            Map<AdoptionLevel, Integer> adopted, int shortfall) {
        public Row {
            adopted = Map.copyOf(adopted);
        }
    }
}
