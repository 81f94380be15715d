package org.ruralinfo.api.scoring;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The scoring engine: rankings of a period under the policy in force, or under a named one (what-if). */
@ProviderType
public interface ScoringService {
    /**
     * @param policyId null for the policy in force on the period's first day (the highest version);
     *                 else the highest installed version of that policy, for a what-if preview
     * @throws NoPolicyException when there is no such policy
     */
    RankingReport ranking(Period period, String policyId);

    /** @return every installed policy, the one in force today marked active */
    List<PolicyInfo> policies();

    /** @return the policy in force today, if any */
    Optional<PolicyRef> policyInForce();
}
