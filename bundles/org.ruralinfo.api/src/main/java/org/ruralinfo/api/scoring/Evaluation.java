package org.ruralinfo.api.scoring;

import java.util.List;
import java.util.Map;

import org.ruralinfo.api.UnitKind;

/** The year-end evaluation (Art. 21): commended and named units per kind, in display order. */
public record Evaluation(Map<UnitKind, List<String>> commended, Map<UnitKind, List<String>> named) {
    public Evaluation {
        commended = Map.copyOf(commended);
        named = Map.copyOf(named);
    }
}
