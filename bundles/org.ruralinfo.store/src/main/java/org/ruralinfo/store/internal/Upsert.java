package org.ruralinfo.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.ruralinfo.api.Columns;

/**
 * Inserts or replaces rows by key in batches: the existing keys are read once, then new rows go in one
 * insert batch and known ones in one update batch. Portable SQL, no vendor MERGE dialect.
 */
final class Upsert {
    private final Connection c;
    private final String table;
    private final List<String> keys;
    private final List<String> columns;

    private Upsert(Connection c, String table, List<String> keys, List<String> columns) {
        this.c = c;
        this.table = table;
        this.keys = keys;
        this.columns = columns;
    }

    static Upsert of(Connection c, String table, List<String> keys, List<String> columns) {
        return new Upsert(c, table, keys, columns);
    }

    <T> void run(List<T> rows, Function<T, Object[]> key, Function<T, Object[]> values) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Set<List<Object>> existing = existingKeys();
        String insert = "INSERT INTO " + table + " (" + String.join(", ", keys) + ", " + String.join(", ", columns)
                + ") VALUES (" + "?, ".repeat(keys.size() + columns.size() - 1) + "?)";
        String update = "UPDATE " + table + " SET " + String.join(" = ?, ", columns) + " = ? WHERE "
                + String.join(" = ? AND ", keys) + " = ?";
        try (PreparedStatement ins = c.prepareStatement(insert); PreparedStatement upd = c.prepareStatement(update)) {
            int inserts = 0;
            int updates = 0;
            for (T row : rows) {
                Object[] k = key.apply(row);
                Object[] v = values.apply(row);
                if (existing.contains(Arrays.asList(k))) {
                    bind(upd, 1, v);
                    bind(upd, 1 + v.length, k);
                    upd.addBatch();
                    updates++;
                } else {
                    bind(ins, 1, k);
                    bind(ins, 1 + k.length, v);
                    ins.addBatch();
                    inserts++;
                    existing.add(Arrays.asList(k));
                }
            }
            if (inserts > 0) {
                ins.executeBatch();
            }
            if (updates > 0) {
                upd.executeBatch();
            }
        }
    }

    private Set<List<Object>> existingKeys() throws SQLException {
        Set<List<Object>> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + String.join(", ", keys) + " FROM " + table);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<Object> k = new ArrayList<>(keys.size());
                for (int i = 1; i <= keys.size(); i++) {
                    k.add(rs.getString(i));
                }
                out.add(k);
            }
        }
        return out;
    }

    private static void bind(PreparedStatement ps, int first, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof Instant t) {
                Columns.instant(ps, first + i, t);
            } else if (v instanceof LocalDate d) {
                Columns.date(ps, first + i, d);
            } else if (v == null) {
                ps.setNull(first + i, java.sql.Types.NULL);
            } else {
                ps.setObject(first + i, v);
            }
        }
    }
}
