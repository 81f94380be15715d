package org.ruralinfo.archive.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON-ready values: ordered maps, and instants as ISO-8601 in local time with the offset (exchange v1). */
final class Json {
    private final ZoneId zone;

    Json(ZoneId zone) {
        this.zone = zone;
    }

    String time(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(zone).toOffsetDateTime()
                .withNano(0));
    }

    static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    /** @return the pairs {@code kv} as a map in the order given */
    static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
