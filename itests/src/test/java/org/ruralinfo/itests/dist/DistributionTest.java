package org.ruralinfo.itests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import org.ruralinfo.exchange.examples.Examples;

/**
 * Black-box acceptance of the assembled distribution: started as a process with {@code bin/ruralinfo}
 * on an empty data folder, driven over real HTTP on loopback, stopped with SIGTERM.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionTest {
    private static final String PASSWORD = "Itest-Secret-2026";
    private static final List<String> PERIODS = List.of("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2025");
    private static Distribution dist;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        dist = new Distribution(Distribution.work("dist"), PASSWORD).start();
        System.out.printf("distribution healthy %.2f s after start%n", dist.startSeconds);
        token = dist.login("admin", PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        if (dist != null) {
            int code = dist.stop();
            dist.close();
            // 143 = terminated by SIGTERM after the shutdown hook stopped the framework
            assertTrue(code == 0 || code == 143, "exit code " + code + "\n" + dist.logText());
        }
    }

    @Test
    @Order(1)
    void healthIsUpWithEveryBundleActiveAndThePolicyInForce() throws Exception {
        JsonNode h = Distribution.json(dist.get("/api/v1/health", null));
        assertEquals("UP", h.path("status").asText());
        assertEquals(h.path("bundles").path("total").asInt(), h.path("bundles").path("active").asInt());
        assertTrue(h.path("bundles").path("total").asInt() > 30);
        assertEquals("bazhou", h.path("policy").path("id").asText());
    }

    @Test
    @Order(2)
    void adminAdminIsRefusedAndNoDefaultPasswordExists() throws Exception {
        HttpResponse<String> r = dist.post("/api/v1/session", null, "{\"username\":\"admin\",\"password\":\"admin\"}");
        assertEquals(401, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(401, dist.get("/api/v1/users", null).statusCode());
        assertEquals(401, dist.get("/api/v1/users", "not-a-token").statusCode());
        JsonNode users = Distribution.json(dist.get("/api/v1/users", token));
        assertEquals("admin", users.path("users").get(0).path("username").asText());
        assertFalse(users.toString().contains("password"));
    }

    @Test
    @Order(3)
    void consolePageIsChineseAndServedWithACspWithoutInlineScript() throws Exception {
        HttpResponse<String> r = dist.get("/", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<html lang=\"zh-CN\">"));
        for (String section : List.of("信息报送", "约稿", "督办", "积分排名", "归档", "系统管理")) {
            assertTrue(r.body().contains(section), section);
        }
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        assertEquals(200, dist.get("/app.js", null).statusCode());
        JsonNode openapi = Distribution.json(dist.get("/api/v1/openapi.json", null));
        assertTrue(openapi.path("openapi").asText().startsWith("3.1"));
    }

    @Test
    @Order(3)
    void theSystemConsoleIsOnlyForTheProductsAdminsNeverAdminAdmin() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.function.Function<String, HttpRequest.Builder> console = path -> HttpRequest
                .newBuilder(dist.uri("/system/console/" + path)).GET();
        String basic = java.util.Base64.getEncoder().encodeToString("admin:admin".getBytes());
        assertEquals(401, http.send(console.apply("bundles").build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(401, http.send(console.apply("bundles").header("Authorization", "Basic " + basic).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> ok = http.send(console.apply("configMgr").header("Cookie", "ri_session=" + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode());
        HttpResponse<String> created = dist.post("/api/v1/users", token, "{\"username\":\"editor1\",\"name\":\"编辑\","
                + "\"password\":\"Editor-Pass-2026\",\"roles\":[\"editor\"]}");
        assertEquals(201, created.statusCode(), created.body());
        String editor = dist.login("editor1", "Editor-Pass-2026");
        assertEquals(403, http.send(console.apply("bundles").header("Cookie", "ri_session=" + editor).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    @Order(4)
    void rankingWithoutLoginIsRefusedAndABadPeriodNamed() throws Exception {
        assertEquals(401, dist.get("/api/v1/rankings?period=2025-Q1", null).statusCode());
        HttpResponse<String> r = dist.get("/api/v1/rankings?period=2025-Q5", token);
        assertEquals(400, r.statusCode());
        assertEquals("period", Distribution.json(r).path("errors").get(0).path("path").asText());
    }

    @Test
    @Order(10)
    void theExampleYearImportsAndRanksExactlyAsExpected() throws Exception {
        HttpResponse<String> r = dist.send("POST", "/api/v1/exchange", token,
                HttpRequest.BodyPublishers.ofByteArray(Examples.bytes(Examples.YEAR)));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(780, Distribution.json(r).path("imported").path("items").asInt());
        JsonNode expected = Distribution.JSON.readTree(
                Examples.text(Examples.EXPECTED));
        for (String period : PERIODS) {
            JsonNode report = Distribution.json(dist.get("/api/v1/rankings?period=" + period, token));
            assertEquals("ruralinfo-ranking/1", report.path("format").asText());
            assertEquals(period, report.path("period").asText());
            assertEquals("bazhou", report.path("policy").path("id").asText());
            assertRowsMatch(period, expected.path("periods").path(period), report.path("kinds"));
        }
        JsonNode year = Distribution.json(dist.get("/api/v1/rankings?period=2025", token));
        // The rulings give both lists in display order; the expected file lists them by unit id.
        for (String list : List.of("commended", "named")) {
            for (String kind : List.of("county", "member", "department")) {
                assertEquals(ids(expected.path("evaluation").path(list).path(kind)),
                        ids(year.path("evaluation").path(list).path(kind)), list + " " + kind);
            }
        }
    }

    static void assertRowsMatch(String period, JsonNode expected, JsonNode actual) {
        Iterator<Map.Entry<String, JsonNode>> kinds = expected.fields();
        while (kinds.hasNext()) {
            Map.Entry<String, JsonNode> kind = kinds.next();
            JsonNode rows = actual.path(kind.getKey());
            assertEquals(kind.getValue().size(), rows.size(), period + " " + kind.getKey() + " rows");
            for (int i = 0; i < rows.size(); i++) {
                JsonNode e = kind.getValue().get(i);
                JsonNode a = rows.get(i);
                String where = period + " " + kind.getKey() + " row " + (i + 1);
                for (String f : List.of("unit", "rank", "score", "information", "news", "online", "deductions")) {
                    assertEquals(e.path(f).asText(), a.path(f).asText(), where + " " + f);
                }
                int sum = 0;
                for (JsonNode line : a.path("lines")) {
                    sum += line.path("points").asInt();
                    assertTrue(line.path("rule").asText().startsWith("Art."), where + " rule");
                    assertFalse(line.path("ref").asText().isBlank(), where + " ref");
                }
                assertEquals(a.path("score").asInt(), sum, where + ": lines add up to the score");
            }
        }
    }

    static TreeSet<String> ids(JsonNode array) {
        TreeSet<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> rankings() throws Exception {
        List<String> out = new ArrayList<>();
        for (String period : PERIODS) {
            out.add(dist.get("/api/v1/rankings?period=" + period, token).body());
        }
        return out;
    }

    @Test
    @Order(11)
    void importingTheSameDocumentAgainChangesNothing() throws Exception {
        List<String> before = rankings();
        HttpResponse<String> r = dist.send("POST", "/api/v1/exchange", token,
                HttpRequest.BodyPublishers.ofByteArray(Examples.bytes(Examples.YEAR)));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(before.equals(rankings()), "the rankings changed");
    }

    @Test
    @Order(12)
    void aBadDocumentIsRefusedWholeNamingEveryPathAndChangesNothing() throws Exception {
        List<String> before = rankings();
        String bad = "{\"format\":\"ruralinfo-exchange/1\","
                + "\"units\":[{\"id\":\"new1\",\"name\":\"新单位\",\"kind\":\"county\"}],"
                + "\"items\":[{\"id\":\"I-00001\",\"unit\":\"korla\",\"type\":\"work_results\",\"title\":\"改\","
                + "\"body\":\"x\",\"submitted_at\":\"2025-01-02T17:45:00+08:00\",\"status\":\"rejected\"},"
                + "{\"id\":\"I-NEW\",\"unit\":\"korla2\",\"type\":\"work_results\",\"title\":\"t\",\"body\":\"b\","
                + "\"submitted_at\":\"2025-03-01T10:00:00+08:00\",\"status\":\"accepted\"}],"
                + "\"adoptions\":[{\"item\":\"I-00001\",\"level\":\"nowhere\",\"at\":\"2025-03-02\"}]}";
        HttpResponse<String> r = dist.post("/api/v1/exchange", token, bad);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode problem = Distribution.json(r);
        List<String> paths = new ArrayList<>();
        problem.path("errors").forEach(e -> paths.add(e.path("path").asText()));
        assertTrue(paths.contains("$.items[1].unit"), paths.toString());
        assertTrue(paths.contains("$.adoptions[0].level"), paths.toString());
        assertTrue(problem.toString().contains("korla2"));
        assertTrue(before.equals(rankings()), "nothing changed");
        JsonNode units = Distribution.json(dist.get("/api/v1/units", token));
        assertFalse(units.toString().contains("new1"), "the valid unit of the refused document was not written");
        for (String junk : List.of("", "null", "[1,2]", "{\"format\":\"x\"}", "{{{{", "\u0000\u0001")) {
            HttpResponse<String> j = dist.post("/api/v1/exchange", token, junk);
            assertEquals(400, j.statusCode(), junk + " → " + j.body());
        }
        assertTrue(before.equals(rankings()), "nothing changed");
    }

    @Test
    @Order(13)
    void theExportedYearImportsIntoAnEmptyInstallationWithTheSameRankings() throws Exception {
        HttpResponse<String> export = dist.get("/api/v1/exchange?year=2025", token);
        assertEquals(200, export.statusCode());
        List<String> before = rankings();
        try (Distribution other = new Distribution(Distribution.work("other"), PASSWORD).start()) {
            String otherToken = other.login("admin", PASSWORD);
            HttpResponse<String> r = other.post("/api/v1/exchange", otherToken, export.body());
            assertEquals(200, r.statusCode(), r.body());
            for (int i = 0; i < PERIODS.size(); i++) {
                assertTrue(before.get(i).equals(
                        other.get("/api/v1/rankings?period=" + PERIODS.get(i), otherToken).body()),
                        PERIODS.get(i) + ": the other installation ranks differently");
            }
            other.stop();
        }
    }

    @Test
    @Order(20)
    void aFirstStartWithoutAConfiguredPasswordPrintsARandomOneOnce() throws Exception {
        try (Distribution fresh = new Distribution(Distribution.work("fresh"), null).start()) {
            String log = fresh.logText();
            int at = log.indexOf("The initial password of user 'admin' is: ");
            assertTrue(at >= 0, log);
            String password = log.substring(at + 41).lines().findFirst().orElseThrow().strip();
            assertTrue(password.length() >= 12);
            fresh.login("admin", password);
            fresh.stop();
        }
    }
}
