package org.ruralinfo.itests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.ruralinfo.store.internal.Migrations;

/**
 * Two nodes that start together on one PostgreSQL apply a bundle's migration once (issue #16, part 1): each
 * script runs under the bundle's row lock in {@code schema_locks}; the second node waits, then finds it recorded.
 * The store's runner itself, against a real server (skipped, saying so, where no PostgreSQL can be started).
 */
class BundleSchemaOnPostgresTest {

    @Test
    void twoNodesStartingTogetherApplyABundlesScriptOnce() throws Exception {
        Map<String, String> db = Postgres.freshDatabase("schema");
        Map<String, String> scripts = Map.of("db/migration/index.txt", "V1__notes.sql\n",
                "db/migration/V1__notes.sql", "CREATE TABLE itest_notes (id INT PRIMARY KEY, text VARCHAR(100));\n"
                        + "-- long enough for the other node to arrive and wait\n"
                        + "SELECT pg_sleep(1);\n"
                        + "INSERT INTO itest_notes VALUES (1, '批示');\n");
        CountDownLatch together = new CountDownLatch(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        List<Future<List<Integer>>> applied = new ArrayList<>();
        try {
            for (int n = 0; n < 2; n++) {
                Callable<List<Integer>> node = () -> {
                    PGSimpleDataSource ds = new PGSimpleDataSource();
                    ds.setUrl(db.get("RURALINFO_DB_URL"));
                    ds.setUser(db.get("RURALINFO_DB_USER"));
                    ds.setPassword(db.get("RURALINFO_DB_PASSWORD"));
                    together.countDown();
                    together.await();
                    return Migrations.of("org.ruralinfo.itest.notes", "db/migration", path -> scripts.containsKey(path)
                            ? new ByteArrayInputStream(scripts.get(path).getBytes(StandardCharsets.UTF_8)) : null)
                            .migrate(ds);
                };
                applied.add(nodes.submit(node));
            }
            List<List<Integer>> results = new ArrayList<>();
            for (Future<List<Integer>> f : applied) {
                results.add(f.get());
            }
            results.sort((a, b) -> b.size() - a.size());
            assertEquals(List.of(List.of(1), List.of()), results, "one node applied V1, the other found it applied");
        } finally {
            nodes.shutdownNow();
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(db.get("RURALINFO_DB_URL"));
        try (Connection c = ds.getConnection(db.get("RURALINFO_DB_USER"), db.get("RURALINFO_DB_PASSWORD"));
                Statement s = c.createStatement()) {
            assertEquals(1, count(s, "SELECT COUNT(*) FROM itest_notes"));
            assertEquals(1, count(s, "SELECT COUNT(*) FROM schema_history WHERE module = 'org.ruralinfo.itest.notes'"));
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
