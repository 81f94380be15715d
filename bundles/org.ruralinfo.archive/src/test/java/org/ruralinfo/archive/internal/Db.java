package org.ruralinfo.archive.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.jdbcx.JdbcDataSource;
import org.ruralinfo.store.internal.JdbcDatabase;
import org.ruralinfo.store.internal.JdbcRecordStore;
import org.ruralinfo.store.internal.Migrations;

/** A real database for the tests: an in-memory H2 with every migration of the store, and its services. */
final class Db {
    private static final AtomicLong DBS = new AtomicLong();
    final JdbcDataSource ds = new JdbcDataSource();
    final JdbcDatabase db;
    final JdbcRecordStore store;

    Db() throws Exception {
        ds.setURL("jdbc:h2:mem:archive" + DBS.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        Migrations.bundled().migrate(ds);
        db = new JdbcDatabase(ds);
        store = new JdbcRecordStore(ds);
    }



    int update(String sql, Object... args) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    long count(String sql, Object... args) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void close() {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // gone
        }
    }
}
