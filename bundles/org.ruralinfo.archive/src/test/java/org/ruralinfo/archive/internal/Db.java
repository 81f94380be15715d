package org.ruralinfo.archive.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.jdbcx.JdbcDataSource;
import org.ruralinfo.store.internal.JdbcDatabase;
import org.ruralinfo.store.internal.JdbcRecordStore;

/** A real database for the tests: an in-memory H2 with every migration of the store, and its services. */
final class Db {
    private static final AtomicLong DBS = new AtomicLong();
    final JdbcDataSource ds = new JdbcDataSource();
    final JdbcDatabase db;
    final JdbcRecordStore store;

    Db() throws Exception {
        ds.setURL("jdbc:h2:mem:archive" + DBS.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
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

    private static String read(ClassLoader cl, String path) throws IOException {
        try (InputStream in = cl.getResourceAsStream(path)) {
            if (in == null) {
                // the archive's own migration is in the store's sources, maybe newer than the store's jar
                java.nio.file.Path src = java.nio.file.Path.of("../org.ruralinfo.store/src/main/resources", path);
                return java.nio.file.Files.readString(src, StandardCharsets.UTF_8);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The store's rule: statements end with a semicolon at the end of a line; {@code --} lines are comments. */
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
