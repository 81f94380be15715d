package org.ruralinfo.api.supervision;

import java.time.Instant;

import org.ruralinfo.api.Wire;

/**
 * What one unit owes in one period and how much counts towards it so far.
 *
 * @param unit     the unit id
 * @param kind     monthly quota, group summaries or research
 * @param ref      the ref of the Art. 20 line a shortfall becomes, e.g. {@code quota:korla:2025-03}
 * @param period   the period, e.g. {@code 2025-03}, {@code 2025-H1}, {@code 2025}
 * @param group    the group for {@link Kind#GROUP}, else null
 * @param required how many items are required
 * @param counted  how many count towards it so far
 * @param ends     the end of the period (exclusive): a shortfall is lost points only from then on
 */
public record Obligation(String unit, Kind kind, String ref, String period, String group, int required,
        int counted, Instant ends) {

    /** What kind of obligation. */
    public enum Kind implements Wire {
        /** the unit's monthly quota (Art. 6) */
        QUOTA,
        /** a lead unit's summary items for one group it leads (Art. 6(2)) */
        GROUP,
        /** qualifying research of the half-year or year (Art. 6) */
        RESEARCH
    }

    /** @return how many are still missing, never below 0 */
    public int missing() {
        return Math.max(0, required - counted);
    }
}
