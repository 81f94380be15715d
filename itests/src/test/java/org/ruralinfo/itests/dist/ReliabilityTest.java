package org.ruralinfo.itests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import org.ruralinfo.exchange.examples.Examples;

/**
 * Issue #8 on the running distribution: bad input of every kind is refused with a 4xx problem and
 * changes nothing; passwords and sessions; the audit trail; backup and restore.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityTest {
    private static final String PASSWORD = "Itest-Secret-2026";
    private static final List<String> PERIODS = List.of("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2025");
    private static Distribution dist;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        dist = new Distribution(Distribution.work("reliability"), PASSWORD).start();
        token = dist.login("admin", PASSWORD);
        HttpResponse<String> r = dist.send("POST", "/api/v1/exchange", token, HttpRequest.BodyPublishers
                .ofByteArray(Examples.bytes(Examples.YEAR)));
        assertEquals(200, r.statusCode(), r.body());
    }

    @AfterAll
    static void stop() throws Exception {
        if (dist != null) {
            dist.stop();
            dist.close();
        }
    }

    private static List<String> rankings(Distribution d, String t) throws Exception {
        List<String> out = new ArrayList<>();
        for (String p : PERIODS) {
            out.add(d.get("/api/v1/rankings?period=" + p, t).body());
        }
        return out;
    }

    /** Hundreds of malformed documents and bodies: every one a 4xx problem+json, none a 5xx, nothing changed. */
    @Test
    @Order(1)
    void malformedInputIsRefusedWithAProblemAndChangesNothing() throws Exception {
        List<String> before = rankings(dist, token);
        String units = dist.get("/api/v1/units", token).body();
        String example = Examples.text(Examples.YEAR);
        Random random = new Random(20260101);
        List<String> inputs = new ArrayList<>(List.of("", " ", "null", "true", "42", "\"text\"", "[]", "[{}]", "{",
                "}", "{\"format\":1}", "{\"format\":null}", "{\"format\":\"ruralinfo-exchange/2\"}",
                "{\"format\":\"ruralinfo-exchange/1\",\"units\":{}}",
                "{\"format\":\"ruralinfo-exchange/1\",\"units\":[1,2]}",
                "{\"format\":\"ruralinfo-exchange/1\",\"units\":[{\"id\":\"x\",\"name\":\"n\",\"kind\":\"village\"}]}",
                "{\"format\":\"ruralinfo-exchange/1\",\"units\":[{\"id\":\"x\",\"name\":\"n\",\"kind\":\"county\"},"
                        + "{\"id\":\"x\",\"name\":\"n\",\"kind\":\"county\"}]}",
                "{\"format\":\"ruralinfo-exchange/1\",\"units\":[{\"id\":\"'; DROP TABLE units; --\",\"name\":"
                        + "\"<script>alert(1)</script>\",\"kind\":\"nope\"}]}",
                "{\"format\":\"ruralinfo-exchange/1\",\"items\":[{\"id\":\"I-x\",\"unit\":\"korla\",\"type\":"
                        + "\"work_results\",\"title\":\"t\",\"submitted_at\":\"2025-13-45T99:00:00+08:00\","
                        + "\"status\":\"accepted\"}]}",
                "{\"format\":\"ruralinfo-exchange/1\",\"items\":[{\"id\":\"I-x\",\"unit\":\"korla\",\"type\":"
                        + "\"work_results\",\"title\":\"" + "长".repeat(600) + "\",\"submitted_at\":"
                        + "\"2025-03-01T10:00:00\",\"status\":\"accepted\"}]}",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":" .repeat(3000) + "1" + "}".repeat(3000),
                "{\"format\":\"ruralinfo-exchange/1\",\"format\":\"ruralinfo-exchange/1\"}",
                "{\"format\":\"ruralinfo-exchange/1\",\"units\":[{\"id\":\"" + "x".repeat(2_000_000) + "\"}]}"));
        // truncations and byte flips of the real document
        for (int i = 0; i < 150; i++) {
            int cut = 1 + random.nextInt(example.length() - 2);
            inputs.add(example.substring(0, cut));
        }
        byte[] bytes = example.getBytes(StandardCharsets.UTF_8);
        List<byte[]> raw = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            byte[] b = bytes.clone();
            for (int k = 0; k < 3; k++) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            raw.add(b);
        }
        raw.add(new byte[] {(byte) 0xC3, (byte) 0x28, 0x7B}); // broken UTF-8
        raw.add(new byte[] {0x1F, (byte) 0x8B, 0x08, 0x00}); // gzip magic
        int tried = 0;
        int accepted = 0;
        for (String in : inputs) {
            raw.add(in.getBytes(StandardCharsets.UTF_8));
        }
        for (byte[] body : raw) {
            HttpResponse<String> r = dist.send("POST", "/api/v1/exchange", token,
                    HttpRequest.BodyPublishers.ofByteArray(body));
            tried++;
            if (r.statusCode() == 200) {
                accepted++; // a flipped byte inside a text value can leave a valid document
                continue;
            }
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + " " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            JsonNode p = Distribution.json(r);
            assertFalse(p.path("errors").isEmpty() && p.path("detail").asText().isEmpty());
            assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
        }
        // API bodies of the other endpoints
        String[][] bodies = {
            {"POST", "/api/v1/session", "{\"username\":1}"},
            {"POST", "/api/v1/session", "nonsense"},
            {"POST", "/api/v1/users", "{\"username\":\"a b\",\"name\":\"\",\"password\":\"x\",\"roles\":[\"king\"]}"},
            {"POST", "/api/v1/users", "{\"username\":\"new-user\",\"name\":\"n\",\"password\":\"short\",\"roles\":[\"officer\"],\"unit\":\"korla\"}"},
            {"POST", "/api/v1/users", "{\"username\":\"new-user\",\"name\":\"n\",\"password\":\"Long-enough-1\",\"roles\":[\"officer\"],\"unit\":\"nowhere\"}"},
            {"POST", "/api/v1/units", "{\"id\":\"\",\"name\":\"n\",\"kind\":\"county\"}"},
            {"POST", "/api/v1/units", "{\"id\":\"u1\",\"name\":\"n\",\"kind\":\"planet\"}"},
            {"PUT", "/api/v1/calendar/2025", "{\"holidays\":[\"2025-02-30\"]}"},
            {"PUT", "/api/v1/calendar/20x5", "{}"},
            {"GET", "/api/v1/rankings?period=Q3-2025", null},
            {"GET", "/api/v1/exchange?year=twenty", null},
            {"GET", "/api/v1/audit?page=0", null},
            {"DELETE", "/api/v1/units", null},
            {"GET", "/api/v1/nothing/here", null},
        };
        for (String[] b : bodies) {
            HttpResponse<String> r = dist.send(b[0], b[1], token, b[2] == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(b[2]));
            tried++;
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, String.join(" ", b) + " → " + r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    String.join(" ", b));
        }
        System.out.printf("bad input: %d inputs tried, %d accepted as valid (flips inside text), none 5xx%n", tried,
                accepted);
        if (accepted > 0) {
            // a mutation that left a valid document changed some text: the original puts it back
            dist.send("POST", "/api/v1/exchange", token, HttpRequest.BodyPublishers.ofByteArray(bytes));
        }
        assertTrue(before.equals(rankings(dist, token)), "the rankings are byte-identical");
        assertEquals(units, dist.get("/api/v1/units", token).body());
    }

    @Test
    @Order(2)
    void aChangedPasswordEndsEverySessionAndAWrongOneIsNamed() throws Exception {
        HttpResponse<String> created = dist.post("/api/v1/users", token, "{\"username\":\"officer1\",\"name\":\"信息员\","
                + "\"password\":\"Officer-Pass-2026\",\"roles\":[\"officer\"],\"unit\":\"korla\"}");
        assertEquals(201, created.statusCode(), created.body());
        String s1 = dist.login("officer1", "Officer-Pass-2026");
        String s2 = dist.login("officer1", "Officer-Pass-2026");
        HttpResponse<String> wrong = dist.post("/api/v1/users/officer1/password", s1,
                "{\"current_password\":\"nope-nope-nope\",\"password\":\"Officer-Pass-2027\"}");
        assertEquals(400, wrong.statusCode());
        assertEquals("$.current_password", Distribution.json(wrong).path("errors").get(0).path("path").asText());
        HttpResponse<String> weak = dist.post("/api/v1/users/officer1/password", s1,
                "{\"current_password\":\"Officer-Pass-2026\",\"password\":\"short\"}");
        assertEquals("$.password", Distribution.json(weak).path("errors").get(0).path("path").asText());
        assertEquals(403, dist.post("/api/v1/users/admin/password", s1, "{\"password\":\"Whatever-2026x\"}").statusCode());
        assertEquals(204, dist.post("/api/v1/users/officer1/password", s1,
                "{\"current_password\":\"Officer-Pass-2026\",\"password\":\"Officer-Pass-2027\"}").statusCode());
        assertEquals(401, dist.get("/api/v1/session", s1).statusCode());
        assertEquals(401, dist.get("/api/v1/session", s2).statusCode());
        dist.login("officer1", "Officer-Pass-2027");
        assertEquals(403, dist.get("/api/v1/users", dist.login("officer1", "Officer-Pass-2027")).statusCode());
    }

    @Test
    @Order(2)
    void aCookieSessionChangesNothingWithoutTheCsrfToken() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(dist.uri("/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String session = null;
        String csrf = null;
        for (String c : login.headers().allValues("Set-Cookie")) {
            assertTrue(c.contains("SameSite=Strict"), c);
            if (c.startsWith("ri_session=")) {
                session = c.substring(11, c.indexOf(';'));
                assertTrue(c.contains("HttpOnly"), c);
            } else if (c.startsWith("ri_csrf=")) {
                csrf = c.substring(8, c.indexOf(';'));
            }
        }
        String body = "{\"id\":\"csrf1\",\"name\":\"n\",\"kind\":\"member\"}";
        HttpRequest.Builder post = HttpRequest.newBuilder(dist.uri("/api/v1/units")).header("Content-Type",
                "application/json").header("Cookie", "ri_session=" + session + "; ri_csrf=" + csrf)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        assertEquals(403, http.send(post.build(), HttpResponse.BodyHandlers.ofString()).statusCode(),
                "a cross-site form cannot send the header");
        assertEquals(403, http.send(post.header("X-CSRF-Token", "guessed").build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpRequest ok = HttpRequest.newBuilder(dist.uri("/api/v1/units")).header("Content-Type", "application/json")
                .header("Cookie", "ri_session=" + session + "; ri_csrf=" + csrf).header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        assertEquals(201, http.send(ok, HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(200, http.send(HttpRequest.newBuilder(dist.uri("/api/v1/units"))
                .header("Cookie", "ri_session=" + session).build(), HttpResponse.BodyHandlers.ofString()).statusCode(),
                "reads need no token");
    }

    @Test
    @Order(3)
    void loginsFailuresAndChangesAreInTheAuditTrail() throws Exception {
        dist.post("/api/v1/session", null, "{\"username\":\"admin\",\"password\":\"wrong-password\"}");
        JsonNode failed = Distribution.json(dist.get("/api/v1/audit?action=login.failed", token));
        assertTrue(failed.path("entries").size() >= 1);
        assertEquals("login.failed", failed.path("entries").get(0).path("action").asText());
        JsonNode imports = Distribution.json(dist.get("/api/v1/audit?action=exchange.import", token));
        assertTrue(imports.path("entries").size() >= 1);
        HttpResponse<String> csv = dist.get("/api/v1/audit?format=csv", token);
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().contains("user.create") && csv.body().contains("password.change"));
        String officer = dist.login("officer1", "Officer-Pass-2027");
        assertEquals(403, dist.get("/api/v1/audit", officer).statusCode());
    }

    @Test
    @Order(4)
    void aBackupRestoresTheRankingsExactly() throws Exception {
        List<String> before = rankings(dist, token);
        HttpResponse<String> b = dist.post("/api/v1/backup", token, "");
        assertEquals(201, b.statusCode(), b.body());
        Path zip = Path.of(Distribution.json(b).path("file").asText());
        assertTrue(Files.size(zip) > 0);
        // a change after the backup: one more adoption
        String change = "{\"format\":\"ruralinfo-exchange/1\",\"adoptions\":[{\"item\":\"I-00004\",\"level\":"
                + "\"region_instruction\",\"at\":\"2025-02-10\"}]}";
        assertEquals(200, dist.post("/api/v1/exchange", token, change).statusCode());
        assertFalse(before.equals(rankings(dist, token)));
        dist.stop();
        ProcessBuilder pb = new ProcessBuilder(dist.distDir.resolve("bin/ruralinfo-restore").toString(), zip.toString())
                .redirectErrorStream(true).redirectOutput(dist.home.resolve("restore.log").toFile());
        pb.environment().put("RURALINFO_HOME", dist.home.toString());
        Process restore = pb.start();
        restore.getOutputStream().close();
        assertEquals(0, restore.waitFor(), Files.readString(dist.home.resolve("restore.log")));
        dist.start();
        token = dist.login("admin", PASSWORD);
        assertTrue(before.equals(rankings(dist, token)), "the rankings are those of the backup");
    }
}
