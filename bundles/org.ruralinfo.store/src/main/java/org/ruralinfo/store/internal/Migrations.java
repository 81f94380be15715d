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
 * listed in {@code db/migration/index.txt} with strictly increasing n, run in order, each in its own
 * transaction, and are recorded in {@code schema_version}. Every listed script not yet recorded runs
 * (so a script merged later with a lower number still runs); a recorded version this code does not
 * list means the database is newer than the code, and is refused.
 * Statements are separated by a semicolon at the end of a line; lines starting with {@code --} are
 * comments. (Flyway and Liquibase scan the class path in ways an OSGi bundle does not offer; this
 * runner reads the scripts through the bundle's own class loader.)
 */
public final class Migrations {
    private final Function<String, InputStream> resources;

    /** @param resources opens a resource of the bundle by path, or returns null */
    Migrations(Function<String, InputStream> resources) {
        this.resources = resources;
    }

    /**
     * @return the runner of the scripts this bundle carries (its own class loader); the other bundles'
     *         tests and the benchmarks build their databases with it too
     */
    public static Migrations bundled() {
        return new Migrations(p -> Migrations.class.getClassLoader().getResourceAsStream(p));
    }

    /** A listed script: its version and file name. */
    private record Script(int version, String name) {
    }

    /** @return the versions applied by this call */
    public List<Integer> migrate(DataSource ds) throws SQLException {
        List<Script> scripts = index();
        List<Integer> applied = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            ensureTable(c);
            java.util.Set<Integer> done = recorded(c);
            java.util.Set<Integer> known = new java.util.HashSet<>();
            scripts.forEach(s -> known.add(s.version()));
            for (int v : done) {
                if (!known.contains(v)) {
                    throw new SQLException("the database has schema version " + v
                            + ", which this ruralinfo does not know: run the newer release");
                }
            }
            for (Script script : scripts) {
                if (done.contains(script.version())) {
                    continue;
                }
                try {
                    for (String sql : statements(read("db/migration/" + script.name()))) {
                        try (Statement s = c.createStatement()) {
                            s.execute(sql);
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                        ps.setInt(1, script.version());
                        ps.setString(2, script.name());
                        ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                        ps.executeUpdate();
                    }
                    c.commit();
                    applied.add(script.version());
                } catch (SQLException e) {
                    c.rollback();
                    throw new SQLException("migration " + script.name() + " failed: " + e.getMessage(), e);
                }
            }
        }
        return applied;
    }

    private List<Script> index() {
        List<Script> scripts = new ArrayList<>();
        java.util.regex.Pattern form = java.util.regex.Pattern.compile("V(\\d+)__[A-Za-z0-9_]+\\.sql");
        for (String line : read("db/migration/index.txt").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            java.util.regex.Matcher m = form.matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException("migration " + name + " is not named V<n>__<description>.sql");
            }
            int v = Integer.parseInt(m.group(1));
            if (!scripts.isEmpty() && v <= scripts.get(scripts.size() - 1).version()) {
                throw new IllegalStateException("migration " + name + " out of order in index.txt");
            }
            scripts.add(new Script(v, name));
        }
        return scripts;
    }

    private static void ensureTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, "
                    + "script VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        c.commit();
    }

    private static java.util.Set<Integer> recorded(Connection c) throws SQLException {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
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
