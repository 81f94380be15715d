package org.ruralinfo.itests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import org.ruralinfo.exchange.examples.Examples;

/**
 * A bundle brings its own tables (issue #16, part 1), on the running distribution: a jar dropped into
 * {@code deploy/} whose manifest names its migrations has them applied before it is active and recorded under its
 * name; a jar whose second script fails is stopped, health names it and the script, and nothing else is touched.
 * The database file is read afterwards, with the distribution stopped.
 */
class SchemaExtenderTest {
    private static final String PASSWORD = "Itest-Secret-2026";
    private static final String NOTES = "org.ruralinfo.itest.notes";
    private static final String BROKEN = "org.ruralinfo.itest.broken";

    @Test
    void aBundlesMigrationsRunWhenItArrivesAndAFailureIsNamedWithItsScript() throws Exception {
        Path copy = Distribution.copyOfDist(Distribution.work("schema-dist"));
        Path home = Distribution.work("schema-home");
        List<String> after = new ArrayList<>();
        try (Distribution dist = new Distribution(copy, home, PASSWORD).start()) {
            String admin = dist.login("admin", PASSWORD);
            HttpResponse<String> imported = dist.send("POST", "/api/v1/exchange", admin,
                    HttpRequest.BodyPublishers.ofByteArray(Examples.bytes(Examples.YEAR)));
            assertEquals(200, imported.statusCode(), imported.body());
            int bundles = Distribution.json(dist.get("/api/v1/health", null)).path("bundles").path("total").asInt();

            TestBundles.write(copy.resolve("deploy/" + NOTES + ".jar"), home.resolve("staging"), NOTES,
                    Map.of("Ruralinfo-Migrations", "db/migration"), Map.of(
                            "db/migration/index.txt", "V1__notes.sql\n",
                            "db/migration/V1__notes.sql", "-- an add-on's own table\n"
                                    + "CREATE TABLE itest_notes (id INT PRIMARY KEY, unit VARCHAR(40) NOT NULL "
                                    + "REFERENCES units(id), text VARCHAR(200) NOT NULL);\n"
                                    + "INSERT INTO itest_notes VALUES (1, 'korla', '落实批示');\n"));
            JsonNode up = until(dist, h -> h.path("status").asText().equals("UP")
                    && h.path("bundles").path("active").asInt() == bundles + 1);
            assertEquals(0, up.path("problems").size(), up.toString());

            TestBundles.write(copy.resolve("deploy/" + BROKEN + ".jar"), home.resolve("staging"), BROKEN,
                    Map.of("Ruralinfo-Migrations", "db/migration"), Map.of(
                            "db/migration/index.txt", "V1__ok.sql\nV2__broken.sql\n",
                            "db/migration/V1__ok.sql", "CREATE TABLE itest_broken (id INT PRIMARY KEY);\n",
                            "db/migration/V2__broken.sql", "INSERT INTO itest_broken VALUES (1);\n"
                                    + "INSERT INTO no_such_table VALUES (1);\n"));
            JsonNode down = until(dist, h -> h.path("problems").toString().contains("V2__broken.sql")
                    && h.path("problems").toString().contains("not started"));
            assertEquals("DOWN", down.path("status").asText());
            String problems = down.path("problems").toString();
            assertTrue(problems.contains("{\"bundle\":\"" + BROKEN + "\",\"reason\":\"schema migration failed: "
                    + "migration V2__broken.sql failed: "), problems);
            assertTrue(problems.contains("{\"bundle\":\"" + BROKEN + "\",\"reason\":\"bundle resolved, not started\"}"),
                    "the bundle does not start: " + problems);
            assertTrue(!problems.contains("\tat "), "no stack trace");
            // nothing else is disturbed
            assertEquals(200, dist.get("/api/v1/units", admin).statusCode());
            assertEquals(200, dist.get("/api/v1/rankings?period=2025-Q1", admin).statusCode());
            dist.stop();
        }

        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + home.resolve("db/ruralinfo"), "", "");
                Statement s = c.createStatement()) {
            after.add(rows(s, "SELECT module || ' ' || version || ' ' || script FROM schema_history "
                    + "ORDER BY module, version"));
            after.add(rows(s, "SELECT id || ' ' || unit || ' ' || text FROM itest_notes"));
            after.add(rows(s, "SELECT COUNT(*) FROM itest_broken"));
            after.add(rows(s, "SELECT COUNT(*) FROM schema_version"));
            after.add(rows(s, "SELECT COUNT(*) FROM units"));
        }
        assertEquals(List.of(BROKEN + " 1 V1__ok.sql; " + NOTES + " 1 V1__notes.sql", "1 korla 落实批示",
                "0", "7", "23"), after,
                "each bundle's history under its name; V2 left nothing; the store's history and records as they were");
    }

    private static String rows(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return String.join("; ", out);
    }

    private static JsonNode until(Distribution dist, java.util.function.Predicate<JsonNode> done) throws Exception {
        long t0 = System.nanoTime();
        JsonNode last = null;
        while (System.nanoTime() - t0 < 20_000_000_000L) {
            last = Distribution.json(dist.get("/api/v1/health", null));
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within 20 s: " + last);
    }
}
