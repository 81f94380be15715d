package org.ruralinfo.supervision;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.scoring.Period;

/**
 * Published quarterly rankings frozen as they were (Art. 17, 一季度一排名): later corrections of the records
 * never change a frozen ranking; they show as adjustments against the current one.
 */
@ProviderType
public interface RankingSnapshots {
    /** The editor freezes the ranking of {@code period} as computed now; a conflict if it is frozen already. */
    Snapshot freeze(UserAccount actor, Period period);

    /** @return the frozen ranking of {@code period} with its adjustments against the current one */
    Optional<Snapshot> get(UserAccount actor, Period period);

    /**
     * A frozen ranking.
     *
     * @param report      the ranking report v1 as frozen (JSON)
     * @param adjustments per unit whose current row differs from the frozen one
     */
    record Snapshot(Period period, String policyId, String policyVersion, String frozenBy, java.time.Instant frozenAt,
            String report, List<Adjustment> adjustments) {
        public Snapshot {
            adjustments = List.copyOf(adjustments);
        }
    }

    /** The difference current − frozen of one unit's columns. */
    record Adjustment(String unit, String kind, int frozenScore, int currentScore, int score, int information,
            int news, int online, int deductions, int frozenRank, int currentRank) {
    }
}
