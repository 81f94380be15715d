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
 * A small versioned schema migration runner: the scripts {@code <folder>/V<n>__<description>.sql}, listed in
 * {@code <folder>/index.txt} with strictly increasing n, run in order, each in its own transaction, and are
 * recorded. Every listed script not yet recorded runs (so a script merged later with a lower number still runs);
 * a recorded version this code does not list means the database is newer than the code, and is refused.
 * Statements are separated by a semicolon at the end of a line; lines starting with {@code --} are comments.
 *
 * <p>Two histories: the store's own scripts ({@link #bundled()}) are recorded in {@code schema_version}, as they
 * always were; every other bundle's ({@link #of}) in {@code schema_history} under the bundle's symbolic name, each
 * script run under a row lock of that bundle in {@code schema_locks}, so that two nodes starting together apply
 * it once (the second waits, then finds it recorded). See {@code BundleMigrations} and docs/architecture.md.
 */
public final class Migrations {
    private final Function<String, InputStream> resources;
    private final String folder;
    /** The bundle whose history this is; null for the store's own ({@code schema_version}). */
    private final String module;

    /** @param resources opens a resource of the bundle by path, or returns null */
    Migrations(Function<String, InputStream> resources) {
        this(resources, "db/migration", null);
    }

    private Migrations(Function<String, InputStream> resources, String folder, String module) {
        this.resources = resources;
        this.folder = folder;
        this.module = module;
    }

    /**
     * @return the runner of the scripts this bundle carries (its own class loader); the other bundles'
     *         tests and the benchmarks build their databases with it too
     */
    public static Migrations bundled() {
        return new Migrations(p -> Migrations.class.getClassLoader().getResourceAsStream(p));
    }

    /**
     * @param module    the bundle's symbolic name: its history in {@code schema_history}
     * @param folder    the folder of its scripts and their {@code index.txt}
     * @param resources opens one of its resources by path, or returns null
     * @return the runner of another bundle's scripts
     */
    public static Migrations of(String module, String folder, Function<String, InputStream> resources) {
        return new Migrations(resources, folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder,
                module);
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
            ensureTables(c);
            java.util.Set<Integer> done = recorded(c);
            java.util.Set<Integer> known = new java.util.HashSet<>();
            scripts.forEach(s -> known.add(s.version()));
            for (int v : done) {
                if (!known.contains(v)) {
                    throw new SQLException((module == null ? "the database" : module) + " has schema version " + v
                            + ", which this release does not know: run the newer release");
                }
            }
            for (Script script : scripts) {
                if (done.contains(script.version())) {
                    continue;
                }
                try {
                    if (module != null) {
                        lock(c); // held to the commit: another node applying the same script waits here
                        if (recorded(c).contains(script.version())) {
                            c.commit();
                            continue; // it did
                        }
                    }
                    for (String sql : statements(read(folder + "/" + script.name()))) {
                        try (Statement s = c.createStatement()) {
                            s.execute(sql);
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement(module == null
                            ? "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)"
                            : "INSERT INTO schema_history (version, script, applied_at, module) VALUES (?, ?, ?, ?)")) {
                        ps.setInt(1, script.version());
                        ps.setString(2, script.name());
                        ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                        if (module != null) {
                            ps.setString(4, module);
                        }
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
        for (String line : read(folder + "/index.txt").split("\n")) {
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

    private void ensureTables(Connection c) throws SQLException {
        if (module == null) {
            create(c, "schema_version", "CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, "
                    + "script VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            return;
        }
        create(c, "schema_history", "CREATE TABLE IF NOT EXISTS schema_history (module VARCHAR(200) NOT NULL, "
                + "version INT NOT NULL, script VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                + "PRIMARY KEY (module, version))");
        create(c, "schema_locks", "CREATE TABLE IF NOT EXISTS schema_locks (module VARCHAR(200) PRIMARY KEY)");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_locks (module) VALUES (?)")) {
            ps.setString(1, module);
            ps.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw e;
            }
            // the row is there already (this bundle ran before, or another node inserted it just now)
        }
    }

    /** Creates a table; one that another node created at the same moment is as good. */
    private static void create(Connection c, String table, String ddl) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(ddl);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next(); // it exists: created by the other node
            } catch (SQLException again) {
                e.addSuppressed(again);
                throw e;
            }
            c.rollback();
        }
    }

    /** Takes this bundle's row lock in {@code schema_locks} until the transaction ends. */
    private void lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT module FROM schema_locks WHERE module = ? FOR UPDATE")) {
            ps.setString(1, module);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        }
    }

    private java.util.Set<Integer> recorded(Connection c) throws SQLException {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(module == null ? "SELECT version FROM schema_version"
                : "SELECT version FROM schema_history WHERE module = ?")) {
            if (module != null) {
                ps.setString(1, module);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
        }
        return out;
    }

    private String read(String path) {
        try (InputStream in = resources.apply(path)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + path
                        + (module == null ? "" : " in " + module));
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
