package org.ruralinfo.scoring.variant.internal;

import java.time.ZoneId;
import java.util.logging.Logger;

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
import org.ruralinfo.scoring.bazhou.internal.BazhouParameters;
import org.ruralinfo.scoring.bazhou.internal.BazhouRules;

/**
 * A second scoring policy: the rules of the Bayingolin measures with the rules other regions use
 * switched on, each a parameter ({@link VariantConfig}): an item scores only its highest adoption
 * level; a combined (综合) adoption's points are split among its units; a regional instruction scores
 * by the leader's level; two or more missed commissioned deadlines zero the unit's year.
 * <p>
 * The rules are not copied: this bundle embeds the Bayingolin rules package privately (bnd
 * {@code -includepackage}) and gives it its own parameters. It exports nothing, so installing,
 * updating or removing it refreshes no other bundle. Effective from 2026-01-01: where it is installed
 * beside the Bayingolin policy (2022.1.0), it is the highest version in force for the periods of 2026
 * on, and any period can be previewed under it with {@code GET /api/v1/rankings?period=…&policy=variant}.
 */
@Component(immediate = true, service = ScoringPolicy.class, property = { ScoringPolicy.POLICY_ID + "=" + VariantPolicy.ID,
        ScoringPolicy.POLICY_VERSION + "=" + VariantPolicy.VERSION,
        ScoringPolicy.POLICY_EFFECTIVE_FROM + "=" + VariantPolicy.EFFECTIVE_FROM },
        configurationPid = VariantPolicy.PID)
@Designate(ocd = VariantConfig.class)
public final class VariantPolicy implements ScoringPolicy {
    static final String ID = "variant";
    static final String VERSION = "2026.1.0";
    static final String EFFECTIVE_FROM = "2026-01-01";
    static final String PID = "org.ruralinfo.scoring.variant";

    private volatile BazhouRules rules;
    private final ZoneId zone;

    /** @param site the local time of every rule (a changed site configuration activates the policy anew) */
    @Activate
    public VariantPolicy(VariantConfig config, @Reference Site site) {
        this(parameters(config, site.zone()));
    }

    /** A policy outside OSGi, e.g. {@code new VariantPolicy(VariantPolicy.parameters(defaults, zone))}. */
    public VariantPolicy(BazhouParameters parameters) {
        this.rules = new BazhouRules(parameters);
        this.zone = parameters.zone();
    }

    /** @return the parameters of the rules for a variant configuration, in the site's local time */
    public static BazhouParameters parameters(VariantConfig config, ZoneId zone) {
        return BazhouParameters.from(BazhouParameters.config(VariantConfig.class, config), zone);
    }

    /**
     * A changed configuration takes effect for the next computation. One that cannot be read (an
     * unknown item type or status, a malformed {@code instruction.tiers}) is refused with an error
     * in the log and the previous rules stay in force.
     */
    @Modified
    void modified(VariantConfig config) {
        try {
            this.rules = new BazhouRules(parameters(config, zone));
        } catch (RuntimeException e) {
            Logger.getLogger(PID).severe("configuration " + PID + " refused, the previous values stay in force: "
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
