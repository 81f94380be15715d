package org.ruralinfo.itests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ruralinfo.exchange.examples.Examples;

/**
 * Issue #8: every endpoint × every role × own/other unit gives the expected status, and no endpoint
 * described in the OpenAPI document goes without a rule here. Roles: anonymous, a korla officer, reviewer
 * and signer (the item's own unit), a luntai officer (another unit), an editor and an admin. Statuses:
 * 2xx allowed; 401 not logged in; 403 not the role; 404 another unit's record (never its data); 409
 * allowed but not in this state.
 */
class AccessMatrixTest {
    private static final String PASSWORD = "Itest-Secret-2026";
    private static final String USER_PASSWORD = "Unit-Secret-2026";
    /** The order each row is tried in: the only role that changes the record comes last. */
    private static final List<String> ROLES = List.of("anonymous", "other", "reviewer", "signer", "editor", "admin",
            "officer");
    private static Distribution dist;
    private static final Map<String, String> tokens = new LinkedHashMap<>();
    private static int counter;

    /** One rule: a request (path and body may use the id of a fresh korla draft) and the status per role. */
    private record Rule(String method, String template, String path, Function<Integer, String> body,
            Map<String, Integer> expected) {
    }

    private static Map<String, Integer> expect(int anonymous, int other, int reviewer, int signer, int editor,
            int admin, int officer) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("anonymous", anonymous);
        m.put("other", other);
        m.put("reviewer", reviewer);
        m.put("signer", signer);
        m.put("editor", editor);
        m.put("admin", admin);
        m.put("officer", officer);
        return m;
    }

    private static final List<Rule> RULES = new ArrayList<>();

    static {
        // registry and session
        rule("GET", "/api/v1/health", "/api/v1/health", null, expect(200, 200, 200, 200, 200, 200, 200));
        rule("GET", "/api/v1/openapi.json", "/api/v1/openapi.json", null, expect(200, 200, 200, 200, 200, 200, 200));
        rule("GET", "/api/v1/session", "/api/v1/session", null, expect(401, 200, 200, 200, 200, 200, 200));
        rule("POST", "/api/v1/session", "/api/v1/session", n -> "{\"username\":\"admin\",\"password\":\"wrong-one-" + n
                + "\"}", expect(401, 401, 401, 401, 401, 401, 401));
        rule("GET", "/api/v1/users", "/api/v1/users", null, expect(401, 403, 403, 403, 403, 200, 403));
        rule("POST", "/api/v1/users", "/api/v1/users", n -> "{\"username\":\"matrix" + n + "\",\"name\":\"n\","
                + "\"password\":\"Matrix-Pass-2026\",\"roles\":[\"officer\"],\"unit\":\"korla\"}",
                expect(401, 403, 403, 403, 403, 201, 403));
        rule("POST", "/api/v1/users/{username}/password", "/api/v1/users/admin/password",
                n -> "{\"password\":\"Another-Pass-2026\"}", expect(401, 403, 403, 403, 403, 400, 403));
        rule("GET", "/api/v1/units", "/api/v1/units", null, expect(401, 200, 200, 200, 200, 200, 200));
        rule("POST", "/api/v1/units", "/api/v1/units", n -> "{\"id\":\"u" + n + "\",\"name\":\"n\",\"kind\":\"member\"}",
                expect(401, 403, 403, 403, 403, 201, 403));
        rule("GET", "/api/v1/groups", "/api/v1/groups", null, expect(401, 200, 200, 200, 200, 200, 200));
        rule("POST", "/api/v1/groups", "/api/v1/groups", n -> "{\"id\":\"g" + n + "\",\"name\":\"专项组\",\"lead\":\"m05\"}",
                expect(401, 403, 403, 403, 403, 201, 403));
        rule("GET", "/api/v1/outlets", "/api/v1/outlets", null, expect(401, 200, 200, 200, 200, 200, 200));
        rule("POST", "/api/v1/outlets", "/api/v1/outlets", n -> "{\"name\":\"新报" + n + "\",\"channel\":\"news\","
                + "\"level\":\"region\"}", expect(401, 403, 403, 403, 403, 201, 403));
        rule("GET", "/api/v1/calendar/{year}", "/api/v1/calendar/2025", null, expect(401, 200, 200, 200, 200, 200, 200));
        rule("PUT", "/api/v1/calendar/{year}", "/api/v1/calendar/2030", n -> "{\"holidays\":[\"2030-01-01\"]}",
                expect(401, 403, 403, 403, 403, 200, 403));
        rule("POST", "/api/v1/exchange", "/api/v1/exchange", n -> "{\"format\":\"ruralinfo-exchange/1\",\"units\":"
                + "[{\"id\":\"x" + n + "\",\"name\":\"n\",\"kind\":\"member\"}]}", expect(401, 403, 403, 403, 200, 200, 403));
        rule("GET", "/api/v1/exchange", "/api/v1/exchange?year=2025", null, expect(401, 403, 403, 403, 200, 200, 403));
        rule("GET", "/api/v1/rankings", "/api/v1/rankings?period=2025-Q1", null,
                expect(401, 200, 200, 200, 200, 200, 200));
        rule("GET", "/api/v1/policies", "/api/v1/policies", null, expect(401, 200, 200, 200, 200, 200, 200));
        rule("GET", "/api/v1/audit", "/api/v1/audit", null, expect(401, 403, 403, 403, 403, 200, 403));
        rule("POST", "/api/v1/backup", "/api/v1/backup", null, expect(401, 403, 403, 403, 403, 201, 403));
        // items of korla: another unit's officer never sees them (404)
        rule("GET", "/api/v1/items", "/api/v1/items", null, expect(401, 200, 200, 200, 200, 200, 200));
        rule("POST", "/api/v1/items", "/api/v1/items", n -> "{\"unit\":\"korla\",\"type\":\"work_results\",\"title\":\"t"
                + n + "\",\"body\":\"正文\"}", expect(401, 403, 403, 403, 403, 403, 201));
        rule("GET", "/api/v1/items/{id}", "/api/v1/items/{id}", null, expect(401, 404, 200, 200, 200, 200, 200));
        rule("PUT", "/api/v1/items/{id}", "/api/v1/items/{id}", n -> "{\"type\":\"work_results\",\"title\":\"改" + n
                + "\",\"body\":\"正文\"}", expect(401, 404, 403, 403, 403, 403, 200));
        rule("POST", "/api/v1/items/{id}/transitions", "/api/v1/items/{id}/transitions", n -> "{\"action\":\"submit\"}",
                expect(401, 404, 403, 403, 403, 403, 200));
        rule("POST", "/api/v1/items/{id}/adoptions", "/api/v1/items/{id}/adoptions", n -> "{\"level\":"
                + "\"prefecture_briefing\",\"at\":\"2025-03-01\",\"issue\":\"2025年第1期\"}",
                expect(401, 404, 403, 403, 409, 403, 403));
        rule("DELETE", "/api/v1/items/{id}/adoptions/{level}", "/api/v1/items/{id}/adoptions/prefecture_briefing", null,
                expect(401, 404, 403, 403, 404, 403, 403));
        rule("GET", "/api/v1/items/{id}/attachments", "/api/v1/items/{id}/attachments", null,
                expect(401, 404, 200, 200, 200, 200, 200));
        rule("POST", "/api/v1/items/{id}/attachments", "/api/v1/items/{id}/attachments", n -> "%PDF-1.7\n",
                expect(401, 404, 403, 403, 403, 403, 201));
        rule("GET", "/api/v1/items/{id}/attachments/{n}", "/api/v1/items/{id}/attachments/9", null,
                expect(401, 404, 404, 404, 404, 404, 404));
        // commissioning and supervision (Art. 9, 10, 13, 17)
        rule("GET", "/api/v1/notices", "/api/v1/notices", null, expect(401, 200, 200, 200, 200, 200, 200));
        rule("POST", "/api/v1/notices", "/api/v1/notices", n -> "{\"title\":\"t" + n + "\",\"deadline\":"
                + "\"2030-01-10T18:00:00+08:00\",\"units\":[\"korla\"]}", expect(401, 403, 403, 403, 201, 403, 403));
        rule("GET", "/api/v1/notices/{id}", "/api/v1/notices/N-2025-01", null, expect(401, 404, 404, 404, 200, 200, 404));
        rule("PUT", "/api/v1/notices/{id}/units/{unit}/writer", "/api/v1/notices/NONE/units/korla/writer",
                n -> "{\"writer\":\"w\"}", expect(401, 404, 404, 404, 404, 404, 404));
        rule("GET", "/api/v1/supervision", "/api/v1/supervision?month=2025-03", null,
                expect(401, 200, 200, 200, 200, 200, 200));
        rule("POST", "/api/v1/supervision/checks", "/api/v1/supervision/checks", null,
                expect(401, 403, 403, 403, 200, 200, 403));
        rule("GET", "/api/v1/summaries", "/api/v1/summaries?month=2025-03", null,
                expect(401, 200, 200, 200, 200, 200, 200));
        rule("GET", "/api/v1/reminders", "/api/v1/reminders", null, expect(401, 200, 200, 200, 200, 200, 200));
        rule("POST", "/api/v1/reminders", "/api/v1/reminders", n -> "{\"unit\":\"korla\",\"kind\":\"phone\","
                + "\"subject\":\"quota:korla:2025-03\"}", expect(401, 403, 403, 403, 201, 403, 403));
        rule("GET", "/api/v1/reminders/suggested", "/api/v1/reminders/suggested", null,
                expect(401, 403, 403, 403, 200, 403, 403));
        rule("GET", "/api/v1/reminders/template", "/api/v1/reminders/template", null,
                expect(401, 403, 403, 403, 200, 403, 403));
        rule("GET", "/api/v1/reminders/{id}", "/api/v1/reminders/999999", null, expect(401, 404, 404, 404, 404, 404, 404));
        rule("GET", "/api/v1/reminders/{id}/document", "/api/v1/reminders/999999/document", null,
                expect(401, 404, 404, 404, 404, 404, 404));
        rule("GET", "/api/v1/circulars", "/api/v1/circulars", null, expect(401, 200, 200, 200, 200, 200, 200));
        rule("POST", "/api/v1/circulars", "/api/v1/circulars", n -> "{}", expect(401, 403, 403, 403, 409, 403, 403));
        rule("GET", "/api/v1/circulars/{id}", "/api/v1/circulars/999999", null, expect(401, 404, 404, 404, 404, 404, 404));
        rule("POST", "/api/v1/rankings/snapshots", "/api/v1/rankings/snapshots?period=2025-Q1", null,
                expect(401, 403, 403, 403, 201, 403, 403));
        rule("GET", "/api/v1/rankings/snapshots/{period}", "/api/v1/rankings/snapshots/2024-Q4", null,
                expect(401, 404, 404, 404, 404, 404, 404));
        rule("GET", "/api/v1/publicity/forms", "/api/v1/publicity/forms?quarter=2025-Q1&channel=news", null,
                expect(401, 200, 200, 200, 200, 200, 200));
        rule("GET", "/api/v1/training", "/api/v1/training", null, expect(401, 200, 200, 200, 200, 200, 200));
        rule("GET", "/api/v1/publicity", "/api/v1/publicity?unit=korla&quarter=2025-Q1", null,
                expect(401, 403, 200, 200, 200, 200, 200));
        rule("POST", "/api/v1/publicity", "/api/v1/publicity", n -> "{\"unit\":\"korla\",\"channel\":\"news\","
                + "\"outlet\":\"人民日报\",\"title\":\"t" + n + "\",\"published\":\"2025-03-01\"}",
                expect(401, 403, 201, 201, 201, 201, 201));
        rule("POST", "/api/v1/training", "/api/v1/training", n -> "{\"unit\":\"korla\",\"form\":\"seminar\","
                + "\"date\":\"2025-06-10\",\"title\":\"t\",\"attendees\":[\"a\"]}", expect(401, 403, 201, 201, 201, 403, 201));
        // archive (Art. 12, 16)
        rule("GET", "/api/v1/archive/volumes", "/api/v1/archive/volumes", null, expect(401, 403, 403, 403, 200, 200, 403));
        rule("GET", "/api/v1/archive/volumes/{year}", "/api/v1/archive/volumes/2025", null,
                expect(401, 403, 403, 403, 200, 200, 403));
        rule("GET", "/api/v1/archive/volumes/{year}/paper", "/api/v1/archive/volumes/2025/paper", null,
                expect(401, 403, 403, 403, 200, 200, 403));
        rule("POST", "/api/v1/archive/volumes/{year}/paper", "/api/v1/archive/volumes/2025/paper", n -> "{}",
                expect(401, 403, 403, 403, 400, 400, 403));
        rule("GET", "/api/v1/archive/volumes/{year}/annotations", "/api/v1/archive/volumes/2025/annotations", null,
                expect(401, 403, 403, 403, 200, 200, 403));
        rule("POST", "/api/v1/archive/volumes/{year}/annotations", "/api/v1/archive/volumes/2025/annotations",
                n -> "{\"note\":\"批注\"}", expect(401, 403, 403, 403, 409, 409, 403));
        rule("GET", "/api/v1/archive/packages/{year}", "/api/v1/archive/packages/2025", null,
                expect(401, 403, 403, 403, 200, 200, 403));
        rule("POST", "/api/v1/archive/verify", "/api/v1/archive/verify", n -> "not a zip",
                expect(401, 403, 403, 403, 400, 400, 403));
        rule("GET", "/api/v1/archive/key", "/api/v1/archive/key", null, expect(200, 200, 200, 200, 200, 200, 200));
        rule("GET", "/api/v1/archive/trusted-keys", "/api/v1/archive/trusted-keys", null,
                expect(401, 403, 403, 403, 200, 200, 403));
        rule("POST", "/api/v1/archive/trusted-keys", "/api/v1/archive/trusted-keys", n -> "{\"public_key\":\"x\"}",
                expect(401, 403, 403, 403, 403, 400, 403));
        rule("GET", "/api/v1/archive/exchange-packages", "/api/v1/archive/exchange-packages?unit=korla&from=2025-01-01&to=2025-03-31",
                null, expect(401, 403, 200, 200, 200, 200, 200));
        rule("POST", "/api/v1/archive/exchange-packages", "/api/v1/archive/exchange-packages", n -> "not a zip",
                expect(401, 403, 403, 403, 400, 400, 403));
        // volumes closed last (it freezes the year)
        rule("POST", "/api/v1/archive/volumes", "/api/v1/archive/volumes?year=2031", null,
                expect(401, 403, 403, 403, 200, 403, 403));
        // last: each role logs out, which ends its token
        rule("DELETE", "/api/v1/session", "/api/v1/session", null, expect(401, 204, 204, 204, 204, 204, 204));
    }

    private static void rule(String method, String template, String path, Function<Integer, String> body,
            Map<String, Integer> expected) {
        RULES.add(new Rule(method, template, path, body, expected));
    }

    @BeforeAll
    static void start() throws Exception {
        dist = new Distribution(Distribution.work("matrix"), PASSWORD).start();
        String admin = dist.login("admin", PASSWORD);
        HttpResponse<String> r = dist.send("POST", "/api/v1/exchange", admin, HttpRequest.BodyPublishers
                .ofByteArray(Examples.bytes(Examples.YEAR)));
        assertEquals(200, r.statusCode(), r.body());
        String[][] users = {{"officer", "officer", "korla"}, {"reviewer", "reviewer", "korla"},
            {"signer", "signer", "korla"}, {"other", "officer", "luntai"}, {"editor", "editor", null}};
        for (String[] u : users) {
            ObjectNode n = Distribution.JSON.createObjectNode().put("username", "m-" + u[0]).put("name", u[0])
                    .put("password", USER_PASSWORD).put("unit", u[2]);
            n.putArray("roles").add(u[1]);
            assertEquals(201, dist.post("/api/v1/users", admin, n.toString()).statusCode());
            tokens.put(u[0], dist.login("m-" + u[0], USER_PASSWORD));
        }
        tokens.put("admin", admin);
    }

    @AfterAll
    static void stop() throws Exception {
        if (dist != null) {
            dist.stop();
            dist.close();
        }
    }

    /** A fresh draft of korla, by its officer. */
    private static String draft() throws Exception {
        HttpResponse<String> r = dist.post("/api/v1/items", tokens.get("officer"),
                "{\"type\":\"work_results\",\"title\":\"矩阵测试" + (++counter) + "\",\"body\":\"正文\"}");
        assertEquals(201, r.statusCode(), r.body());
        return Distribution.json(r).path("id").asText();
    }

    @Test
    void everyEndpointAnswersEachRoleAndUnitAsItsRuleSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        int requests = 0;
        for (Rule rule : RULES) {
            String id = rule.path().contains("{id}") ? draft() : null;
            for (String role : ROLES) {
                String path = id == null ? rule.path() : rule.path().replace("{id}", id);
                String body = rule.body() == null ? null : rule.body().apply(++counter);
                HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body);
                HttpResponse<String> r = rule.method().equals("GET") ? dist.get(path, tokens.get(role))
                        : dist.send(rule.method(), path, tokens.get(role), publisher);
                requests++;
                int expected = rule.expected().get(role);
                if (r.statusCode() != expected) {
                    wrong.add(rule.method() + " " + path + " as " + role + ": " + r.statusCode() + " (expected "
                            + expected + ") " + r.body().substring(0, Math.min(160, r.body().length())));
                }
                if (r.statusCode() == 404 && role.equals("other") && id != null) {
                    assertTrue(!r.body().contains("矩阵测试"), "a 404 never carries the other unit's data");
                }
            }
        }
        System.out.printf("access matrix: %d rules × %d roles = %d requests, %d unexpected%n", RULES.size(),
                ROLES.size(), requests, wrong.size());
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void noEndpointOfTheApiGoesWithoutARule() throws Exception {
        JsonNode openapi = Distribution.json(dist.get("/api/v1/openapi.json", null));
        TreeSet<String> missing = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = openapi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (String method : List.of("get", "post", "put", "delete")) {
                if (p.getValue().has(method) && RULES.stream().noneMatch(r -> r.template().equals(p.getKey())
                        && r.method().equalsIgnoreCase(method))) {
                    missing.add(method.toUpperCase() + " " + p.getKey());
                }
            }
        }
        assertTrue(missing.isEmpty(), "endpoints without an access rule: " + missing);
        Files.createDirectories(Path.of("target"));
    }
}
