package org.ruralinfo.store.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.jdbcx.JdbcDataSource;
import org.ruralinfo.store.internal.JdbcDatabase;
import org.ruralinfo.store.internal.JdbcRecordStore;
import org.ruralinfo.store.internal.Migrations;

/**
 * An in-memory H2 with the store's migrations (all of index.txt), its Database and RecordStore, and a clock
 * the test moves: the database of the intake, commissioning, supervision and archive tests, shared through the
 * store's test jar (never deployed).
 */
public final class TestDb {
    private static final AtomicLong DBS = new AtomicLong();
    public final JdbcDataSource ds = new JdbcDataSource();
    public final JdbcDatabase db;
    public final JdbcRecordStore store;
    public final MovableClock clock = new MovableClock(at("2025-09-26T12:00:00+08:00"));

    public TestDb() throws Exception {
        ds.setURL("jdbc:h2:mem:test" + DBS.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        Migrations.bundled().migrate(ds);
        db = new JdbcDatabase(ds);
        store = new JdbcRecordStore(ds);
    }

    public static Instant at(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }
    public int update(String sql, Object... args) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    public long count(String sql, Object... args) throws SQLException {
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

    public void close() {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // gone
        }
    }

    public static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        public void set(Instant t) {
            now = t;
        }

        public void set(String iso) {
            now = at(iso);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
