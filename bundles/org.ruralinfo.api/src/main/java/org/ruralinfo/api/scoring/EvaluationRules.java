package org.ruralinfo.api.scoring;

import java.util.Map;

import org.ruralinfo.api.UnitKind;

/**
 * The year-end evaluation of a policy (Art. 21): per unit kind, how many top units are commended
 * and how many bottom units are named. A unit is in the top N when fewer than N units of its kind
 * scored strictly more, in the bottom N when fewer than N scored strictly less; commendation wins.
 */
public record EvaluationRules(Map<UnitKind, Integer> commended, Map<UnitKind, Integer> named) {
    public EvaluationRules {
        commended = Map.copyOf(commended);
        named = Map.copyOf(named);
    }
}
