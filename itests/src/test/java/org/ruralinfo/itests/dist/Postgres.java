package org.ruralinfo.itests.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL server of the tests: the one CI started ({@code RURALINFO_ITEST_PG_URL},
 * {@code _USER}, {@code _PASSWORD}, see {@code .ci/postgres}), or else one this JVM starts itself
 * with {@code .ci/postgres} where PostgreSQL can be run (root, Debian's package). Each test gets a
 * fresh database.
 */
final class Postgres {
    private static Map<String, String> server;

    private Postgres() {
    }

    /** @return the admin connection settings, starting a server when none is given; skips the test when impossible */
    static synchronized Map<String, String> server() throws IOException, InterruptedException {
        if (server != null) {
            return server;
        }
        Map<String, String> env = new HashMap<>();
        if (System.getenv("RURALINFO_ITEST_PG_URL") != null) {
            env.put("url", System.getenv("RURALINFO_ITEST_PG_URL"));
            env.put("user", System.getenv("RURALINFO_ITEST_PG_USER"));
            env.put("password", System.getenv("RURALINFO_ITEST_PG_PASSWORD"));
        } else {
            Path script = Path.of(System.getProperty("ruralinfo.dist")).resolve("../../../.ci/postgres").normalize();
            Path dir = Path.of(System.getProperty("ruralinfo.itest.work", "target/itest-work")).toAbsolutePath()
                    .resolve("postgres");
            Assumptions.assumeTrue(Files.isExecutable(script), "no .ci/postgres");
            Process p = new ProcessBuilder(script.toString(), "start", dir.toString())
                    .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolveSibling("postgres.log").toFile()))
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Assumptions.assumeTrue(p.waitFor() == 0, "PostgreSQL could not be started here (see postgres.log)");
            for (String line : out.split("\n")) {
                String[] kv = line.replace("export ", "").split("=", 2);
                if (kv.length == 2) {
                    env.put(kv[0].replace("RURALINFO_ITEST_PG_", "").toLowerCase(java.util.Locale.ROOT), kv[1]);
                }
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    new ProcessBuilder(script.toString(), "stop", dir.toString()).start().waitFor();
                } catch (IOException | InterruptedException e) {
                    // the cluster dies with the machine
                }
            }));
        }
        server = Map.copyOf(env);
        return server;
    }

    /** @return the environment of a distribution on a new, empty database of the server */
    static Map<String, String> freshDatabase(String name) throws Exception {
        Map<String, String> s = server();
        String db = "ri_" + name.replaceAll("[^a-z0-9]", "_") + "_" + System.nanoTime();
        try (Connection c = DriverManager.getConnection(s.get("url"), s.get("user"), s.get("password"));
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + db + " ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database: " + e.getMessage(), e);
        }
        String url = s.get("url").replaceAll("/[^/?]*(\\?.*)?$", "/" + db);
        return Map.of("RURALINFO_DB_URL", url, "RURALINFO_DB_USER", s.get("user"), "RURALINFO_DB_PASSWORD",
                s.get("password"));
    }
}
