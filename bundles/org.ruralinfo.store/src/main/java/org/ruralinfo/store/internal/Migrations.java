package org.ruralinfo.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

/**
 * A small versioned schema migration runner: the scripts {@code db/migration/V<n>__<description>.sql},
 * n = 1, 2, 3 … without gaps, listed in {@code db/migration/index.txt}, run in order, each in its own
 * transaction, and are recorded in {@code schema_version}. A database newer than the code is refused.
 * Statements are separated by a semicolon at the end of a line; lines starting with {@code --} are
 * comments. (Flyway and Liquibase scan the class path in ways an OSGi bundle does not offer; this
 * runner reads the scripts through the bundle's own class loader.)
 */
final class Migrations {
    private final Function<String, InputStream> resources;

    /** @param resources opens a resource of the bundle by path, or returns null */
    Migrations(Function<String, InputStream> resources) {
        this.resources = resources;
    }

    /** @return the versions applied by this call */
    List<Integer> migrate(DataSource ds) throws SQLException {
        List<String> scripts = index();
        List<Integer> applied = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            ensureTable(c);
            int current = currentVersion(c);
            if (current > scripts.size()) {
                throw new SQLException("the database has schema version " + current
                        + " but this ruralinfo knows only " + scripts.size() + ": run the newer release");
            }
            for (int v = current + 1; v <= scripts.size(); v++) {
                String name = scripts.get(v - 1);
                try {
                    for (String sql : statements(read("db/migration/" + name))) {
                        try (Statement s = c.createStatement()) {
                            s.execute(sql);
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                        ps.setInt(1, v);
                        ps.setString(2, name);
                        ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                        ps.executeUpdate();
                    }
                    c.commit();
                    applied.add(v);
                } catch (SQLException e) {
                    c.rollback();
                    throw new SQLException("migration " + name + " failed: " + e.getMessage(), e);
                }
            }
        }
        return applied;
    }

    private List<String> index() {
        List<String> names = new ArrayList<>();
        for (String line : read("db/migration/index.txt").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            String expected = "V" + (names.size() + 1) + "__";
            if (!name.startsWith(expected) || !name.endsWith(".sql")) {
                throw new IllegalStateException("migration " + name + " out of order: expected " + expected + "…");
            }
            names.add(name);
        }
        return names;
    }

    private static void ensureTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, "
                    + "script VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        c.commit();
    }

    private static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String read(String path) {
        try (InputStream in = resources.apply(path)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a script into statements at semicolons that end a line, dropping comment lines. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (t.startsWith("--") || t.isEmpty()) {
                continue;
            }
            if (t.endsWith(";")) {
                current.append(t, 0, t.length() - 1);
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(t).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString());
        }
        return out;
    }
}
