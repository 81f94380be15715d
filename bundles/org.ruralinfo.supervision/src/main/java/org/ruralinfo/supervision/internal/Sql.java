package org.ruralinfo.supervision.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Column conversions portable between H2 and PostgreSQL: instants as TIMESTAMP WITH TIME ZONE in UTC. */
final class Sql {
    private Sql() {
    }

    static void instant(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static void date(PreparedStatement ps, int i, LocalDate d) throws SQLException {
        ps.setObject(i, d);
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static void text(PreparedStatement ps, int i, String s) throws SQLException {
        if (s == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, s);
        }
    }

    /** @return the id generated for the row just inserted by {@code ps} (prepared with the key column "id") */
    static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no generated id");
            }
            return keys.getLong(1);
        }
    }

    /** @return the next number of counter {@code name} (1, 2, …), taken under the row lock of an UPDATE */
    static long next(java.sql.Connection c, String name) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE counters SET next_value = next_value + 1 WHERE name = ?")) {
            up.setString(1, name);
            if (up.executeUpdate() == 0) {
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO counters (name, next_value) VALUES (?, 2)")) {
                    ins.setString(1, name);
                    ins.executeUpdate();
                }
                return 1;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT next_value FROM counters WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) - 1;
            }
        }
    }
}
