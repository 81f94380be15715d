package org.ruralinfo.web.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ruralinfo.api.ImportCounts;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.scoring.PolicyInfo;

/** The JSON shapes of API v1, field by field in the order the spec shows (the ranking report is the exchange codec's). */
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
