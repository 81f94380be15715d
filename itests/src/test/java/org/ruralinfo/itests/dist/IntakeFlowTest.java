package org.ruralinfo.itests.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The item workflow through real HTTP on the running distribution (Art. 5, 7, 8, 19(1)): a korla officer
 * drafts, the reviewer approves with the confidentiality check, the signer sends it, the editor accepts
 * and adopts it at the prefecture briefing; the ranking explains the 5 points by the item, and withdrawing
 * the adoption takes them away. Another unit's officer never sees the item.
 */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class IntakeFlowTest {
    private static final String PASSWORD = "Itest-Secret-2026";
    private static final String USER_PASSWORD = "Unit-Secret-2026";
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F',
        0, 1, 2, 3};
    private static Distribution dist;
    private static String admin;

    /** @return the database environment of the distribution: embedded H2 here ({@link IntakeFlowOnPostgresTest}) */
    Map<String, String> database() throws Exception {
        return Map.of();
    }

    @BeforeAll
    void start() throws Exception {
        dist = new Distribution(Distribution.work(getClass().getSimpleName()), PASSWORD).on(database()).start();
        admin = dist.login("admin", PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        if (dist != null) {
            dist.stop();
            dist.close();
        }
    }

    private static String createUser(String username, String role, String unit) throws Exception {
        ObjectNode u = Distribution.JSON.createObjectNode().put("username", username).put("name", username)
                .put("password", USER_PASSWORD).put("unit", unit);
        u.putArray("roles").add(role);
        HttpResponse<String> r = dist.post("/api/v1/users", admin, u.toString());
        assertEquals(201, r.statusCode(), r.body());
        return dist.login(username, USER_PASSWORD);
    }

    private static HttpResponse<String> act(String token, String id, String json) throws Exception {
        return dist.post("/api/v1/items/" + id + "/transitions", token, json);
    }

    private static List<JsonNode> korlaLines(String period, String token) throws Exception {
        HttpResponse<String> r = dist.get("/api/v1/rankings?period=" + period, token);
        assertEquals(200, r.statusCode(), r.body());
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode row : Distribution.json(r).path("kinds").path("county")) {
            if (row.path("unit").asText().equals("korla")) {
                row.path("lines").forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void draftToAdoptionShowsTheExplainedPointsAndWithdrawalRemovesThem() throws Exception {
        JsonNode health = Distribution.json(dist.get("/api/v1/health", null));
        assertEquals("UP", health.path("status").asText());
        assertEquals(health.path("bundles").path("total").asInt(), health.path("bundles").path("active").asInt());

        String doc = """
                {"format": "ruralinfo-exchange/1", "prefecture": "bazhou",
                 "calendar": [{"year": 2025, "holidays": ["2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06",
                   "2025-10-07", "2025-10-08"], "workdays": ["2025-09-28", "2025-10-11"]}],
                 "units": [{"id": "korla", "name": "库尔勒市乡村振兴局", "kind": "county"},
                           {"id": "luntai", "name": "轮台县乡村振兴局", "kind": "county"},
                           {"id": "stats", "name": "宣教统计科", "kind": "department"}]}
                """;
        assertEquals(200, dist.post("/api/v1/exchange", admin, doc).statusCode());
        String officer = createUser("korla-officer", "officer", "korla");
        String reviewer = createUser("korla-reviewer", "reviewer", "korla");
        String signer = createUser("korla-signer", "signer", "korla");
        String luntai = createUser("luntai-officer", "officer", "luntai");
        String editor = createUser("editor", "editor", null);

        // the officer drafts
        HttpResponse<String> created = dist.post("/api/v1/items", officer, """
                {"type": "work_results", "title": "库尔勒市庭院经济带动农户增收",
                 "body": "今年以来，库尔勒市因地制宜发展庭院经济，带动2300余户农户户均增收3200元。"}""");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode item = Distribution.json(created);
        String id = item.path("id").asText();
        assertEquals("draft", item.path("status").asText());
        assertEquals("korla", item.path("unit").asText());
        assertEquals("/api/v1/items/" + id, created.headers().firstValue("Location").orElse(""));
        assertEquals("[\"submit\"]", item.path("actions").toString());

        // a photo, type judged by content, back as a download
        HttpResponse<String> up = dist.send("POST", "/api/v1/items/" + id + "/attachments?name=%E7%8E%B0%E5%9C%BA.jpg",
                officer, HttpRequest.BodyPublishers.ofByteArray(JPEG));
        assertEquals(201, up.statusCode(), up.body());
        assertEquals("image/jpeg", Distribution.json(up).path("type").asText());
        HttpResponse<byte[]> down = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                dist.uri("/api/v1/items/" + id + "/attachments/1")).header("Authorization", "Bearer " + officer)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, down.statusCode());
        assertArrayEquals(JPEG, down.body());
        assertEquals("image/jpeg", down.headers().firstValue("Content-Type").orElse(""));
        assertTrue(down.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
        assertEquals("nosniff", down.headers().firstValue("X-Content-Type-Options").orElse(""));
        String boundary = "----ruralinfo-itest";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] multipart = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, multipart, head.length, tail.length);
        HttpResponse<String> form = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                dist.uri("/api/v1/items/" + id + "/attachments")).header("Authorization", "Bearer " + officer)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, form.statusCode(), form.body());
        assertEquals("application/pdf", Distribution.json(form).path("type").asText());
        assertEquals("scan.pdf", Distribution.json(form).path("name").asText());
        HttpResponse<String> html = dist.send("POST", "/api/v1/items/" + id + "/attachments", officer,
                HttpRequest.BodyPublishers.ofString("<html><script>alert(1)</script></html>"));
        assertEquals(415, html.statusCode(), html.body());

        // another unit's officer: not found, never its data
        HttpResponse<String> foreign = dist.get("/api/v1/items/" + id, luntai);
        assertEquals(404, foreign.statusCode());
        assertFalse(foreign.body().contains("庭院经济"));
        int transition = act(luntai, id, "{\"action\": \"submit\"}").statusCode();
        assertTrue(transition == 404 || transition == 403, "luntai transitions: " + transition);
        assertEquals(0, Distribution.json(dist.get("/api/v1/items", luntai)).path("total").asInt());
        assertEquals(404, dist.get("/api/v1/items/" + id + "/attachments/1", luntai).statusCode());

        // through the unit
        assertEquals("submitted", Distribution.json(act(officer, id, "{\"action\": \"submit\"}")).path("status").asText());
        HttpResponse<String> illegal = act(officer, id, "{\"action\": \"submit\"}");
        assertEquals(409, illegal.statusCode(), illegal.body());
        assertTrue(illegal.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("[\"approve\",\"return\"]", Distribution.json(illegal).path("allowed").toString());
        assertTrue(Distribution.json(illegal).path("detail").asText().contains("approve, return"));
        JsonNode approved = Distribution.json(act(reviewer, id, "{\"action\": \"approve\", \"verdict\": \"不涉密\"}"));
        assertEquals("approved", approved.path("status").asText());
        assertEquals("korla-reviewer", approved.path("confidentiality_check").path("reviewer").asText());
        assertEquals("不涉密", approved.path("confidentiality_check").path("verdict").asText());
        JsonNode signed = Distribution.json(act(signer, id, "{\"action\": \"sign\"}"));
        assertEquals("signed", signed.path("status").asText());
        assertFalse(signed.path("submitted_at").isNull(), "signing sends it to the prefecture");

        // the prefecture screens and adopts
        assertEquals("accepted", Distribution.json(act(editor, id, "{\"action\": \"accept\"}")).path("status").asText());
        HttpResponse<String> adopted = dist.post("/api/v1/items/" + id + "/adoptions", editor,
                "{\"level\": \"prefecture_briefing\", \"at\": \"2025-10-15\", \"issue\": \"2025年第12期\"}");
        assertEquals(201, adopted.statusCode(), adopted.body());
        assertEquals(409, dist.post("/api/v1/items/" + id + "/adoptions", editor,
                "{\"level\": \"prefecture_briefing\", \"at\": \"2025-10-16\"}").statusCode(), "once per level");

        List<JsonNode> lines = korlaLines("2025-Q4", editor);
        JsonNode line = lines.stream().filter(l -> l.path("ref").asText().equals("item:" + id)).findFirst()
                .orElseThrow(() -> new AssertionError("no line for item:" + id + " in " + lines));
        assertEquals(5, line.path("points").asInt());
        assertEquals("Art.19(1)", line.path("rule").asText());

        HttpResponse<String> withdrawn = dist.send("DELETE", "/api/v1/items/" + id + "/adoptions/prefecture_briefing",
                editor, HttpRequest.BodyPublishers.noBody());
        assertEquals(200, withdrawn.statusCode(), withdrawn.body());
        assertTrue(korlaLines("2025-Q4", editor).stream().noneMatch(l -> l.path("ref").asText().equals("item:" + id)),
                "the points go at once");
        // the rankings brought up to date item by item (issue #9) are those of the year read afresh: the same
        // document imported again changes no record but makes every node read every record again
        String q4 = dist.get("/api/v1/rankings?period=2025-Q4", editor).body();
        String year = dist.get("/api/v1/rankings?period=2025", editor).body();
        assertEquals(200, dist.post("/api/v1/exchange", admin, doc).statusCode());
        assertEquals(q4, dist.get("/api/v1/rankings?period=2025-Q4", editor).body());
        assertEquals(year, dist.get("/api/v1/rankings?period=2025", editor).body());

        JsonNode view = Distribution.json(dist.get("/api/v1/items/" + id, officer));
        List<String> steps = new ArrayList<>();
        view.path("history").forEach(h -> steps.add(h.path("action").asText()));
        assertEquals(List.of("create", "submit", "approve", "sign", "accept", "adopt", "withdraw_adoption"), steps);
        assertEquals(2, view.path("attachments").size());
    }

    @Test
    void badBodiesAreNamedAndRolesChecked() throws Exception {
        assertEquals(200, dist.post("/api/v1/exchange", admin, """
                {"format": "ruralinfo-exchange/1",
                 "units": [{"id": "yuli", "name": "尉犁县乡村振兴局", "kind": "county"}]}""").statusCode());
        String officer = createUser("yuli-officer", "officer", "yuli");
        String reviewer = createUser("yuli-reviewer", "reviewer", "yuli");

        HttpResponse<String> meeting = dist.post("/api/v1/items", officer,
                "{\"type\": \"meeting\", \"title\": \"传达会议精神\", \"body\": \"……\"}");
        assertEquals(400, meeting.statusCode(), meeting.body());
        assertTrue(meeting.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("$.occurred_at", Distribution.json(meeting).path("errors").get(0).path("path").asText());

        HttpResponse<String> unknown = dist.post("/api/v1/items", officer,
                "{\"type\": \"work_results\", \"title\": \"t\", \"body\": \"b\", \"colour\": \"red\"}");
        assertEquals(400, unknown.statusCode());
        assertEquals("$.colour", Distribution.json(unknown).path("errors").get(0).path("path").asText());

        HttpResponse<String> type = dist.post("/api/v1/items", officer, "{\"type\": \"gossip\", \"title\": \"t\", \"body\": \"b\"}");
        assertEquals(400, type.statusCode());
        assertEquals("$.type", Distribution.json(type).path("errors").get(0).path("path").asText());

        HttpResponse<String> time = dist.post("/api/v1/items", officer,
                "{\"type\": \"emergency\", \"title\": \"t\", \"body\": \"b\", \"occurred_at\": \"yesterday\"}");
        assertEquals(400, time.statusCode());
        assertEquals("$.occurred_at", Distribution.json(time).path("errors").get(0).path("path").asText());

        assertEquals(403, dist.post("/api/v1/items", reviewer,
                "{\"type\": \"work_results\", \"title\": \"t\", \"body\": \"b\"}").statusCode());
        assertEquals(404, dist.get("/api/v1/items/IN-1999-000001", officer).statusCode());
        assertEquals(400, dist.get("/api/v1/items?status=lost", officer).statusCode());
        assertEquals(401, dist.get("/api/v1/items", null).statusCode());

        String id = Distribution.json(dist.post("/api/v1/items", officer,
                "{\"type\": \"work_results\", \"title\": \"尉犁县罗布人村寨文旅融合\", \"body\": \"正文\"}")).path("id").asText();
        HttpResponse<String> noAction = act(officer, id, "{\"comment\": \"x\"}");
        assertEquals(400, noAction.statusCode());
        assertEquals("$.action", Distribution.json(noAction).path("errors").get(0).path("path").asText());
        assertEquals(403, act(reviewer, id, "{\"action\": \"submit\"}").statusCode());
        assertEquals(200, act(officer, id, "{\"action\": \"submit\"}").statusCode());
        HttpResponse<String> noComment = act(reviewer, id, "{\"action\": \"return\"}");
        assertEquals(400, noComment.statusCode());
        assertEquals("$.comment", Distribution.json(noComment).path("errors").get(0).path("path").asText());
        JsonNode page = Distribution.json(dist.get("/api/v1/items?q=%E7%BD%97%E5%B8%83&status=submitted", reviewer));
        assertEquals(1, page.path("total").asInt());
        assertEquals(id, page.path("items").get(0).path("id").asText());
    }
}
