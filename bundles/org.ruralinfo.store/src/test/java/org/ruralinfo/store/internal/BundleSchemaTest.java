package org.ruralinfo.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each bundle's own migrations ({@link Migrations#of}): applied in order, recorded under the bundle's name in
 * {@code schema_history} beside the store's {@code schema_version}, once; a failing script is named and rolled
 * back, and no other bundle's history or tables are touched.
 */
class BundleSchemaTest {
    private final JdbcDataSource ds = new JdbcDataSource();

    @BeforeEach
    void database() throws SQLException {
        ds.setURL("jdbc:h2:mem:bundles" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Migrations.bundled().migrate(ds); // the store's own tables first, as in the product
    }

    private static Function<String, InputStream> files(Map<String, String> files) {
        return path -> files.containsKey(path)
                ? new ByteArrayInputStream(files.get(path).getBytes(StandardCharsets.UTF_8)) : null;
    }

    private static Map<String, String> briefing(String... extra) {
        Map<String, String> f = new HashMap<>();
        f.put("db/migration/index.txt", "# the briefing's tables\nV1__issues.sql\nV2__entries.sql\n");
        f.put("db/migration/V1__issues.sql", "CREATE TABLE briefing_issues (id VARCHAR(40) PRIMARY KEY,\n"
                + "  title VARCHAR(200) NOT NULL);\nINSERT INTO briefing_issues VALUES ('B-1', '第一期');\n");
        f.put("db/migration/V2__entries.sql", "-- the entries of an issue\n"
                + "CREATE TABLE briefing_entries (issue VARCHAR(40) NOT NULL REFERENCES briefing_issues(id),\n"
                + "  item VARCHAR(40) NOT NULL REFERENCES items(id));\n");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            f.put(extra[i], extra[i + 1]);
        }
        return f;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aBundlesScriptsRunInOrderOnceAndAreRecordedUnderItsName() throws SQLException {
        Migrations briefing = Migrations.of("org.ruralinfo.briefing", "db/migration", files(briefing()));
        assertEquals(List.of(1, 2), briefing.migrate(ds));
        assertEquals(List.of(), briefing.migrate(ds), "a second start applies nothing");
        assertEquals(1, count("SELECT COUNT(*) FROM briefing_issues"), "V1 ran once");
        assertEquals(2, count("SELECT COUNT(*) FROM schema_history WHERE module = 'org.ruralinfo.briefing'"));
        assertEquals(0, count("SELECT COUNT(*) FROM schema_version WHERE script LIKE '%issues%'"),
                "the store's own history is its own");
        // another bundle: its own history, numbered from 1 too
        Map<String, String> other = Map.of("sql/index.txt", "V1__instructions.sql\n", "sql/V1__instructions.sql",
                "CREATE TABLE instructions (id VARCHAR(40) PRIMARY KEY);\n");
        assertEquals(List.of(1), Migrations.of("org.ruralinfo.instructions", "sql/", files(other)).migrate(ds));
        assertEquals(3, count("SELECT COUNT(*) FROM schema_history"));
    }

    @Test
    void aFailingScriptIsNamedRolledBackAndRunsAgainWhenMended() throws SQLException {
        Migrations.of("org.ruralinfo.instructions", "db/migration", files(Map.of("db/migration/index.txt",
                "V1__a.sql\n", "db/migration/V1__a.sql", "CREATE TABLE instructions (id INT PRIMARY KEY);\n"
                        + "INSERT INTO instructions VALUES (7);\n"))).migrate(ds);
        Map<String, String> broken = briefing("db/migration/V2__entries.sql",
                "INSERT INTO briefing_issues VALUES ('B-2', '第二期');\nINSERT INTO no_such_table VALUES (1);\n");
        SQLException e = assertThrows(SQLException.class,
                () -> Migrations.of("org.ruralinfo.briefing", "db/migration", files(broken)).migrate(ds));
        assertTrue(e.getMessage().startsWith("migration V2__entries.sql failed: "), e.getMessage());
        assertEquals(1, count("SELECT COUNT(*) FROM briefing_issues"), "V2's insert was rolled back");
        assertEquals(1, count("SELECT COUNT(*) FROM schema_history WHERE module = 'org.ruralinfo.briefing'"),
                "V1 stays applied, V2 is not recorded");
        assertEquals(1, count("SELECT COUNT(*) FROM instructions WHERE id = 7"), "another bundle's data untouched");
        assertEquals(List.of(2), Migrations.of("org.ruralinfo.briefing", "db/migration", files(briefing())).migrate(ds),
                "the mended script runs at the next start");
    }

    @Test
    void aDatabaseNewerThanTheBundleIsRefused() throws SQLException {
        Migrations.of("org.ruralinfo.briefing", "db/migration", files(briefing())).migrate(ds);
        Map<String, String> older = Map.of("db/migration/index.txt", "V1__issues.sql\n", "db/migration/V1__issues.sql",
                briefing().get("db/migration/V1__issues.sql"));
        SQLException e = assertThrows(SQLException.class,
                () -> Migrations.of("org.ruralinfo.briefing", "db/migration", files(older)).migrate(ds));
        assertTrue(e.getMessage().contains("org.ruralinfo.briefing has schema version 2"), e.getMessage());
    }

    @Test
    void theStoreProvidesTheExtenderThatSchemaMigrationsRequires() throws Exception {
        // bnd-process ran before the tests: the manifest it wrote for this bundle
        java.util.jar.Manifest m;
        try (InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("target/classes/META-INF/MANIFEST.MF"))) {
            m = new java.util.jar.Manifest(in);
        }
        String provided = m.getMainAttributes().getValue("Provide-Capability");
        assertTrue(provided.contains("osgi.extender;osgi.extender=\"" + org.ruralinfo.api.SchemaMigrations.EXTENDER
                + "\";version:Version=\"1.0.0\""), provided);
        assertEquals(org.ruralinfo.api.SchemaMigrations.HEADER, BundleMigrations.HEADER);
    }

    @Test
    void aMissingIndexOrScriptIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Migrations.of("org.ruralinfo.x", "db/migration", files(Map.of())).migrate(ds));
        assertTrue(e.getMessage().contains("db/migration/index.txt in org.ruralinfo.x"), e.getMessage());
    }
}
