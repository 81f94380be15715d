package org.ruralinfo.scoring.bazhou.internal;

import java.time.ZoneId;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.ruralinfo.api.Site;
import org.ruralinfo.api.scoring.EvaluationRules;
import org.ruralinfo.api.scoring.PeriodFacts;
import org.ruralinfo.api.scoring.ScoreSheet;
import org.ruralinfo.api.scoring.ScoringPolicy;

/**
 * The scoring policy of the Bayingolin measures (自治州乡村振兴信息工作管理办法(试行), Art. 19–22),
 * every value configurable through {@link BazhouConfig}. The scoring itself is {@link BazhouRules}.
 */
@Component(immediate = true, service = ScoringPolicy.class, property = { ScoringPolicy.POLICY_ID + "=bazhou",
        ScoringPolicy.POLICY_VERSION + "=2022.1.0", ScoringPolicy.POLICY_EFFECTIVE_FROM + "=2022-01-01" },
        configurationPid = "org.ruralinfo.scoring.bazhou")
@Designate(ocd = BazhouConfig.class)
public final class BazhouPolicy implements ScoringPolicy {
    private volatile BazhouRules rules;
    private final ZoneId zone;

    /** @param site the local time of every rule (a changed site configuration activates the policy anew) */
    @Activate
    public BazhouPolicy(BazhouConfig config, @Reference Site site) {
        this(BazhouParameters.from(config, site.zone()));
    }

    /** A policy outside OSGi, e.g. {@code new BazhouPolicy(BazhouParameters.defaults(zone))}. */
    public BazhouPolicy(BazhouParameters parameters) {
        this.rules = new BazhouRules(parameters);
        this.zone = parameters.zone();
    }

    /**
     * A changed configuration takes effect for the next computation. One that cannot be read (an
     * unknown item type, zone or status) is refused with an error in the log and the previous rules
     * stay in force.
     */
    @Modified
    void modified(BazhouConfig config) {
        try {
            this.rules = new BazhouRules(BazhouParameters.from(config, zone));
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger("org.ruralinfo.scoring.bazhou").severe(
                    "configuration org.ruralinfo.scoring.bazhou refused, the previous values stay in force: "
                            + e.getMessage());
        }
    }

    @Override
    public ScoreSheet score(PeriodFacts facts) {
        return rules.score(facts);
    }

    @Override
    public EvaluationRules evaluation() {
        return rules.evaluation();
    }
}
