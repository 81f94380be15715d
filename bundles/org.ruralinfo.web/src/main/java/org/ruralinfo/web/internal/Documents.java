package org.ruralinfo.web.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ruralinfo.api.ImportCounts;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.scoring.Evaluation;
import org.ruralinfo.api.scoring.PointLine;
import org.ruralinfo.api.scoring.PolicyInfo;
import org.ruralinfo.api.scoring.RankingReport;
import org.ruralinfo.api.scoring.RankingRow;

/** The JSON shapes of API v1 and ranking report v1, field by field in the order the specs show. */
final class Documents {
    private Documents() {
    }

    /** @return a map of the key-value pairs {@code kv} in the order given (JSON fields in the spec's order) */
    static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static Map<String, Object> ranking(RankingReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", RankingReport.FORMAT);
        m.put("period", r.period().toString());
        m.put("policy", ordered("id", r.policy().id(), "version", r.policy().version()));
        Map<String, Object> kinds = new LinkedHashMap<>();
        for (UnitKind k : UnitKind.values()) {
            List<Object> rows = new ArrayList<>();
            for (RankingRow row : r.kinds().getOrDefault(k, List.of())) {
                rows.add(row(row));
            }
            kinds.put(k.wire(), rows);
        }
        m.put("kinds", kinds);
        if (r.evaluation() != null) {
            m.put("evaluation", evaluation(r.evaluation()));
        }
        return m;
    }

    private static Map<String, Object> row(RankingRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", row.rank());
        m.put("unit", row.unit());
        m.put("name", row.name());
        m.put("score", row.score());
        m.put("information", row.information());
        m.put("news", row.news());
        m.put("online", row.online());
        m.put("deductions", row.deductions());
        List<Object> lines = new ArrayList<>();
        for (PointLine l : row.lines()) {
            Map<String, Object> lm = new LinkedHashMap<>();
            lm.put("points", l.points());
            lm.put("rule", l.rule());
            lm.put("ref", l.ref());
            lm.put("reason", l.reason());
            lm.put("category", l.category().wire());
            lines.add(lm);
        }
        m.put("lines", lines);
        return m;
    }

    private static Map<String, Object> evaluation(Evaluation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("commended", byKind(e.commended()));
        m.put("named", byKind(e.named()));
        return m;
    }

    private static Map<String, Object> byKind(Map<UnitKind, List<String>> lists) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (UnitKind k : UnitKind.values()) {
            m.put(k.wire(), lists.getOrDefault(k, List.of()));
        }
        return m;
    }

    static Map<String, Object> user(UserAccount u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", u.username());
        m.put("name", u.name());
        m.put("roles", u.roles().stream().map(r -> r.wire()).sorted().toList());
        m.put("unit", u.unit());
        return m;
    }

    static Map<String, Object> unit(Unit u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("name", u.name());
        m.put("kind", u.kind().wire());
        return m;
    }

    static Map<String, Object> policy(PolicyInfo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("version", p.version());
        m.put("effective_from", p.effectiveFrom().toString());
        m.put("bundle", p.bundle());
        m.put("active", p.active());
        return m;
    }

    static Map<String, Object> counts(ImportCounts c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("calendar", c.calendar());
        m.put("units", c.units());
        m.put("groups", c.groups());
        m.put("outlets", c.outlets());
        m.put("notices", c.notices());
        m.put("items", c.items());
        m.put("adoptions", c.adoptions());
        m.put("publicity", c.publicity());
        return m;
    }
}
