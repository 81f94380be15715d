package org.ruralinfo.itests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import org.ruralinfo.exchange.examples.Examples;

/**
 * Issue #11: the same distribution on a real PostgreSQL, two runtimes on one database. The example
 * year imported on one node ranks exactly as expected on the other; a change on either is seen by
 * both at once (the facts revision is in the database); a session opened on one works on the other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresTwoNodesTest {
    private static final String PASSWORD = "Itest-Secret-2026";
    private static final List<String> PERIODS = List.of("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2025");
    private static Distribution a;
    private static Distribution b;

    /** When both nodes' daily supervision check is due: the next whole minute at least 40 s ahead (Beijing time). */
    private static java.time.ZonedDateTime checkAt;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> db = Postgres.freshDatabase("twonodes");
        // one copy of the distribution for both nodes, their daily check due in about a minute
        Path copy = Distribution.copyOfDist(Distribution.work("pg-dist"));
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai"));
        checkAt = now.plusSeconds(100).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Files.writeString(copy.resolve("config/org.ruralinfo.supervision.cfg"),
                "check.time = " + checkAt.toLocalTime().toString().substring(0, 5) + "\n");
        Map<String, String> shared = new java.util.HashMap<>(db);
        shared.put("RURALINFO_FILES", Distribution.work("pg-files").toString()); // the folder both nodes share
        a = new Distribution(copy, Distribution.work("pg-a"), PASSWORD).on(shared).start();
        b = new Distribution(copy, Distribution.work("pg-b"), PASSWORD).on(shared).start();
        System.out.printf("on PostgreSQL: node a healthy in %.2f s, node b in %.2f s%n", a.startSeconds,
                b.startSeconds);
    }

    @AfterAll
    static void stop() throws Exception {
        for (Distribution d : new Distribution[] {a, b}) {
            if (d != null) {
                d.stop();
                d.close();
            }
        }
    }

    @Test
    @Order(1)
    void bothNodesRunOnPostgresql() throws Exception {
        assertTrue(a.logText().contains("jdbc:postgresql:"), a.logText());
        assertEquals("UP", Distribution.json(b.get("/api/v1/health", null)).path("status").asText());
    }

    @Test
    @Order(2)
    void theExampleImportedOnOneNodeRanksExactlyOnTheOther() throws Exception {
        String ta = a.login("admin", PASSWORD);
        HttpResponse<String> r = a.send("POST", "/api/v1/exchange", ta, HttpRequest.BodyPublishers
                .ofByteArray(Examples.bytes(Examples.YEAR)));
        assertEquals(200, r.statusCode(), r.body());
        String tb = b.login("admin", PASSWORD);
        JsonNode expected = Distribution.JSON.readTree(
                Examples.text(Examples.EXPECTED));
        for (String period : PERIODS) {
            JsonNode report = Distribution.json(b.get("/api/v1/rankings?period=" + period, tb));
            DistributionTest.assertRowsMatch(period, expected.path("periods").path(period), report.path("kinds"));
            assertEquals(a.get("/api/v1/rankings?period=" + period, ta).body(),
                    b.get("/api/v1/rankings?period=" + period, tb).body());
        }
    }

    @Test
    @Order(3)
    void aChangeOnOneNodeIsSeenByTheOtherAtOnce() throws Exception {
        String ta = a.login("admin", PASSWORD);
        String tb = b.login("admin", PASSWORD);
        String before = a.get("/api/v1/rankings?period=2025-Q1", ta).body(); // cached on a
        String change = "{\"format\":\"ruralinfo-exchange/1\",\"adoptions\":[{\"item\":\"I-00004\",\"level\":"
                + "\"region_instruction\",\"at\":\"2025-02-10\"}]}";
        assertEquals(200, b.post("/api/v1/exchange", tb, change).statusCode());
        String after = a.get("/api/v1/rankings?period=2025-Q1", ta).body();
        assertFalse(before.equals(after), "node a's cached ranking was invalidated by node b's change");
        assertTrue(after.contains("\"ref\":\"item:I-00004\""));
        assertEquals(after, b.get("/api/v1/rankings?period=2025-Q1", tb).body());
    }

    @Test
    @Order(3)
    void aDraftWithItsPhotoWrittenOnOneNodeIsReadOnTheOther() throws Exception {
        String admin = a.login("admin", PASSWORD);
        HttpResponse<String> u = a.post("/api/v1/users", admin, "{\"username\":\"pg-officer\",\"name\":\"n\","
                + "\"password\":\"Unit-Secret-2026\",\"roles\":[\"officer\"],\"unit\":\"korla\"}");
        assertEquals(201, u.statusCode(), u.body());
        String onA = a.login("pg-officer", "Unit-Secret-2026");
        HttpResponse<String> created = a.post("/api/v1/items", onA, "{\"type\":\"work_results\",\"title\":"
                + "\"两个节点\",\"body\":\"在一个节点起草，在另一个节点读取。\"}");
        assertEquals(201, created.statusCode(), created.body());
        String id = Distribution.json(created).path("id").asText();
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1};
        assertEquals(201, a.send("POST", "/api/v1/items/" + id + "/attachments", onA,
                HttpRequest.BodyPublishers.ofByteArray(jpeg)).statusCode());
        String onB = b.login("pg-officer", "Unit-Secret-2026");
        JsonNode item = Distribution.json(b.get("/api/v1/items/" + id, onB));
        assertEquals("两个节点", item.path("title").asText());
        HttpResponse<byte[]> photo = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                b.uri("/api/v1/items/" + id + "/attachments/1")).header("Authorization", "Bearer " + onB).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, photo.statusCode());
        org.junit.jupiter.api.Assertions.assertArrayEquals(jpeg, photo.body(), "the file is in the shared folder");
    }

    @Test
    @Order(5)
    void theScheduledSupervisionCheckRunsOnOneNodeOnly() throws Exception {
        // is today a working day on the calendar the example loads? (the check runs on working days only)
        java.time.LocalDate today = checkAt.toLocalDate();
        JsonNode example = Distribution.JSON.readTree(
                Examples.text(Examples.YEAR));
        boolean workday = today.getDayOfWeek().getValue() < 6;
        for (JsonNode year : example.path("calendar")) {
            for (JsonNode d : year.path("holidays")) {
                if (d.asText().equals(today.toString())) {
                    workday = false;
                }
            }
            for (JsonNode d : year.path("workdays")) {
                if (d.asText().equals(today.toString())) {
                    workday = true;
                }
            }
        }
        long wait = java.time.Duration.between(java.time.ZonedDateTime.now(checkAt.getZone()), checkAt).toMillis();
        Thread.sleep(Math.max(0, wait) + 15_000);
        int runs = 0;
        for (Distribution d : new Distribution[] {a, b}) {
            runs += d.logText().split("supervision check of " + today, -1).length - 1;
        }
        System.out.printf("scheduled supervision check at %s on two nodes: ran %d time(s)%n", checkAt, runs);
        assertEquals(workday ? 1 : 0, runs, "the daily check ran on exactly one node");
    }

    @Test
    @Order(4)
    void aSessionOpenedOnOneNodeWorksOnTheOtherAndEndsOnBoth() throws Exception {
        String token = a.login("admin", PASSWORD);
        assertEquals(200, b.get("/api/v1/users", token).statusCode());
        assertEquals(204, b.send("DELETE", "/api/v1/session", token, HttpRequest.BodyPublishers.noBody())
                .statusCode());
        assertEquals(401, a.get("/api/v1/users", token).statusCode());
    }
}
