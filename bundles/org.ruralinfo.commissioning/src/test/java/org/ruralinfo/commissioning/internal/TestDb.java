package org.ruralinfo.commissioning.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.jdbcx.JdbcDataSource;
import org.ruralinfo.store.internal.JdbcDatabase;
import org.ruralinfo.store.internal.JdbcRecordStore;

/** An in-memory H2 with the store's migrations (all of index.txt), its Database and RecordStore, and a clock. */
final class TestDb {
    private static final AtomicLong DBS = new AtomicLong();
    final JdbcDataSource ds = new JdbcDataSource();
    final JdbcDatabase db;
    final JdbcRecordStore store;
    final MovableClock clock = new MovableClock(at("2025-09-26T12:00:00+08:00"));

    TestDb() throws Exception {
        ds.setURL("jdbc:h2:mem:commissioning" + DBS.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        ClassLoader cl = JdbcDatabase.class.getClassLoader();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String line : read(cl, "db/migration/index.txt").split("\n")) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    for (String sql : statements(read(cl, "db/migration/" + name))) {
                        s.execute(sql);
                    }
                }
            }
        }
        db = new JdbcDatabase(ds);
        store = new JdbcRecordStore(ds);
    }

    static Instant at(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }

    private static String read(ClassLoader cl, String path) throws IOException {
        try (InputStream in = cl.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (t.startsWith("--") || t.isEmpty()) {
                continue;
            }
            if (t.endsWith(";")) {
                cur.append(t, 0, t.length() - 1);
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(t).append('\n');
            }
        }
        return out;
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

    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(String iso) {
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
