package org.ruralinfo.api.supervision;

import java.time.YearMonth;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.ruralinfo.api.scoring.PeriodFacts;

/**
 * The obligations of a scoring policy (Art. 6): per unit, what is required in a month (its monthly quota,
 * the summaries of each group it leads) and in the research period that month belongs to, and how many
 * items count towards each so far. A policy registers it with the same {@code policy.id} and
 * {@code policy.version} service properties as its {@code ScoringPolicy}.
 * <p>
 * The refs are those of the policy's Art. 20 point lines ({@code quota:<unit>:<yyyy-MM>},
 * {@code group:<group>:<unit>:<yyyy-MM>}, {@code research:<unit>:<yyyy>-H<n>}, {@code research:<unit>:<yyyy>}),
 * so that a shortfall of an ended period shown here is the deduction of the same ref in the ranking.
 */
@ConsumerType
public interface SupervisionRules {
    /**
     * @param facts the records of the month's year ({@code facts.period()} is that year; {@code facts.asOf()}
     *              the moment asked for)
     * @param month the month
     * @return the obligations of every unit of {@code facts.units()} in {@code month} (a unit with none has
     *         none listed), counting only items submitted up to {@code facts.asOf()}
     */
    List<Obligation> obligations(PeriodFacts facts, YearMonth month);
}
