package org.ruralinfo.supervision.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Generated ids and named counters, portable between H2 and PostgreSQL (conversions: {@code Columns}). */
final class Sql {
    private Sql() {
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
