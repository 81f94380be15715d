package org.ruralinfo.intake.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ruralinfo.api.Columns;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.Wire;
import org.ruralinfo.intake.Deadline;
import org.ruralinfo.intake.ItemPage;
import org.ruralinfo.intake.ItemQuery;
import org.ruralinfo.intake.ItemSummary;

/**
 * Item lists in portable SQL: filters on indexed columns, newest first (by when the prefecture received
 * the item, or when it was created while it has not been sent), {@code OFFSET … FETCH NEXT} paging, and
 * {@code q} as a case-insensitive substring of title or body ({@code LIKE}; on PostgreSQL a pg_trgm GIN
 * index on {@code lower(title)} and {@code lower(body)} would serve it without a scan).
 */
final class ItemSearch {
    private static final String WHEN = "COALESCE(submitted_at, created_at)";

    private final ZoneId zone;

    ItemSearch(ZoneId zone) {
        this.zone = zone;
    }

    /** @param unit the only unit the caller may see, or null for all */
    ItemPage page(Connection c, ItemQuery q, String onlyUnit, Instant now) throws SQLException {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (onlyUnit != null) {
            where.append(" AND unit = ?");
            args.add(onlyUnit);
        }
        if (q.unit() != null) {
            where.append(" AND unit = ?");
            args.add(q.unit());
        }
        if (q.status() != null) {
            where.append(" AND status = ?");
            args.add(q.status().wire());
        }
        if (q.type() != null) {
            where.append(" AND type = ?");
            args.add(q.type().wire());
        }
        if (q.from() != null) {
            where.append(" AND " + WHEN + " >= ?");
            args.add(q.from().atStartOfDay(zone).toInstant());
        }
        if (q.to() != null) {
            where.append(" AND " + WHEN + " < ?");
            args.add(q.to().plusDays(1).atStartOfDay(zone).toInstant());
        }
        if (q.q() != null && !q.q().isBlank()) {
            where.append(" AND (LOWER(title) LIKE ? ESCAPE '!' OR LOWER(body) LIKE ? ESCAPE '!')");
            String like = "%" + q.q().strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%";
            args.add(like);
            args.add(like);
        }
        long total;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM items" + where)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        List<ItemSummary> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, unit, type, title, status, created_at, submitted_at, "
                + "deadline_at, deadline_rule FROM items" + where + " ORDER BY " + WHEN + " DESC, id DESC "
                + "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            int n = bind(ps, args);
            ps.setLong(n++, (long) (q.page() - 1) * q.size());
            ps.setInt(n, q.size());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant submitted = Columns.instant(rs, "submitted_at");
                    Instant due = Columns.instant(rs, "deadline_at");
                    String rule = rs.getString("deadline_rule");
                    items.add(new ItemSummary(rs.getString("id"), rs.getString("unit"),
                            Wire.parse(ItemType.class, rs.getString("type")), rs.getString("title"),
                            Wire.parse(ItemStatus.class, rs.getString("status")), Columns.instant(rs, "created_at"),
                            submitted, due == null || rule == null ? null : Deadline.of(rule, due, submitted, now)));
                }
            }
        }
        return new ItemPage(items, q.page(), q.size(), total);
    }

    private static int bind(PreparedStatement ps, List<Object> args) throws SQLException {
        int n = 1;
        for (Object a : args) {
            if (a instanceof Instant t) {
                Columns.instant(ps, n++, t);
            } else {
                ps.setString(n++, (String) a);
            }
        }
        return n;
    }
}
