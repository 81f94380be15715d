package org.ruralinfo.api.scoring;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A scoring policy: a pure function from a period's facts to explained point lines. It never
 * touches the database. A policy is a Declarative Services component registered with the service
 * properties {@link #POLICY_ID}, {@link #POLICY_VERSION} and {@link #POLICY_EFFECTIVE_FROM}; the
 * engine scores a period with the highest version in force on the period's first day.
 */
@ConsumerType
public interface ScoringPolicy {
    /** Service property: the policy's id, e.g. {@code bazhou}. */
    String POLICY_ID = "policy.id";
    /** Service property: the policy's version, e.g. {@code 2022.1.0}. */
    String POLICY_VERSION = "policy.version";
    /** Service property: the first day ({@code YYYY-MM-DD}) the policy is in force. */
    String POLICY_EFFECTIVE_FROM = "policy.effective.from";

    /**
     * @return the point lines of {@code facts.period()}; for a year, every line of its four quarters
     */
    ScoreSheet score(PeriodFacts facts);

    /** @return the year-end evaluation rules */
    EvaluationRules evaluation();
}
